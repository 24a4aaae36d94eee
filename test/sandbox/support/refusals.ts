/** CJK ideographs: every refusal of the platform is worded in Chinese. */
export const CJK = /[\u3400-\u9fff]/;

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The wire name of a field standing alone: `input.data.omsgid` does not name `msgid`. */
export function namingField(field: string): RegExp {
  return new RegExp(`(?<![\\w.\\[\\]])${escaped(field)}(?![\\w.\\[])`);
}

/**
 * A refusal names its field, in Chinese. Tests never compare the rest of the wording: it varies
 * from answer to answer as a real platform's does, so whatever the cause, a test shows it by the
 * platform's state (nothing changed, the record that says why), not by the text.
 */
export function expectRefusalOf(errMsg: string | null | undefined, field: string): void {
  expect(errMsg).toEqual(expect.stringMatching(namingField(field)));
  expect(errMsg).toMatch(CJK);
}
