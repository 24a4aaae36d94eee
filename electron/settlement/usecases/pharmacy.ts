import { SettlementFailure } from '../errors';
import type { BillLine } from '../his/bridge';
import { fenToYuan } from '../../../shared/money';
import { wireAmount } from '../nhsa/amounts';
import { scopeAmountsForWire, parseSetlinfo } from '../nhsa/setlinfo';
import { useCase, type UseCaseContext } from './context';
import { quoteFromAnswer } from './settle';
import { certificateFields, feeLine, now, receiptItem, sumFen } from './wire';
import { lookupCatalogueInput, preparePharmacyInput } from '../../../shared/ipc/settlementRequests';


/** Staff scan or search the pharmacy catalogue to build the cart. */
export const lookupCatalogue = (ctx: UseCaseContext, raw: unknown) =>
  useCase(ctx, lookupCatalogueInput, raw, (query) => ctx.his.catalogueLookup(query));


/**
 * Pharmacy cart → 2101 pre-settlement → quote. Prices come from the catalogue, never from the
 * screen, so a tampered cart cannot change what is charged.
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
      dise_codg: '',
      dise_name: '',
      acct_used_flag: '1',
      med_type: '41',
    };
    const counter = { deptCode: 'PHARM', deptName: '药房', caty: '', doctorCode: ctx.config.terminal.id, doctorName: ctx.config.terminal.name };
    const drugdetail = lines.map((line) => feeLine(line, counter, ctx.config.region.amounts));
    const answer = await ctx.gateway.call('2101', { druginfo, drugdetail }, person.insuplcAdmdvs);
    const preview = parseSetlinfo(answer.output.setlinfo);
    return quoteFromAnswer(ctx, answer.output, {
      kind: 'pharmacy',
      person,
      infno: '2102',
      mdtrtId: '',
      input: { druginfo: { ...druginfo, ...scopeAmountsForWire(preview, ctx.config.region.amounts) }, drugdetail },
      items: lines.map(receiptItem),
    });
  });
