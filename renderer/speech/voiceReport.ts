import type { DeviceReport } from '../../shared/health/deviceReport';

type Voice = Pick<SpeechSynthesisVoice, 'lang' | 'name'>;
type Synth = { getVoices(): Voice[]; addEventListener?(type: 'voiceschanged', listener: () => void): void; removeEventListener?(type: 'voiceschanged', listener: () => void): void };

/**
 * Whether a voice speaks the locale. Engines spell Mandarin differently: Chromium's voices say
 * `zh-CN`, speech-dispatcher's through espeak-ng may say `cmn` or `zh`, some `zh_CN` or
 * `zh-Hans-CN`; Cantonese (`zh-HK`, `yue`) and Taiwanese Mandarin (`zh-TW`) do not count.
 */
export function speaksLocale(voice: Pick<Voice, 'lang'>, locale: string): boolean {
  const lang = voice.lang.replace(/_/g, '-').toLowerCase();
  if (locale === 'zh-CN') return lang === 'zh' || lang === 'cmn' || /^(zh|cmn)-(cn|hans)(-|$)/.test(lang);
  return lang.startsWith(locale.toLowerCase());
}

/** What the health report is told about the voices this shell offers. */
export function voiceReport(synth: Synth | undefined): NonNullable<DeviceReport['voice']> {
  if (!synth) return { speechSynthesis: false, voices: 0, zhCN: false };
  const voices = synth.getVoices();
  const chinese = voices.find((v) => speaksLocale(v, 'zh-CN'));
  return { speechSynthesis: true, voices: voices.length, zhCN: chinese !== undefined, ...(chinese ? { name: chinese.name.slice(0, 120) } : {}) };
}

/**
 * Reports the voices now and whenever they change: Chromium lists them only after
 * `voiceschanged`, often an instant after start, and speech-dispatcher's may come later still.
 * Returns the unsubscribe.
 */
export function watchVoices(report: (report: DeviceReport) => void, win: { speechSynthesis?: Synth } = window as never): () => void {
  const synth = win.speechSynthesis;
  const send = () => report({ voice: voiceReport(synth) });
  send();
  synth?.addEventListener?.('voiceschanged', send);
  return () => synth?.removeEventListener?.('voiceschanged', send);
}
