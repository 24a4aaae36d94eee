/**
 * The vocabulary of the conformance table (nhsaFields.ts): what the spec says about one field or
 * node, written as data. Nothing here is read from the client's own types or builders.
 */

/** A spec type. `char` lengths count characters (the spec does not say bytes; see nhsaFields.ts). */
export type FieldType =
  /** Text or a code. `max`: the spec's length; where sources disagree the longer, so both readings pass. */
  | { kind: 'char'; max?: number }
  /** `yyyy-MM-dd` (§1.1, last paragraph). */
  | { kind: 'date' }
  /** `yyyy-MM-dd HH:mm:ss` (§1.1, last paragraph). */
  | { kind: 'datetime' }
  /**
   * 数值型 precision,scale (§2.10): a JSON number or a numeric string. `money` marks a 16,2
   * amount, whose JSON type must follow the region's amount setting when one is given.
   */
  | { kind: 'number'; precision: number; scale: number; money?: boolean }
  /** §2.8 `fixmedins_setl_cnt` "10": read as char 10 or as a 10-digit whole number; both accepted. */
  | { kind: 'count'; max: number }
  /** §2.8 9101 `in` "= file bytes": a Base64 string or a JSON array of bytes; both accepted. */
  | { kind: 'bytes' };

/**
 * When a `C` (conditional) field must be present and non-empty, or must be empty.
 * - `input-has`: the payload names this member anywhere (§1.1 #4: insuplc_admdvs with psn_no).
 * - `infno-not`: every transaction but these (§1.1 #17: sign_no, empty for 9001).
 * - `sibling-equals`: another member of the same node has this value (§2.2: card_sn for 03).
 */
export type Condition =
  | { kind: 'input-has'; field: string }
  | { kind: 'infno-not'; infnos: readonly string[] }
  | { kind: 'sibling-equals'; field: string; value: string };

export interface FieldRule {
  type: FieldType;
  /** Y: present and non-empty. C: as `when` says. N: optional (an empty string counts as not sent). */
  req: 'Y' | 'C' | 'N';
  when?: Condition;
  /** C fields that must be empty when `when` does not hold (9001's sign_no). */
  emptyOtherwise?: boolean;
  /** Values the spec enumerates. */
  values?: readonly string[];
  /** Where the spec says it. */
  cite: string;
}

export interface NodeRule {
  shape: 'object' | 'list';
  fields: Readonly<Record<string, FieldRule>>;
  /** Member-name prefixes the spec lists as a family (`acord_*`, `orders_dr_*`, `oprn_oprt_*`). */
  prefixes?: readonly string[];
  cite: string;
}

export interface TransactionRule {
  name: string;
  /** Nodes of `input`; each listed node must be sent, no other may be. */
  nodes: Readonly<Record<string, NodeRule>>;
  /** The answer carries `setlinfo` the money identities must hold for (§2.9, DESIGN.md "Money"). */
  settlementAnswer?: 'quote' | 'settled' | 'query';
  cite: string;
}

export interface MoneyIdentity {
  /** The left side equals the sum of one of the readings of the right side, to the fen. */
  left: string;
  readings: readonly (readonly string[])[];
  cite: string;
}

/** One thing a message breaks: where (`input.data.psn_no`), which rule, and the spec section. */
export interface Finding {
  path: string;
  rule: 'missing' | 'empty' | 'length' | 'type' | 'value' | 'shape' | 'unknown-node' | 'unknown-field' | 'msgid' | 'identity' | 'seal';
  message: string;
  cite: string;
}

export interface CheckResult {
  infno: string;
  msgid: string;
  /** What breaks the table: the suite fails on any. */
  errors: Finding[];
  /** Members the spec does not list inside a known node: reported, not failed (the spec is a reconstruction, §6). */
  warnings: Finding[];
}
