import type { KioskHandlers } from '../../../shared/ipc/contract';
import type { CoreDeps } from './deps';
import { unwrap } from './outcome';

/**
 * The social-security card through the counter's reader: main reads number and card_sn from the
 * device and sends 1101 type 03; the page only asks and hears who it is. Nobody types a card_sn.
 */
export function cardReaderHandlers(deps: Pick<CoreDeps, 'cardReader' | 'settlement' | 'logger'>): Pick<KioskHandlers, 'identifyByCardReader'> {
  return {
    identifyByCardReader: async () => {
      if (!deps.cardReader) return { status: 'no-reader' };
      const reading = await deps.cardReader.read();
      if (reading.status === 'unreadable') {
        deps.logger.warn('card reader: card not readable', { kind: deps.cardReader.kind, detail: reading.detail });
        return { status: 'unreadable' };
      }
      if (reading.status === 'no-card') return { status: 'no-card' };
      return { status: 'identified', person: unwrap(await deps.settlement.identifyByCard(reading.card)) };
    },
  };
}
