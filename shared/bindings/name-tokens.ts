import { isKnownWord } from './vocabulary';

/** One word or number of a name, as historians glue them together. */
export interface NameToken {
  /** Lower case. */
  text: string;
  /** The value of a number token, else null. */
  number: number | null;
  /** Which separator-delimited part of the name it came from (`B7_CH1_KW`: 0, 1, 2). */
  segment: number;
  /** Whether it touches the token before it without a separator (`CH1`, `CondSat`). */
  glued: boolean;
}

const RUNS = /\p{L}+|\p{N}+/gu;
const CAMEL = /\p{Lu}+(?!\p{Ll})|\p{Lu}?\p{Ll}+/gu;

/**
 * Split a run of letters the vocabulary does not know into known words, the fewest pieces first
 * (`CHWSTEMP` → chws + temp). Returns null when no split covers it all.
 */
function splitCompound(word: string): string[] | null {
  const n = word.length;
  const best: ({ cost: number; pieces: string[] } | null)[] = Array.from({ length: n + 1 }, () => null);
  best[0] = { cost: 0, pieces: [] };
  for (let i = 0; i < n; i++) {
    const from = best[i];
    if (!from) continue;
    for (let j = i + 1; j <= n; j++) {
      const piece = word.slice(i, j);
      if (!isKnownWord(piece)) continue;
      // Single letters are cheap to find by accident; a split leaning on them is a weak one.
      const cost = from.cost + (piece.length === 1 ? 3 : 1);
      const at = best[j];
      if (!at || cost < at.cost) best[j] = { cost, pieces: [...from.pieces, piece] };
    }
  }
  const end = best[n];
  // More than one single letter is a split found by accident (`reset` is not r + e + set).
  if (!end || end.pieces.length < 2 || end.pieces.filter((p) => p.length === 1).length > 1) return null;
  return end.pieces;
}

function wordsOf(run: string): string[] {
  const lower = run.toLowerCase();
  if (isKnownWord(lower)) return [lower];
  const camel = run.match(CAMEL) ?? [run];
  if (camel.length > 1) return camel.flatMap((p) => wordsOf(p));
  if (lower.length >= 4) return splitCompound(lower) ?? [lower];
  return [lower];
}

/**
 * The words and numbers of a name: split at separators (`_ . - space /` and any other punctuation), at
 * changes of case (`CondSatT`), between letters and digits (`CHWP2`), and inside compounds the vocabulary
 * can read (`CHWSTEMP`).
 */
export function tokenize(name: string): NameToken[] {
  const out: NameToken[] = [];
  name.split(/[^\p{L}\p{N}]+/u).forEach((part, segment) => {
    let first = true;
    for (const run of part.match(RUNS) ?? []) {
      if (/^\p{N}+$/u.test(run)) {
        out.push({ text: run, number: Number(run), segment, glued: !first });
      } else {
        wordsOf(run).forEach((w, i) => out.push({ text: w, number: null, segment, glued: !first || i > 0 }));
      }
      first = false;
    }
  });
  return out;
}
