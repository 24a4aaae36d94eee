import { useT } from '../i18n';
import { KeypadGroup } from './KeypadGroup';
import { OPERATOR_ID, PIN } from './keypadSpec';
import { NumberField } from './NumberField';

export interface StaffPinFieldsProps {
  operatorId: string;
  onOperatorIdChange(value: string): void;
  pin: string;
  onPinChange(value: string): void;
  /** The field the keypad types into first: the PIN where the operator number is usually filled in already. */
  initial: 'operator' | 'pin';
}

/**
 * A staff member's number and PIN, sharing one keypad, wherever staff authorise a step for the
 * patient at the counter (cancelling a settlement, confirming a payment above the cap). The field
 * names `operator` and `pin` are what the keypad group and the tests find them by.
 */
export function StaffPinFields({ operatorId, onOperatorIdChange, pin, onPinChange, initial }: StaffPinFieldsProps) {
  const t = useT();
  return (
    <KeypadGroup initial={initial}>
      <NumberField name="operator" label={t('idn.operator')} spec={OPERATOR_ID} value={operatorId} onValueChange={onOperatorIdChange} />
      <NumberField name="pin" label={t('idn.pin')} spec={PIN} value={pin} onValueChange={onPinChange} autoFocus />
    </KeypadGroup>
  );
}
