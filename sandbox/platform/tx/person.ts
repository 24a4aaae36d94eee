import { nowText, personByCertificate, type TxContext, type TxDefinition } from '../context';
import { refuse } from '../errors';
import { ageAt } from '../ledger';
import { yuan } from '../wire';

/** 1101: who holds this certificate, and how they are insured. */
const personInfo: TxDefinition = {
  handle(ctx: TxContext) {
    const data = ctx.input.node('data');
    data.str('psn_cert_type', { max: 6, optional: true });
    const certno = data.str('certno', { max: 50, optional: true });
    data.str('psn_name', { max: 50, optional: true });
    data.datetime('begntime', true);
    const person = personByCertificate(ctx, data);
    if (certno !== undefined && certno !== person.certno) refuse(data.field('certno'), '与持证人不符');
    ctx.notePerson(person.psn_no);
    const age = ageAt(person.birthday, nowText(ctx));
    return {
      baseinfo: {
        psn_no: person.psn_no,
        psn_cert_type: '01',
        certno: person.certno,
        psn_name: person.name,
        gend: person.gender,
        naty: '01',
        brdy: person.birthday,
        age,
        exp_content: null,
      },
      insuinfo: [
        {
          balc: yuan(person.balance_fen),
          insutype: person.insutype,
          psn_type: person.insutype === '310' ? '11' : '15',
          psn_insu_stas: person.insured ? '1' : '0',
          psn_insu_date: '2010-01-01',
          paus_insu_date: person.insured ? null : '2025-12-31',
          cvlserv_flag: '0',
          insuplc_admdvs: person.insuplc_admdvs,
          emp_name: person.insutype === '310' ? '咸宁市演示单位' : null,
        },
      ],
      idetinfo: [],
    };
  },
};

export const personTransactions: Record<string, TxDefinition> = { '1101': personInfo };
