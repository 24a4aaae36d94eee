import axios, { type AxiosInstance } from 'axios';
import { HisUnavailable, type HisBridge } from './bridge';

/** The sandbox's mini hospital system over HTTP (`/his/...`). Provisional until its API lands. */
export function createSandboxHis(options: { baseUrl: string; http?: AxiosInstance; timeoutMs?: number }): HisBridge {
  const http = options.http ?? axios.create({ baseURL: options.baseUrl, timeout: options.timeoutMs ?? 5_000, proxy: false });
  const get = async <T>(path: string, params?: Record<string, string>): Promise<T> => {
    try {
      return (await http.get<T>(path, { params })).data;
    } catch (error) {
      throw new HisUnavailable(`${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return {
    pendingBills: (certno) => get('/his/bills', { certno }),
    markPaid: async () => {},
    registrationSlots: () => get('/his/slots'),
    bookSlot: async () => ({ iptOtpNo: '' }),
    catalogueLookup: (query) => get('/his/catalogue', query as Record<string, string>),
    inpatientStay: (iptNo) => get(`/his/stays/${iptNo}`),
  };
}
