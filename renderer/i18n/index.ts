import { useCallback } from 'react';
import type { Locale } from '../../shared/config/terminalConfig';
import { FACE_MESSAGES, type FaceMessageKey } from '../face/messages';
import { PRINT_MESSAGES, type PrintMessageKey } from '../print/messages';
import { ADMIN_MESSAGES, type AdminMessageKey } from '../admin/messages';
import { IDENTIFY_MESSAGES, type IdentifyMessageKey } from '../screens/identify/messages';
import { STAFF_MESSAGES, type StaffMessageKey } from '../staff/messages';
import { FAMILY_MESSAGES, type FamilyMessageKey } from '../family/messages';
import { useKioskStore } from '../store';
import { selectLocale } from '../store/selectors';
import { en } from './en';
import { zhCN } from './zh-CN';
import type { MessageKey } from './keys';

// Defined in keys.ts, which the store's slices import without importing this file (and the store).
export type { MessageKey };

/** The face pipeline keeps its own words beside its code; they join the app's catalogues here. */
const faceIn = (locale: Locale) =>
  Object.fromEntries(Object.entries(FACE_MESSAGES).map(([key, text]) => [key, text[locale]])) as Record<FaceMessageKey, string>;
/** So do the slips' and printing's (renderer/print). */
const printIn = (locale: Locale) =>
  Object.fromEntries(Object.entries(PRINT_MESSAGES).map(([key, text]) => [key, text[locale]])) as Record<PrintMessageKey, string>;
/** And administration's (renderer/admin). */
const adminIn = (locale: Locale) =>
  Object.fromEntries(Object.entries(ADMIN_MESSAGES).map(([key, text]) => [key, text[locale]])) as Record<AdminMessageKey, string>;
/** And the card and staff-typed number screens' (renderer/screens/identify). */
const identifyIn = (locale: Locale) =>
  Object.fromEntries(Object.entries(IDENTIFY_MESSAGES).map(([key, text]) => [key, text[locale]])) as Record<IdentifyMessageKey, string>;

/** And the counter's staff side (renderer/staff). */
const staffIn = (locale: Locale) =>
  Object.fromEntries(Object.entries(STAFF_MESSAGES).map(([key, text]) => [key, text[locale]])) as Record<StaffMessageKey, string>;

/** And family payment's and the password-free cap's (renderer/family, issue 15). */
const familyIn = (locale: Locale) =>
  Object.fromEntries(Object.entries(FAMILY_MESSAGES).map(([key, text]) => [key, text[locale]])) as Record<FamilyMessageKey, string>;

const catalogues: Record<Locale, Record<MessageKey, string>> = {
  'zh-CN': { ...zhCN, ...faceIn('zh-CN'), ...printIn('zh-CN'), ...adminIn('zh-CN'), ...identifyIn('zh-CN'), ...staffIn('zh-CN'), ...familyIn('zh-CN') },
  en: { ...en, ...faceIn('en'), ...printIn('en'), ...adminIn('en'), ...identifyIn('en'), ...staffIn('en'), ...familyIn('en') },
};

export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogues[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function useT(): Translate {
  const locale = useKioskStore(selectLocale);
  return useCallback((key, params) => translate(locale, key, params), [locale]);
}
