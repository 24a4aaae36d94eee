import { useState, type FormEvent } from 'react';
import type { Product } from '../../api/counter';
import { BARCODE, RX_NO } from '../../components/keypadSpec';
import { NumberField } from '../../components/NumberField';
import { yuan } from '../../components/money';
import { ScreenFrame } from '../../components/ScreenFrame';
import { ScrollBox } from '../../components/ScrollBox';
import { useScanner } from '../../hooks/useScanner';
import { useT } from '../../i18n';
import { useKioskStore } from '../../store';
import { selectCart } from '../../store/selectors';
import { useCounterApi } from '../useCounter';

/**
 * Staff build the cart: the barcode scanner types digits and Enter into the field, or staff
 * type part of a name and pick. Prices are the catalogue's; the engine re-prices anyway. A sale
 * of prescription drugs takes the prescription's number (scanned or typed); over the counter, none.
 */
export function CartScreen() {
  const t = useT();
  const api = useCounterApi();
  const cart = useKioskStore(selectCart);
  const addToCart = useKioskStore((s) => s.addToCart);
  const changeCount = useKioskStore((s) => s.changeCount);
  const goTo = useKioskStore((s) => s.goTo);
  const rxno = useKioskStore((s) => s.rxno);
  const setRxno = useKioskStore((s) => s.setRxno);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Product[]>([]);
  const [notFound, setNotFound] = useState(false);
  const lookup = async (q: string) => {
    const result = await api.lookupCatalogue(/^\d{8,14}$/.test(q) ? { barcode: q } : { text: q });
    const products = result.ok ? result.value : [];
    setNotFound(products.length === 0);
    if (products.length === 1) {
      addToCart(products[0]!);
      setFound([]);
    } else setFound(products);
  };
  const search = async (event: FormEvent) => {
    event.preventDefault();
    const q = query.trim();
    if (!q) return;
    await lookup(q);
    setQuery('');
  };
  // A box scanned while no field has focus (after a tap on + or −, say) goes in all the same.
  useScanner((code) => void lookup(code));
  const total = cart.reduce((sum, line) => sum + line.product.priceFen * line.cnt, 0);
  return (
    <ScreenFrame name="cart" title={t('cart.title')} spoken={cart.length === 0 ? t('cart.empty') : t('cart.title')}>
      <form className="form form--inline" onSubmit={(e) => void search(e)}>
        <NumberField label={t('cart.scan')} spec={BARCODE} freeText value={query} onValueChange={setQuery} autoFocus />
        <button type="submit" className="button button--secondary">
          {t('cart.search')}
        </button>
      </form>
      {notFound ? <p className="screen__text screen__text--warn">{t('cart.notFound')}</p> : null}
      {found.length > 0 ? (
        <ScrollBox label={t('cart.search')} className="cart__results">
          <ul className="results">
            {found.map((p) => (
              <li key={p.medinsListCodg}>
                <span>
                  {p.name} {yuan(p.priceFen)}/{p.unit}
                </span>
                <button type="button" className="button button--secondary button--small" onClick={() => { addToCart(p); setFound([]); }}>
                  {t('cart.add')}
                </button>
              </li>
            ))}
          </ul>
        </ScrollBox>
      ) : null}
      <ScrollBox label={t('cart.title')} className="cart__lines">
        <table className="cart">
          <tbody>
            {cart.map((line) => (
              <tr key={line.product.medinsListCodg}>
                <td>{line.product.name}</td>
                <td className="num">×{line.cnt}</td>
                <td className="num">{yuan(line.product.priceFen * line.cnt)}</td>
                <td>
                  <button type="button" className="button button--quiet button--small" aria-label={`${t('cart.more')} ${line.product.name}`} onClick={() => changeCount(line.product.medinsListCodg, 1)}>
                    +
                  </button>
                  <button type="button" className="button button--quiet button--small" aria-label={`${t('cart.less')} ${line.product.name}`} onClick={() => changeCount(line.product.medinsListCodg, -1)}>
                    −
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      {/* With focus here the scanner's characters are the prescription's number, not a drug. */}
      <NumberField label={t('cart.rxno')} spec={RX_NO} value={rxno} onValueChange={setRxno} keypad="closed" />
      <p className="figure" data-testid="cart-total">
        {t('cart.total')} {yuan(total)}
      </p>
      <button type="button" className="button button--primary button--huge" disabled={cart.length === 0} onClick={() => goTo('consent')}>
        {t('cart.next')}
      </button>
    </ScreenFrame>
  );
}
