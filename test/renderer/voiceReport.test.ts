import { speaksLocale, voiceReport, watchVoices } from '../../renderer/speech/voiceReport';
import type { DeviceReport } from '../../shared/health/deviceReport';

/** jsdom has no speechSynthesis: a stand-in with the two things the report reads. */
function synth(initial: { lang: string; name: string }[]) {
  let voices = initial;
  const listeners = new Set<() => void>();
  return {
    getVoices: () => voices,
    addEventListener: (_: 'voiceschanged', l: () => void) => void listeners.add(l),
    removeEventListener: (_: 'voiceschanged', l: () => void) => void listeners.delete(l),
    change(next: { lang: string; name: string }[]) {
      voices = next;
      listeners.forEach((l) => l());
    },
    listeners,
  };
}

describe('which voice speaks Mandarin', () => {
  it.each(['zh-CN', 'zh_CN', 'zh', 'cmn', 'zh-Hans-CN', 'cmn-Hans-CN', 'ZH-cn'])('%s does', (lang) => expect(speaksLocale({ lang }, 'zh-CN')).toBe(true));
  it.each(['zh-TW', 'zh-HK', 'yue', 'en-US', 'ja-JP'])('%s does not', (lang) => expect(speaksLocale({ lang }, 'zh-CN')).toBe(false));
  it('matches English by prefix', () => expect(speaksLocale({ lang: 'en-GB' }, 'en')).toBe(true));
});

describe('the voice report', () => {
  it('says when the shell has no speech synthesis at all', () => {
    expect(voiceReport(undefined)).toEqual({ speechSynthesis: false, voices: 0, zhCN: false });
  });

  it('reports at once, again when the voices arrive, and stops when told', () => {
    const s = synth([]);
    const reports: DeviceReport[] = [];
    const stop = watchVoices((r) => reports.push(r), { speechSynthesis: s });
    s.change([{ lang: 'en-US', name: 'Samantha' }, { lang: 'zh-CN', name: 'Tingting' }]);
    expect(reports).toEqual([
      { voice: { speechSynthesis: true, voices: 0, zhCN: false } },
      { voice: { speechSynthesis: true, voices: 2, zhCN: true, name: 'Tingting' } },
    ]);
    stop();
    expect(s.listeners.size).toBe(0);
  });
});
