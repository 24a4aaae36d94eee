import { randomBytes } from 'node:crypto';
import { hashPin } from '../settlement/usecases/operators';

/** `npm run pin:hash -- <pin>`: the `salt:hash` to put in terminal.json; the PIN itself is never stored. */
const pin = process.argv[2] ?? '';
if (!/^\d{4,12}$/.test(pin)) {
  console.error('usage: npm run pin:hash -- <4-12 digit PIN>');
  process.exit(2);
}
console.log(hashPin(pin, randomBytes(8).toString('hex')));
