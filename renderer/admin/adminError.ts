import type { KioskErrorInfo } from '../../shared/result';
import type { Translate } from '../i18n';

const LATIN_WORD = /[A-Za-z]{2,}/;

/**
 * What staff read when an admin call fails. Main's settlement errors are already in plain
 * Chinese; its boundary's own (an expired admin session, a refused PIN) are English for the
 * log, so those are said by their code instead.
 */
export function adminErrorText(t: Translate, error: Pick<KioskErrorInfo, 'code' | 'message'>): string {
  if (error.message && !LATIN_WORD.test(error.message)) return error.message;
  if (error.code === 'NOT_AUTHORISED') return t('adm.error.notAuthorised');
  if (error.code === 'NOT_AVAILABLE') return t('adm.error.notAvailable');
  return t('adm.error.other', { code: error.code });
}
