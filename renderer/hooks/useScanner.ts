import { useEffect, useLayoutEffect, useRef } from 'react';
import { listenForScans, type ScanHandler } from '../device/scanner';

/** The screens that take scans, latest shown last: a scan goes to the last one. */
const handlers: { take: ScanHandler }[] = [];

const current = (): ScanHandler | null => handlers.at(-1)?.take ?? null;

/**
 * The screen takes scans while it is shown: the pharmacy cart a drug's barcode, the home and
 * other-ways screens the e-voucher QR code. null: this screen takes none (a scan is then
 * dropped, its Enter pressing nothing).
 */
export function useScanner(handler: ScanHandler | null): void {
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  const takes = handler !== null;
  useEffect(() => {
    if (!takes) return undefined;
    const entry = { take: (code: string) => latest.current?.(code) };
    handlers.push(entry);
    return () => {
      handlers.splice(handlers.indexOf(entry), 1);
    };
  }, [takes]);
}

/** Mounted once, by the app: the document-wide listener that sends each scan to the screen. */
export function useScannerListener(): void {
  useEffect(() => listenForScans(document, current), []);
}
