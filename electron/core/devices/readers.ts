import type { TerminalConfig } from '../../../shared/config/terminalConfig';
import type { CardReader } from './cardReader';
import { simulatedCardReader } from './simulatedCardReader';

/**
 * The reader the configuration names, or undefined when there is none (`cardReader.kind`
 * "none"): the card screen then asks staff to type the number printed on the card.
 */
export function createCardReader(config: TerminalConfig['cardReader']): CardReader | undefined {
  switch (config.kind) {
    case 'simulated':
      return simulatedCardReader(config.cardFile);
    case 'none':
      return undefined;
  }
}
