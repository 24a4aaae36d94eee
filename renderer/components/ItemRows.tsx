import type { ReceiptItem } from '../../shared/types/settlement';
import { yuan } from './money';

/** The itemised lines of a bill, the same on the confirmation and on the receipt. */
export function ItemRows({ items }: { items: readonly ReceiptItem[] }) {
  return (
    <tbody>
      {items.map((item, i) => (
        <tr key={i}>
          <td>{item.name}</td>
          <td className="num">×{item.cnt}</td>
          <td className="num">{yuan(item.amountFen)}</td>
        </tr>
      ))}
    </tbody>
  );
}
