import { readFile } from 'node:fs/promises';
import { cardReadingOf, type CardReader } from './cardReader';

/**
 * A card reader for demos and tests, as Chromium's fake camera is a camera: the card "in the
 * reader" is a JSON file `{"cardNo": "…", "cardSn": "…"}` (a demo person's card from
 * sandbox/seed/demoPersons.ts). No file: no card. A file that is not such a card: a card that
 * cannot be read. Everything after the read is the real path (1101 type 03 with card_sn).
 */
export function simulatedCardReader(cardFile: string): CardReader {
  return {
    kind: 'simulated',
    async read() {
      let text: string;
      try {
        text = await readFile(cardFile, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'no-card' };
        return { status: 'unreadable', detail: `card file not readable (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return { status: 'unreadable', detail: 'card file is not JSON' };
      }
      const card = cardReadingOf(parsed);
      return card ? { status: 'read', card } : { status: 'unreadable', detail: 'card file holds no card number and card_sn' };
    },
  };
}
