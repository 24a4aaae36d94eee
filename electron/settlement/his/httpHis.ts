import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { z } from 'zod';
import { hisOperations, listedReason, type HisAnswer, type HisOperation, type HisOperationId } from '../../../shared/his/operations';
import { hisErrorBody } from '../../../shared/his/schemas';
import type { CatalogueProduct, HisBridge } from './bridge';
import { HisUnavailable } from './bridge';
import { toPendingBill, toSlot, toStay } from './hisWire';

export interface HisAuthHeader {
  /** e.g. `Authorization` or `X-HIS-Key` (terminal configuration `his.authHeader`). */
  header: string;
  /** The whole value, e.g. `Bearer …`, from the secret store. Never logged. */
  value: string;
}

export interface HttpHisOptions {
  baseUrl: string;
  auth?: HisAuthHeader;
  http?: AxiosInstance;
  timeoutMs?: number;
}

interface CallInput {
  params?: Record<string, string>;
  query?: Record<string, string | undefined>;
  body?: unknown;
}

/** `bills[0].lines[2].rxno: …` — the field and what is wrong with it, never its value. */
export function describeIssues(error: z.ZodError, max = 3): string {
  const where = (path: readonly PropertyKey[]) =>
    path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '') || '(answer)';
  const shown = error.issues.slice(0, max).map((issue) => `${where(issue.path)}: ${issue.message}`);
  const more = error.issues.length > max ? ` (and ${error.issues.length - max} more)` : '';
  return `${shown.join('; ')}${more}`;
}

/**
 * The kiosk's one client for any hospital system that implements the HIS port (shared/his,
 * build/his-openapi.json) at `his.url`. Every answer is validated with the port's schemas: an
 * answer that breaks them is refused as HisUnavailable naming the field, as if the HIS were
 * down, so no made-up or malformed value reaches the platform. Messages name the operation by
 * its path template, never a person's number.
 */
export function createHttpHis(options: HttpHisOptions): HisBridge {
  const http = options.http ?? axios.create({ baseURL: options.baseUrl, timeout: options.timeoutMs ?? 5_000, proxy: false });
  const headers = options.auth ? { [options.auth.header]: options.auth.value } : {};

  async function call<K extends HisOperationId>(id: K, input: CallInput = {}): Promise<HisAnswer<K>> {
    const op: HisOperation = hisOperations[id];
    const where = `${op.method.toUpperCase()} ${op.path}`;
    const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(input.params?.[name] ?? ''));
    let response: AxiosResponse<unknown>;
    try {
      response = await http.request({
        method: op.method,
        url,
        headers,
        ...(input.query ? { params: input.query } : {}),
        ...(op.body ? { data: input.body ?? {} } : {}),
        validateStatus: () => true,
      });
    } catch (error) {
      const reason = axios.isAxiosError(error) ? (error.code ?? error.message) : error instanceof Error ? error.message : String(error);
      throw new HisUnavailable(`${where}: no answer (${reason})`);
    }
    if (response.status < 200 || response.status > 299) {
      const refusal = hisErrorBody.safeParse(response.data);
      const reason = refusal.success ? listedReason(op, response.status, refusal.data.error.reason) : undefined;
      const said = refusal.success ? `${refusal.data.error.code}${reason ? `/${reason}` : ''}: ${refusal.data.error.message}` : 'no error body';
      throw new HisUnavailable(`${where}: HTTP ${response.status} ${said}`, response.status, reason);
    }
    const parsed = op.answer.safeParse(response.data);
    if (!parsed.success) throw new HisUnavailable(`${where}: invalid answer (HIS port ${id}): ${describeIssues(parsed.error)}`);
    return parsed.data as HisAnswer<K>;
  }

  /** An answer valid in shape but about something else than was asked: refused like a malformed one. */
  const mismatch = (op: HisOperationId, field: string, what: string) =>
    new HisUnavailable(`${hisOperations[op].method.toUpperCase()} ${hisOperations[op].path}: invalid answer (HIS port ${op}): ${field}: ${what}`);

  const forEachBill = async (billIds: readonly string[], op: 'payBill' | 'reopenBill', setlId: string) => {
    for (const billNo of billIds) await call(op, { params: { billNo }, body: { setlId } });
  };

  const stay = async (stayNo: string) => {
    const answer = await call('stay', { params: { stayNo } });
    if (answer.stayNo !== stayNo) throw mismatch('stay', 'stayNo', 'not the stay asked for');
    return answer;
  };

  return {
    pendingBills: async (psnNo) => {
      const answer = await call('pendingBills', { params: { psnNo }, query: { status: 'pending' } });
      const other = answer.bills.findIndex((b) => b.psnNo !== psnNo);
      if (other >= 0) throw mismatch('pendingBills', `bills[${other}].psnNo`, "another person's bill");
      return answer.bills.filter((b) => b.status === 'pending').map(toPendingBill);
    },
    markPaid: (billIds, setlId) => forEachBill(billIds, 'payBill', setlId),
    reopen: (billIds, setlId) => forEachBill(billIds, 'reopenBill', setlId),
    registrationSlots: async (date) => (await call('listSlots', { query: { date } })).slots.map(toSlot),
    register: async (psnNo, slotId) => {
      const r = await call('register', { body: { psnNo, slotId } });
      return { regNo: r.regNo, date: r.slot.date, period: r.slot.period, bill: toPendingBill(r.bill) };
    },
    cancelRegistration: async (regNo) => {
      await call('cancelRegistration', { params: { regNo } });
    },
    catalogueLookup: async (query): Promise<CatalogueProduct[]> => {
      try {
        const { items } = await call('catalogue', { query: query.barcode ? { barcode: query.barcode } : { q: query.text ?? '' } });
        return items.map(({ medListCodg, medinsListCodg, barcode, name, unit, priceFen }) => ({ medListCodg, medinsListCodg, barcode, name, unit, priceFen }));
      } catch (error) {
        // Only the HIS's own "no such barcode": a 404 without it (a wrong path) is an outage, not an empty shelf.
        if (error instanceof HisUnavailable && error.reason === 'ITEM_UNKNOWN') return [];
        throw error;
      }
    },
    stay: async (stayNo) => toStay(await stay(stayNo)),
    staysOf: async (psnNo) => {
      const answer = await call('personStays', { params: { psnNo } });
      const other = answer.stays.findIndex((s) => s.psnNo !== psnNo);
      if (other >= 0) throw mismatch('personStays', `stays[${other}].psnNo`, "another person's stay");
      return answer.stays.map(toStay);
    },
    dischargeStay: async (stayNo) => {
      const current = await stay(stayNo);
      return toStay(current.status === 'admitted' ? await call('dischargeStay', { params: { stayNo } }) : current);
    },
    markStayPaid: async (stayNo, setlId) => {
      await call('payStay', { params: { stayNo }, body: { setlId } });
    },
    reopenStay: async (stayNo, setlId) => {
      await call('reopenStay', { params: { stayNo }, body: { setlId } });
    },
    recordPlatformVisit: async (visitNo, mdtrtId) => {
      const visit = await call('recordPlatformVisit', { params: { visitNo }, body: { mdtrtId } });
      if (visit.mdtrtId !== mdtrtId) throw mismatch('recordPlatformVisit', 'mdtrtId', 'not the platform visit sent');
    },
  };
}
