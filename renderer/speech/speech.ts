import type { Locale } from '../../shared/config/terminalConfig';
import { speaksLocale } from './voiceReport';

/**
 * Every instruction is also spoken. Behind this small interface so tests record what was said
 * and a machine without a voice (or without speechSynthesis) simply stays silent.
 */
export interface Speech {
  say(text: string, locale: Locale): void;
  /** Stops whatever is being said: a new screen, or the patient left. */
  cancel(): void;
}

export const silentSpeech: Speech = { say: () => undefined, cancel: () => undefined };

type SynthWindow = Pick<Window, 'speechSynthesis'> & { SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance };

/** Web Speech API; slower than the default rate, which elderly listeners follow better. */
export function browserSpeech(win: Partial<SynthWindow> = window): Speech {
  const synth = win.speechSynthesis;
  const Utterance = win.SpeechSynthesisUtterance;
  if (!synth || !Utterance) return silentSpeech;
  return {
    say(text, locale) {
      synth.cancel();
      const utterance = new Utterance(text);
      utterance.lang = locale;
      utterance.rate = 0.9;
      const voice = synth.getVoices().find((v) => speaksLocale(v, locale));
      if (voice) utterance.voice = voice;
      synth.speak(utterance);
    },
    cancel: () => synth.cancel(),
  };
}
