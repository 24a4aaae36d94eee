import axios, { type AxiosInstance } from 'axios';
import { fenToYuan } from '../../../shared/money';
import type { BillLine, CatalogueProduct, Clinician, HisBridge, InpatientStay, PendingBill, RegistrationSlot } from './bridge';
import { HisUnavailable } from './bridge';

/** Shapes of the sandbox HIS answers (sandbox/his), as far as the bridge reads them. */
interface WireLine {
  feedetlSn: string;
  medinsListCodg: string;
  medListCodg: string;
  name: string;
  qty: number;
  unitPriceFen: number;
  amountFen: number;
  feeDate?: string;
}
interface WireBill {
  billNo: string;
  kind: PendingBill['kind'];
  visitNo: string;
  totalFen: number;
  createdAt: string;
  dept: { code: string; name: string; caty: string };
  doctor: { code: string; name: string; title: string };
  lines: WireLine[];
}
interface WireSlot {
  slotId: number;
  date: string;
  period: 'AM' | 'PM';
  dept: { code: string; name: string; caty: string };
  doctor: { code: string; name: string; title: string };
  feeFen: number;
  remaining: number;
}
interface WireStay {
  stayNo: string;
  psnNo: string;
  deptCode: string;
  doctorCode: string;
  bed: string;
  admittedOn: string;
  dischargedOn: string | null;
  status: InpatientStay['status'];
  lines: WireLine[];
}
interface WireDepartment {
  code: string;
  name: string;
  caty: string;
  doctors: { code: string; name: string }[];
}

const line = (l: WireLine, at: string): BillLine => ({
  feedetlSn: l.feedetlSn,
  medListCodg: l.medListCodg,
  medinsListCodg: l.medinsListCodg,
  name: l.name,
  cnt: String(l.qty),
  pric: fenToYuan(l.unitPriceFen),
  amountFen: l.amountFen,
  occurredAt: at,
});

const clinician = (dept: WireBill['dept'], doctor: WireBill['doctor']): Clinician => ({
  deptCode: dept.code,
  deptName: dept.name,
  caty: dept.caty,
  doctorCode: doctor.code,
  doctorName: doctor.name,
});

const bill = (b: WireBill): PendingBill => ({
  billId: b.billNo,
  kind: b.kind,
  visitNo: b.visitNo,
  totalFen: b.totalFen,
  ...clinician(b.dept, b.doctor),
  lines: b.lines.map((l) => line(l, b.createdAt)),
});

/** The sandbox's mini hospital system over HTTP (`/his/...`, see sandbox/his). */
export function createSandboxHis(options: { baseUrl: string; http?: AxiosInstance; timeoutMs?: number }): HisBridge {
  const http = options.http ?? axios.create({ baseURL: options.baseUrl, timeout: options.timeoutMs ?? 5_000, proxy: false });
  const call = async <T>(method: 'get' | 'post', path: string, body?: unknown, params?: Record<string, string>): Promise<T> => {
    try {
      const response = method === 'get' ? await http.get<T>(path, { params }) : await http.post<T>(path, body ?? {});
      return response.data;
    } catch (error) {
      const status = axios.isAxiosError(error) ? error.response?.status : undefined;
      const message = axios.isAxiosError(error) ? JSON.stringify(error.response?.data ?? error.code) : String(error);
      throw new HisUnavailable(`${method.toUpperCase()} ${path}: ${message}`, status);
    }
  };
  let departments: Promise<WireDepartment[]> | undefined;
  const clinicianOf = async (deptCode: string, doctorCode: string): Promise<Clinician> => {
    departments ??= call<{ departments: WireDepartment[] }>('get', '/his/departments').then((r) => r.departments);
    const dept = (await departments).find((d) => d.code === deptCode);
    const doctor = dept?.doctors.find((d) => d.code === doctorCode);
    return { deptCode, deptName: dept?.name ?? deptCode, caty: dept?.caty ?? '', doctorCode, doctorName: doctor?.name ?? doctorCode };
  };
  const stay = async (s: WireStay): Promise<InpatientStay> => ({
    stayNo: s.stayNo,
    psnNo: s.psnNo,
    bed: s.bed,
    admittedOn: s.admittedOn,
    dischargedOn: s.dischargedOn,
    status: s.status,
    ...(await clinicianOf(s.deptCode, s.doctorCode)),
    lines: s.lines.map((l) => line(l, `${l.feeDate ?? s.admittedOn} 08:00:00`)),
  });
  const forEachBill = async (billIds: readonly string[], action: string, setlId: string) => {
    for (const id of billIds) await call('post', `/his/bills/${encodeURIComponent(id)}/${action}`, { setlId });
  };
  return {
    pendingBills: async (psnNo) =>
      (await call<{ bills: WireBill[] }>('get', `/his/persons/${encodeURIComponent(psnNo)}/bills`, undefined, { status: 'pending' })).bills.map(bill),
    markPaid: (billIds, setlId) => forEachBill(billIds, 'pay', setlId),
    reopen: (billIds, setlId) => forEachBill(billIds, 'reopen', setlId),
    registrationSlots: async (date) =>
      (await call<{ slots: WireSlot[] }>('get', '/his/registration/slots', undefined, date ? { date } : undefined)).slots.map(
        (s): RegistrationSlot => ({
          slotId: s.slotId,
          date: s.date,
          period: s.period,
          ...clinician(s.dept, s.doctor),
          doctorTitle: s.doctor.title,
          feeFen: s.feeFen,
          remaining: s.remaining,
        }),
      ),
    register: async (psnNo, slotId) => {
      const r = await call<{ regNo: string; slot: WireSlot; bill: WireBill }>('post', '/his/registrations', { psnNo, slotId });
      return { regNo: r.regNo, date: r.slot.date, period: r.slot.period, bill: bill(r.bill) };
    },
    cancelRegistration: async (regNo) => {
      await call('post', `/his/registrations/${encodeURIComponent(regNo)}/cancel`);
    },
    catalogueLookup: async (query): Promise<CatalogueProduct[]> => {
      const params: Record<string, string> = query.barcode ? { barcode: query.barcode } : { q: query.text ?? '' };
      try {
        const items = (await call<{ items: CatalogueProduct[] }>('get', '/his/catalogue', undefined, params)).items;
        return items.map(({ medListCodg, medinsListCodg, barcode, name, unit, priceFen }) => ({ medListCodg, medinsListCodg, barcode, name, unit, priceFen }));
      } catch (error) {
        if (error instanceof HisUnavailable && error.status === 404) return [];
        throw error;
      }
    },
    stay: async (stayNo) => stay(await call<WireStay>('get', `/his/stays/${encodeURIComponent(stayNo)}`)),
    staysOf: async (psnNo) =>
      Promise.all((await call<{ stays: WireStay[] }>('get', `/his/persons/${encodeURIComponent(psnNo)}/stays`)).stays.map(stay)),
    dischargeStay: async (stayNo) => {
      const current = await call<WireStay>('get', `/his/stays/${encodeURIComponent(stayNo)}`);
      return stay(current.status === 'admitted' ? await call<WireStay>('post', `/his/stays/${encodeURIComponent(stayNo)}/discharge`) : current);
    },
    markStayPaid: async (stayNo, setlId) => {
      await call('post', `/his/stays/${encodeURIComponent(stayNo)}/pay`, { setlId });
    },
  };
}
