import { refuse } from '../errors';
import { isObject } from '../fields';

/** The single endpoint: every transaction, infno in the body. */
export const SINGLE_PATH = '/fsi/api/rsfComIfsService/callService';

/**
 * One path per transaction, as the Hebei gateway lays them out (spec §1.3, "URL layout"),
 * transcribed here apart from the kiosk's copy. The source names none for 9002, 2101-2103 or
 * 5201; a sandbox in this layout is given those (or others) as `paths`.
 */
export const HEBEI_PATHS: Readonly<Record<string, string>> = {
  '9001': '/fsi/api/signInSignOutService/signIn',
  '1101': '/fsi/api/fsiPsnInfoService/queryPsnInfo',
  '2201': '/fsi/api/outpatientDocInfoService/outpatientRregistration',
  '2202': '/fsi/api/outpatientDocInfoService/outpatientRegistrationCancel',
  '2203': '/fsi/api/outpatientDocInfoService/outpatientMdtrtinfoUp',
  '2204': '/fsi/api/outpatientDocInfoService/outpatientFeeListUp',
  '2205': '/fsi/api/outpatientDocInfoService/outpatientFeeListUpCancel',
  '2206': '/fsi/api/outpatientSettleService/preSettletment',
  '2207': '/fsi/api/outpatientSettleService/saveSettletmentV2',
  '2207A': '/fsi/api/outpatientSettleService/saveSettletment',
  '2208': '/fsi/api/outpatientSettleService/cancleSettletment',
  '2301': '/fsi/api/hospFeeDtlService/feeDtlUp',
  '2302': '/fsi/api/hospFeeDtlService/feeDtlCl',
  '2303': '/fsi/api/hospSettService/preSett',
  '2304': '/fsi/api/hospSettService/settV2',
  '2305': '/fsi/api/hospSettService/settCl',
  '2401': '/fsi/api/hospitalRegisterService/hospitalRegisterSave',
  '2402': '/fsi/api/dscgService/dischargeProcess',
  '2404': '/fsi/api/hospitalRegisterService/hospitalRegisterCancel',
  '2405': '/fsi/api/dscgService/dischargeUndo',
  '2601': '/fsi/api/reverseService/revsMethod',
  '3201': '/fsi/api/ybSettlementStmtService/stmtTotal',
  '3202': '/fsi/api/ybSettlementStmtService/stmtDetail',
  '5203': '/fsi/api/fsiIntegratedQueryService/querySetlInfo',
  '9101': '/fsi/api/fileupload/upload',
  '9102': '/fsi/api/fileupload/download',
};

export type EndpointLayout = { style: 'single' } | { style: 'per-transaction'; paths: Readonly<Record<string, string>> };

export function layoutPaths(layout: EndpointLayout): string[] {
  return layout.style === 'single' ? [SINGLE_PATH] : [...new Set(Object.values(layout.paths))];
}

/** Per transaction, the path must be the one of the body's infno: the gateway routes by path. */
export function checkPath(layout: EndpointLayout, path: string, body: unknown): void {
  if (layout.style === 'single') return;
  const infno = isObject(body) && typeof body.infno === 'string' ? body.infno : '';
  const expected = layout.paths[infno];
  if (!expected) refuse('infno', [`交易${infno || '（空）'}没有对应的服务地址`, `网关未发布交易${infno || '（空）'}的服务路径`]);
  if (path !== expected) refuse('请求路径', [`${path}与交易${infno}不符，应为${expected}`, `交易${infno}须发往${expected}，不是${path}`]);
}
