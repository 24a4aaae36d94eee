import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useKioskStore } from '../store';
import { selectLocale } from '../store/selectors';
import { silentSpeech, type Speech } from './speech';
import { silentTone, type Tone } from './tone';

interface Voice {
  speech: Speech;
  tone: Tone;
}

const VoiceContext = createContext<Voice>({ speech: silentSpeech, tone: silentTone });

/** main.tsx hands in the browser's voice and tone; tests a recorder; nothing at all is silence. */
export function VoiceProvider({ speech, tone, children }: Voice & { children: ReactNode }) {
  return <VoiceContext.Provider value={{ speech, tone }}>{children}</VoiceContext.Provider>;
}

export const useVoice = (): Voice => useContext(VoiceContext);

/** Speaks `text` when the screen shows it (and again if it changes); hushes when it goes. */
export function useSpeakOnShow(text: string | null): void {
  const { speech } = useVoice();
  const locale = useKioskStore(selectLocale);
  useEffect(() => {
    if (!text) return undefined;
    speech.say(text, locale);
    return () => speech.cancel();
  }, [text, locale, speech]);
}
