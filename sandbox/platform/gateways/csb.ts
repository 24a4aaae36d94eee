import { createHmac } from 'node:crypto';
import { refuse } from '../errors';
import type { GatewayRequestCheck } from './types';

export interface CsbGateSettings {
  accessKey: string;
  secretKey: string;
  apiVersion: string;
  /** The service every transaction is published under, unless `apiNames` names its own. */
  apiName: string;
  apiNames: Readonly<Record<string, string>>;
  timestampUnit: 's' | 'ms';
  windowSeconds: number;
}

/**
 * Alibaba CSB headers (spec §1.3, pattern 2): the access key, the service name of the body's
 * transaction, its version, a timestamp within the window, and `_api_signature` =
 * Base64(HMAC-SHA1(secret key, the four `_api_*` headers as k=v joined by & in name order)).
 */
export function csbCheck(settings: CsbGateSettings): GatewayRequestCheck {
  return (request, now, body) => {
    const h = request.headers;
    const accessKey = h._api_access_key;
    const name = h._api_name;
    const version = h._api_version;
    const timestamp = h._api_timestamp;
    const signature = h._api_signature;
    if (!accessKey) refuse('header _api_access_key', '不能为空');
    if (accessKey !== settings.accessKey) refuse('header _api_access_key', ['未登记的AccessKey', '凭证AK不存在']);
    const infno = typeof (body as { infno?: unknown } | null)?.infno === 'string' ? (body as { infno: string }).infno : '';
    const expected = settings.apiNames[infno] ?? settings.apiName;
    if (!name) refuse('header _api_name', '不能为空');
    if (name !== expected) refuse('header _api_name', [`交易${infno}须调用服务${expected}`, `服务名${name}与交易${infno}不符，应为${expected}`]);
    if (!version) refuse('header _api_version', '不能为空');
    if (version !== settings.apiVersion) refuse('header _api_version', `服务${expected}没有版本${version}，应为${settings.apiVersion}`);
    if (!timestamp) refuse('header _api_timestamp', '不能为空');
    const digits = settings.timestampUnit === 'ms' ? /^\d{13}$/ : /^\d{10}$/;
    if (!digits.test(timestamp!)) refuse('header _api_timestamp', settings.timestampUnit === 'ms' ? '须为以毫秒为单位的Unix时间（13位）' : '须为以秒为单位的Unix时间（10位）');
    const sentMs = settings.timestampUnit === 'ms' ? Number(timestamp) : Number(timestamp) * 1000;
    if (Math.abs(sentMs - now.getTime()) > settings.windowSeconds * 1000) {
      refuse('header _api_timestamp', [`须在网关时钟前后${settings.windowSeconds}秒以内`, `请求已过期：与网关时间相差超过${settings.windowSeconds}秒`]);
    }
    if (!signature) refuse('header _api_signature', '不能为空');
    const text = `_api_access_key=${accessKey}&_api_name=${name}&_api_timestamp=${timestamp}&_api_version=${version}`;
    const wanted = createHmac('sha1', settings.secretKey).update(text).digest('base64');
    if (signature !== wanted) {
      refuse('header _api_signature', '签名校验失败，应为Base64(HMAC-SHA1(SecretKey, 按名称排序的_api_access_key、_api_name、_api_timestamp、_api_version的k=v&串))');
    }
    return body;
  };
}
