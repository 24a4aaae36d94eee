/**
 * The counter's barcode/QR scanner is a keyboard ("keyboard wedge"): it types what it read and
 * presses Enter. What tells it from a person is speed: its characters come a few milliseconds
 * apart, a person's 100 ms or more. A burst ending in Enter is a scan, wherever focus is.
 */
export interface ScannerTiming {
  /** Characters closer together than this belong to one burst. */
  maxGapMs: number;
  /** The Enter that ends a scan follows its last character within this. */
  enterGapMs: number;
  /** Shorter bursts are not scans (the shortest drug barcode, EAN-8, has 8). */
  minLength: number;
}

export const SCANNER_TIMING: ScannerTiming = { maxGapMs: 35, enterGapMs: 100, minLength: 6 };

export type ScanHandler = (code: string) => void;

/** Keeps the characters of the current burst; `at` is the key event's time in ms. */
export function createBurstDetector(timing: ScannerTiming = SCANNER_TIMING) {
  let chars = '';
  let last = Number.NEGATIVE_INFINITY;
  return {
    /** A character; true when it came at scanner speed after the one before. */
    char(char: string, at: number): boolean {
      const fast = at >= last && at - last < timing.maxGapMs;
      chars = fast ? chars + char : char;
      last = at;
      return fast;
    },
    /** Enter: the scanned code when it ends a burst, else null. Either way a new burst begins. */
    enter(at: number): string | null {
      const code = chars.length >= timing.minLength && at >= last && at - last <= timing.enterGapMs ? chars : null;
      this.reset();
      return code;
    },
    reset(): void {
      chars = '';
      last = Number.NEGATIVE_INFINITY;
    },
  };
}

const TEXT_TYPES = new Set(['text', 'search', 'password', 'tel', 'number', 'email', 'url']);

/** An input that takes typing: what a scanner types there is the field's, Enter included. */
export function isTextEntry(element: Element | null): boolean {
  if (!element) return false;
  if (element.tagName === 'TEXTAREA') return !(element as HTMLTextAreaElement).readOnly && !(element as HTMLTextAreaElement).disabled;
  if (element.tagName !== 'INPUT') return false;
  const input = element as HTMLInputElement;
  return TEXT_TYPES.has(input.type) && !input.readOnly && !input.disabled;
}

/** What a tap may leave focused that Enter would press. */
const PRESSABLE = 'button, [role="button"], a[href], summary';

/**
 * Listens on the whole document: a scan goes to `route()` (the screen's handler) unless a text
 * field has focus, and the scan's Enter never reaches a button. Buttons give their focus back
 * after a tap, so no Enter can press them. Returns the way to stop listening.
 */
export function listenForScans(doc: Document, route: () => ScanHandler | null, timing: ScannerTiming = SCANNER_TIMING): () => void {
  const burst = createBurstDetector(timing);

  const onKeyDown = (event: KeyboardEvent) => {
    // Scanners hold Shift for capitals; anything else held, or a key held down, is a person.
    if (event.key === 'Shift' || event.key === 'CapsLock') return;
    if (event.ctrlKey || event.altKey || event.metaKey || event.repeat || event.isComposing) return burst.reset();
    const inField = isTextEntry(doc.activeElement);
    if (event.key.length === 1) {
      // Outside a field the burst's characters act on nothing (a space would press a button).
      if (burst.char(event.key, event.timeStamp) && !inField) event.preventDefault();
      return;
    }
    if (event.key !== 'Enter') return burst.reset();
    const code = burst.enter(event.timeStamp);
    if (code === null || inField) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    route()?.(code);
  };

  // Touch focuses a button on the mouse-compatible press that follows pointerup, so the focus is
  // given back after the click as well (a keyboard's click, detail 0, keeps it for Tab).
  const giveBackFocus = (event: Event) => {
    if (event.type === 'click' && (event as MouseEvent).detail === 0) return;
    const pressed = event.target instanceof Element ? event.target.closest(PRESSABLE) : null;
    if (pressed && pressed === doc.activeElement) (pressed as HTMLElement).blur();
  };

  doc.addEventListener('keydown', onKeyDown, true);
  doc.addEventListener('pointerup', giveBackFocus, true);
  doc.addEventListener('click', giveBackFocus, true);
  return () => {
    doc.removeEventListener('keydown', onKeyDown, true);
    doc.removeEventListener('pointerup', giveBackFocus, true);
    doc.removeEventListener('click', giveBackFocus, true);
  };
}
