import { useCallback } from 'react';
import type { Locale } from '../../shared/config/terminalConfig';
import { FACE_MESSAGES, type FaceMessageKey } from '../face/messages';
import { PRINT_MESSAGES, type PrintMessageKey } from '../print/messages';
import { useKioskStore } from '../store';
import { selectLocale } from '../store/selectors';
import { en } from './en';
import { zhCN, type AppMessageKey } from './zh-CN';

export type MessageKey = AppMessageKey | FaceMessageKey | PrintMessageKey;

/** The face pipeline keeps its own words beside its code; they join the app's catalogues here. */
const faceIn = (locale: Locale) =>
  Object.fromEntries(Object.entries(FACE_MESSAGES).map(([key, text]) => [key, text[locale]])) as Record<FaceMessageKey, string>;
/** So do the slips' and printing's (renderer/print). */
const printIn = (locale: Locale) =>
  Object.fromEntries(Object.entries(PRINT_MESSAGES).map(([key, text]) => [key, text[locale]])) as Record<PrintMessageKey, string>;

const catalogues: Record<Locale, Record<MessageKey, string>> = {
  'zh-CN': { ...zhCN, ...faceIn('zh-CN'), ...printIn('zh-CN') },
  en: { ...en, ...faceIn('en'), ...printIn('en') },
};

export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogues[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function useT(): Translate {
  const locale = useKioskStore(selectLocale);
  return useCallback((key, params) => translate(locale, key, params), [locale]);
}
