import { useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useKioskStore } from '../store';
import { selectPrinting } from '../store/selectors';
import { PRINT_ROOT_ID } from './slip';
import { SlipView, type SlipProps } from './SlipView';
import './print.css';

/** The one element print.css prints; hidden on screen and from assistive technology (the screen shows the receipt). */
function printRoot(): HTMLElement {
  const found = document.getElementById(PRINT_ROOT_ID);
  if (found) return found;
  const root = document.createElement('div');
  root.id = PRINT_ROOT_ID;
  root.setAttribute('aria-hidden', 'true');
  document.body.appendChild(root);
  return root;
}

/**
 * Puts a slip where printing takes it from, for as long as the screen showing it is there:
 * Electron prints the window and the bridge's page prints itself, and print.css shows this
 * alone. Leaving the screen takes the slip (and the patient's name on it) out of the page.
 */
export function PrintPortal({ children }: { children: ReactNode }) {
  const [root] = useState(printRoot);
  return createPortal(children, root);
}

/** A receipt's slip, laid out for the configured paper. */
export function PrintSlip(props: SlipProps) {
  const { paper } = useKioskStore(selectPrinting);
  return (
    <PrintPortal>
      <SlipView {...props} paper={paper} />
    </PrintPortal>
  );
}
