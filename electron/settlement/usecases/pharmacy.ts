import { SettlementFailure } from '../errors';
import type { BillLine } from '../his/bridge';
import { fenToYuan } from '../../../shared/money';
import { wireAmount } from '../nhsa/amounts';
import { STAFF_OPERATOR_TYPE } from '../nhsa/envelope';
import { useCase, type UseCaseContext } from './context';
import { preSettle } from './settle';
import { accountFlag, certificateFields, drugLine, now, prescription, receiptItem, sumFen } from './wire';
import { lookupCatalogueInput, preparePharmacyInput } from '../../../shared/ipc/settlementRequests';


/** Staff scan or search the pharmacy catalogue to build the cart. */
export const lookupCatalogue = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, lookupCatalogueInput, raw, (query) => ctx.his.catalogueLookup(query));

/** The pharmacist on duty: the counter's signed-in operator; nobody when the terminal acts alone. */
function pharmacistOnDuty(ctx: UseCaseContext): { code: string; name: string } | undefined {
  const operator = ctx.gateway.operatorOfRecord();
  return operator.type === STAFF_OPERATOR_TYPE ? { code: operator.id, name: operator.name } : undefined;
}

/**
 * Pharmacy cart → 2101 pre-settlement → quote. Prices come from the catalogue, never from the
 * screen, so a tampered cart cannot change what is charged. A sale over the counter fills no
 * prescription (rxno '', rx_circ_flag '0'); a sale of prescription drugs carries the number staff
 * scanned from the prescription, which a pharmacy always fills for another institution's
 * prescriber: 外购处方, rx_circ_flag '1'. The pharmacist who dispenses is the line's bilg_dr.
 */
export const preparePharmacySettlement = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, preparePharmacyInput, raw, async (input) => {
    const person = ctx.people.get(input.personRef);
    const at = now(ctx.clock);
    // feedetl_sn must be unique per sale on the platform; terminal + time (+ line) keeps it so.
    const batch = `${ctx.config.terminal.id}${at.replace(/\D/g, '')}`.slice(-26);
    const lines: BillLine[] = [];
    for (const item of input.items) {
      const [product] = (await ctx.his.catalogueLookup({ text: item.medinsListCodg })).filter(
        (p) => p.medinsListCodg === item.medinsListCodg,
      );
      if (!product) throw new SettlementFailure('INVALID_INPUT');
      lines.push({
        feedetlSn: `${batch}-${lines.length + 1}`,
        medListCodg: product.medListCodg,
        medinsListCodg: product.medinsListCodg,
        name: product.name,
        cnt: String(item.cnt),
        pric: fenToYuan(product.priceFen),
        amountFen: product.priceFen * item.cnt,
        occurredAt: at,
      });
    }
    const druginfo = {
      ...certificateFields(person),
      begntime: at,
      medfee_sumamt: wireAmount(sumFen(lines), ctx.config.region.amounts),
      invono: '',
      acct_used_flag: accountFlag(ctx.config.settlement.useAccountByDefault),
      med_type: '41',
    };
    const rx = prescription(input.rxno, true);
    const pharmacist = pharmacistOnDuty(ctx);
    const drugdetail = lines.map((line) => drugLine(line, rx, pharmacist, ctx.config.region.amounts));
    return preSettle(ctx, { infno: '2101', node: 'druginfo', input: { druginfo, drugdetail } }, {
      kind: 'pharmacy',
      person,
      infno: '2102',
      mdtrtId: '',
      items: lines.map(receiptItem),
    });
  });
