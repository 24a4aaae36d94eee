import type { KioskErrorInfo } from '../../shared/result';
import type { Translate } from '../i18n';

const LATIN_WORD = /[A-Za-z]{2,}/;

/**
 * What staff read when an admin call fails: main's own words, which are Chinese (its handlers',
 * the dispatcher's and a kiosk that did not start: test/main/handlerMessages.test.ts) and say
 * more than a code can. A message with Latin words did not come from those: the transport's
 * (the browser bridge's HTTP refusals, a failed fetch's text) is said by its code instead, so
 * no English reaches a zh-CN screen.
 */
export function adminErrorText(t: Translate, error: Pick<KioskErrorInfo, 'code' | 'message'>): string {
  if (error.message && !LATIN_WORD.test(error.message)) return error.message;
  if (error.code === 'NOT_AUTHORISED') return t('adm.error.notAuthorised');
  if (error.code === 'NOT_AVAILABLE') return t('adm.error.notAvailable');
  return t('adm.error.other', { code: error.code });
}
