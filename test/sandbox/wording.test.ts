import { createWording } from '../../sandbox/platform/wording';
import { testSeed } from '../support/seed';
import { RESIDENT } from './support/flows';
import { expectRefusalOf } from './support/refusals';
import { startTestSandbox, type TestSandbox } from './support/sandbox';

const reverseUnknown = (t: TestSandbox, omsgid: string) =>
  t.hospital.refused('2601', { data: { psn_no: RESIDENT.psnNo, omsgid, oinfno: '2207' } });

describe('the same refusal is worded differently from answer to answer', () => {
  test('a 2601 of an unknown msgid, twenty times: Chinese, the field named, more than one wording', async () => {
    const t = await startTestSandbox();
    try {
      await t.hospital.signIn();
      const never = t.hospital.nextMsgid();
      const said: string[] = [];
      for (let i = 0; i < 20; i += 1) said.push(await reverseUnknown(t, never));
      for (const errMsg of said) expectRefusalOf(errMsg, 'input.data.omsgid');
      expect(new Set(said).size).toBeGreaterThan(1);
      // However it was worded, the platform's records say the same: it never saw that msgid.
      expect((await t.admin(`/messages?msgid=${never}`)).body.message).toBeNull();
    } finally {
      await t.stop();
    }
  });

  test('the same seed words the same requests the same way; the seed in use is reported', async () => {
    const seed = testSeed('wording: same seed, same words');
    const run = async () => {
      const t = await startTestSandbox({ wordingSeed: seed });
      try {
        expect(t.sandbox.wordingSeed).toBe(seed);
        await t.hospital.signIn();
        const never = t.hospital.nextMsgid();
        const said: string[] = [];
        for (let i = 0; i < 8; i += 1) said.push(await reverseUnknown(t, never));
        return said;
      } finally {
        await t.stop();
      }
    };
    expect(await run()).toEqual(await run());
  });
});

describe('wordings', () => {
  test('every framing names the field and states the rule; a rule with several wordings uses each', () => {
    const wording = createWording(testSeed('wording: framings'));
    const seen = new Set<string>();
    const framings = new Set<string>();
    for (let i = 0; i < 400; i += 1) {
      const text = wording.refusal('input.data.omsgid', ['甲规则', '乙规则', '丙规则']);
      expect(text).toContain('input.data.omsgid');
      const rule = ['甲规则', '乙规则', '丙规则'].find((r) => text.includes(r));
      expect(rule).toBeDefined();
      seen.add(rule!);
      framings.add(text.replace('input.data.omsgid', '<field>').replace(rule!, '<rule>'));
    }
    expect(seen.size).toBe(3);
    expect(framings.size).toBeGreaterThanOrEqual(4);
  });

  test('without a seed one is drawn, and reported', () => {
    const a = createWording();
    expect(Number.isSafeInteger(a.seed)).toBe(true);
    const replay = createWording(a.seed);
    const rule = ['一', '二', '三', '四'];
    const first = Array.from({ length: 10 }, () => a.refusal('msgid', rule));
    expect(Array.from({ length: 10 }, () => replay.refusal('msgid', rule))).toEqual(first);
  });
});
