import { useCallback } from 'react';
import type { Locale } from '../../shared/config/terminalConfig';
import { useKioskStore } from '../store';
import { selectLocale } from '../store/selectors';
import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';

export type { MessageKey };

const catalogues: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export function translate(locale: Locale, key: MessageKey, params: Record<string, string> = {}): string {
  return catalogues[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
}

export function useT(): (key: MessageKey, params?: Record<string, string>) => string {
  const locale = useKioskStore(selectLocale);
  return useCallback((key, params) => translate(locale, key, params), [locale]);
}
