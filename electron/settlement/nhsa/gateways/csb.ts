import { createHmac } from 'node:crypto';
import type { TerminalConfig } from '../../../../shared/config/terminalConfig';
import type { GatewayRequest } from './types';

type CsbSettings = TerminalConfig['region']['csb'];

/** The four headers that take part in the signature, in the order CSB sorts them (by name). */
export interface CsbSignedHeaders {
  _api_name: string;
  _api_version: string;
  _api_access_key: string;
  _api_timestamp: string;
}

/**
 * `_api_signature` = Base64(HMAC-SHA1(secretKey, "k=v&k=v…")) over the four `_api_*` headers sorted
 * by name, values as sent (spec §1.3, pattern 2; YR `CSBHelper.sign`). A JSON body takes no part.
 */
export function csbSignature(signed: CsbSignedHeaders, secretKey: string): string {
  const text = (Object.keys(signed) as (keyof CsbSignedHeaders)[])
    .sort()
    .map((key) => `${key}=${signed[key]}`)
    .join('&');
  return createHmac('sha1', Buffer.from(secretKey, 'utf8')).update(text, 'utf8').digest('base64');
}

/** The CSB service a transaction is published under: its own when named, else the region's one. */
export const csbApiName = (settings: CsbSettings, infno: string): string => settings.apiNames[infno] ?? settings.apiName;

/** `at` in the region's unit: a journaled request carries its row's time, as with TIF. */
export const csbTimestamp = (at: Date, unit: CsbSettings['timestampUnit']): string =>
  String(unit === 'ms' ? at.getTime() : Math.floor(at.getTime() / 1000));

/** Headers of one request; `accessKey` is the configuration's platform.paasId, `secretKey` the stored secret. */
export function csbHeaders(settings: CsbSettings, accessKey: string, secretKey: string, request: GatewayRequest): Record<string, string> {
  const signed: CsbSignedHeaders = {
    _api_name: csbApiName(settings, request.infno),
    _api_version: settings.apiVersion,
    _api_access_key: accessKey,
    _api_timestamp: csbTimestamp(request.at, settings.timestampUnit),
  };
  return { ...signed, _api_signature: csbSignature(signed, secretKey) };
}
