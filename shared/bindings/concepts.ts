import type { NameToken } from './name-tokens';
import { conceptsOfWord, EQUIPMENT, FILLER, GLUED_LETTERS, MEASURES, PHRASES } from './vocabulary';

/** A reference to a piece of equipment in a name: its kind of thing and, when given, its number (`CH1`). */
export interface EquipmentRef {
  concept: string;
  number: number | null;
}

/** What the words of a name say, once read. */
export interface ReadName {
  concepts: Set<string>;
  equipment: EquipmentRef[];
  /** Numbers not attached to an equipment word: a unit number (`LCHWT_2`) or an index. */
  looseNumbers: number[];
  /** Words the vocabulary does not know, not counting filler. */
  unknown: string[];
  /**
   * The measure the name is of: the last one it says. Measures said before it describe the thing
   * (`Flow Control Command`, `DP Control Setpoint`, `Minimum-Flow Bypass Valve Position`).
   */
  measure: string | null;
}

/** Read tokens into concepts. `skip` marks tokens already explained (a tag, an area prefix). */
export function readTokens(tokens: readonly NameToken[], skip: ReadonlySet<number> = new Set()): ReadName {
  const out: ReadName = { concepts: new Set(), equipment: [], looseNumbers: [], unknown: [], measure: null };
  const attached = new Set<number>();
  // The number that follows a word, past filler (`Cooling Tower Cell 1`), if nothing else comes between.
  const numberAfter = (i: number): number | null => {
    for (let k = i + 1; k < tokens.length; k++) {
      const t = tokens[k] as NameToken;
      if (skip.has(k)) return null;
      if (t.number !== null) {
        attached.add(k);
        return t.number;
      }
      if (!FILLER.has(t.text)) return null;
    }
    return null;
  };
  for (let i = 0; i < tokens.length; i++) {
    if (skip.has(i)) continue;
    const t = tokens[i] as NameToken;
    if (t.number !== null) continue;
    const next = tokens[i + 1];
    const pair = next && next.number === null && !skip.has(i + 1) ? PHRASES[`${t.text} ${next.text}`] : undefined;
    let concepts = pair ?? conceptsOfWord(t.text);
    if (pair) i++;
    else if (next?.number !== null && next?.glued && !skip.has(i + 1) && GLUED_LETTERS[t.text]) concepts = GLUED_LETTERS[t.text];
    if (!concepts) {
      if (!FILLER.has(t.text) && !/^\p{N}/u.test(t.text)) out.unknown.push(t.text);
      continue;
    }
    for (const c of concepts) {
      out.concepts.add(c);
      if (MEASURES.has(c)) out.measure = c;
    }
    const equipment = concepts.find((c) => EQUIPMENT.has(c));
    if (equipment) out.equipment.push({ concept: equipment, number: numberAfter(i) });
  }
  tokens.forEach((t, i) => {
    if (t.number !== null && !skip.has(i) && !attached.has(i)) out.looseNumbers.push(t.number);
  });
  return out;
}

/** Find a token sequence inside another (words equal, numbers equal as numbers); the start index or -1. */
export function findSequence(hay: readonly NameToken[], needle: readonly NameToken[], skip: ReadonlySet<number> = new Set()): number {
  if (needle.length === 0) return -1;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) {
      const a = hay[i + k] as NameToken;
      const b = needle[k] as NameToken;
      if (skip.has(i + k)) continue outer;
      if (b.number !== null ? a.number !== b.number : a.text !== b.text) continue outer;
    }
    return i;
  }
  return -1;
}
