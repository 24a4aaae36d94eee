/**
 * Performance marks the counter benchmark (test/tools/benchCounter.ts) reads from the page:
 * the first camera frame with a face, and the receipt on screen. Cheap, and no data in them.
 */
export const MARK_FACE_SEEN = 'facesettle:face-seen';
export const MARK_RECEIPT = 'facesettle:receipt';

export function mark(name: string): void {
  // Not every environment has User Timing (jsdom, jest's fake timers); a missing mark only costs the bench.
  if (typeof performance.mark !== 'function' || typeof performance.clearMarks !== 'function') return;
  // One entry per name: the timeline keeps marks until cleared, and a kiosk serves patients for months.
  performance.clearMarks(name);
  performance.mark(name);
}
