import { useState, type FormEvent } from 'react';
import type { Product } from '../../api/counter';
import { Field } from '../../components/Field';
import { yuan } from '../../components/money';
import { ScreenFrame } from '../../components/ScreenFrame';
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
  const search = async (event: FormEvent) => {
    event.preventDefault();
    const q = query.trim();
    if (!q) return;
    const result = await api.lookupCatalogue(/^\d{8,14}$/.test(q) ? { barcode: q } : { text: q });
    const products = result.ok ? result.value : [];
    setNotFound(products.length === 0);
    setQuery('');
    if (products.length === 1) {
      addToCart(products[0]!);
      setFound([]);
    } else setFound(products);
  };
  const total = cart.reduce((sum, line) => sum + line.product.priceFen * line.cnt, 0);
  return (
    <ScreenFrame name="cart" title={t('cart.title')} spoken={cart.length === 0 ? t('cart.empty') : t('cart.title')}>
      <form className="form form--inline" onSubmit={(e) => void search(e)}>
        <Field label={t('cart.scan')} value={query} onChange={(e) => setQuery(e.target.value)} autoFocus />
        <button type="submit" className="button button--secondary">
          {t('cart.search')}
        </button>
      </form>
      {notFound ? <p className="screen__text screen__text--warn">{t('cart.notFound')}</p> : null}
      {found.length > 0 ? (
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
      ) : null}
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
      <Field
        label={t('cart.rxno')}
        value={rxno}
        maxLength={30}
        onChange={(e) => setRxno(e.target.value.replace(/[^A-Za-z0-9-]/g, ''))}
      />
      <p className="figure" data-testid="cart-total">
        {t('cart.total')} {yuan(total)}
      </p>
      <button type="button" className="button button--primary button--huge" disabled={cart.length === 0} onClick={() => goTo('consent')}>
        {t('cart.next')}
      </button>
    </ScreenFrame>
  );
}
