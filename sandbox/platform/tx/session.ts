import { nowText, type TxContext, type TxDefinition } from '../context';
import { CAUSES } from '../causes';
import { refuse } from '../errors';
import { cstCompact } from '../wire';

interface SigninRow {
  sign_no: string;
  fixmedins_code: string;
  signed_out_at: string | null;
}

let signSerial = 0;

/** 9001: one sign-in per operator and day in practice; every later call carries its sign_no. */
const signIn: TxDefinition = {
  handle(ctx: TxContext) {
    const data = ctx.input.node('signIn');
    const opterNo = data.str('opter_no', { max: 20 });
    data.str('mac', { max: 20, optional: true });
    data.str('ip', { max: 20 });
    signSerial = (signSerial + 1) % 10_000;
    // 30 characters: institution (12) + yyyyMMddHHmmss (14) + serial (4); unique by the primary key.
    const signNo = `${ctx.envelope.fixmedins_code.slice(0, 12).padEnd(12, '0')}${cstCompact(ctx.now)}${String(signSerial).padStart(4, '0')}`;
    if (ctx.sql.get('SELECT 1 AS x FROM platform_signin WHERE sign_no = ?', signNo)) refuse('signIn', '同一秒内签到次数过多，请重试');
    const signTime = nowText(ctx);
    ctx.sql.run(
      'INSERT INTO platform_signin (sign_no, fixmedins_code, opter_no, sign_time) VALUES (?, ?, ?, ?)',
      signNo, ctx.envelope.fixmedins_code, opterNo, signTime,
    );
    return { signinoutb: { sign_time: signTime, sign_no: signNo } };
  },
};

const signOut: TxDefinition = {
  handle(ctx: TxContext) {
    const data = ctx.input.node('signOut');
    const signNo = data.str('sign_no', { max: 30 });
    data.str('opter_no', { max: 20 });
    const row = ctx.sql.get<SigninRow>('SELECT * FROM platform_signin WHERE sign_no = ?', signNo);
    if (!row || row.fixmedins_code !== ctx.envelope.fixmedins_code) return refuse(data.field('sign_no'), CAUSES.signNoUnknown);
    if (row.signed_out_at) refuse(data.field('sign_no'), ['已签退', '该签到已签退，不能重复签退', '重复签退']);
    const signTime = nowText(ctx);
    ctx.sql.run('UPDATE platform_signin SET signed_out_at = ? WHERE sign_no = ?', signTime, signNo);
    return { signoutoutb: { sign_time: signTime } };
  },
};

/** Everything but 9001 needs a live sign-in of the calling institution. */
export function checkSignedIn(ctx: Pick<TxContext, 'sql' | 'envelope'>): void {
  const signNo = ctx.envelope.sign_no;
  if (!signNo) return refuse('sign_no', CAUSES.signNoMissing);
  const row = ctx.sql.get<SigninRow>('SELECT sign_no, fixmedins_code, signed_out_at FROM platform_signin WHERE sign_no = ?', signNo);
  if (!row || row.fixmedins_code !== ctx.envelope.fixmedins_code) refuse('sign_no', CAUSES.signNoUnknown);
  if (row!.signed_out_at) refuse('sign_no', CAUSES.signedOut);
}

export const sessionTransactions: Record<string, TxDefinition> = { '9001': signIn, '9002': signOut };
