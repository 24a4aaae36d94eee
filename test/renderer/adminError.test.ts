import { DISPATCH_MESSAGES } from '../../electron/core/dispatch';
import { NOT_STARTED_MESSAGE } from '../../electron/core/pendingHandlers';
import { adminErrorText } from '../../renderer/admin/adminError';
import { translate } from '../../renderer/i18n';

/** Main's own refusals are Chinese and shown as main words them; only Latin text is replaced by the code's words. */
const t: Parameters<typeof adminErrorText>[0] = (key, params) => translate('zh-CN', key, params);

it('shows main’s Chinese refusals as they are, the dispatcher’s and a kiosk that did not start included', () => {
  expect(adminErrorText(t, { code: 'NOT_AVAILABLE', message: NOT_STARTED_MESSAGE })).toBe(NOT_STARTED_MESSAGE);
  expect(adminErrorText(t, { code: 'INTERNAL', message: DISPATCH_MESSAGES.internal })).toBe(DISPATCH_MESSAGES.internal);
  expect(adminErrorText(t, { code: 'VALIDATION_FAILED', message: DISPATCH_MESSAGES.invalid })).toBe(DISPATCH_MESSAGES.invalid);
});

it('says a transport’s English failure by its code, in Chinese', () => {
  const said = adminErrorText(t, { code: 'PLATFORM_UNREACHABLE', message: 'Failed to fetch' });
  expect(said).toBe(translate('zh-CN', 'adm.error.other', { code: 'PLATFORM_UNREACHABLE' }));
  expect(adminErrorText(t, { code: 'NOT_AUTHORISED', message: '' })).toBe(translate('zh-CN', 'adm.error.notAuthorised'));
});
