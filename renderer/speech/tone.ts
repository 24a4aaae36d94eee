/**
 * The audible half of "call staff": two short rising beeps, loud enough to turn heads at the
 * counter. Web Audio, so no sound file ships; silent where there is no AudioContext.
 */
export interface Tone {
  staffCall(): void;
}

export const silentTone: Tone = { staffCall: () => undefined };

export function webAudioTone(Context: typeof AudioContext | undefined = globalThis.AudioContext): Tone {
  if (!Context) return silentTone;
  let ctx: AudioContext | undefined;
  return {
    staffCall() {
      const audio = (ctx ??= new Context());
      void audio.resume().catch(() => undefined);
      [880, 1175].forEach((frequency, i) => {
        const osc = audio.createOscillator();
        const gain = audio.createGain();
        osc.frequency.value = frequency;
        gain.gain.value = 0.4;
        osc.connect(gain).connect(audio.destination);
        const at = audio.currentTime + i * 0.35;
        osc.start(at);
        osc.stop(at + 0.25);
      });
    },
  };
}
