import type { SeriesStats } from '../api/binding-schemas';
import { parseSeriesKey } from '../series/series-key';
import type { AssetProfile } from './asset-profile';
import { findSequence, readTokens, type ReadName } from './concepts';
import { tokenize, type NameToken } from './name-tokens';
import { conceptsOfWord, EQUIPMENT, GLUED_LETTERS, isKnownWord } from './vocabulary';

/** A series to suggest a binding for: its key, and what the source says of its values. */
export interface SeriesInput {
  key: string;
  unit?: string | null;
  stats?: SeriesStats | null;
}

/** A series as the suggestion engine reads it. */
export interface SeriesProfile {
  key: string;
  tokens: NameToken[];
  /** Assets whose tag is written in the name (`CH-1.KW`, `B7_CHWP1_SPD`). */
  tagged: AssetProfile[];
  read: ReadName;
  unit: string | null;
  stats: SeriesStats | null;
}

/** The words of a series key: measurement, tag values and a field that says something (`value` says nothing). */
export function nameOfKey(key: string): string {
  try {
    const ref = parseSeriesKey(key);
    const field = /^(value|val|v|_value)$/i.test(ref.field) ? '' : ref.field;
    return [ref.measurement, ...Object.values(ref.tags), field].filter(Boolean).join(' ');
  } catch {
    return key;
  }
}

const signature = (tokens: readonly NameToken[]) => tokens.map((t) => t.text).join(' ');

/** A site or building prefix leading the name (`B7`, `BLDG7`, `SITE2`): letters that name no equipment, glued to a number. */
function areaPrefix(tokens: readonly NameToken[]): number[] {
  const [a, b] = tokens;
  if (!a || !b || a.number !== null || b.number === null || !b.glued || tokens.length < 3) return [];
  const concepts = conceptsOfWord(a.text) ?? GLUED_LETTERS[a.text];
  return concepts?.some((c) => EQUIPMENT.has(c)) ? [] : [0, 1];
}

/**
 * Read a batch of series names. The batch matters: a word in most names is a site prefix, not a
 * clue, and `X_2` beside `X` is a second sensor of the same thing, not unit 2.
 */
export function seriesProfiles(inputs: readonly SeriesInput[], assets: ReadonlyMap<string, AssetProfile>): SeriesProfile[] {
  const tokenized = inputs.map((s) => tokenize(nameOfKey(s.key)));
  const names = new Set(tokenized.map(signature));
  const df = new Map<string, number>();
  for (const tokens of tokenized)
    for (const w of new Set(tokens.filter((t) => t.number === null && !isKnownWord(t.text)).map((t) => t.text))) df.set(w, (df.get(w) ?? 0) + 1);
  const common = (w: string) => inputs.length >= 6 && (df.get(w) ?? 0) > inputs.length * 0.3;
  const withNumbers = [...assets.values()].filter((a) => a.number !== null && a.tagTokens.length > 1);

  return inputs.map((input, i) => {
    const tokens = tokenized[i] as NameToken[];
    const skip = new Set<number>(areaPrefix(tokens));
    tokens.forEach((t, k) => {
      if (t.number === null && common(t.text)) skip.add(k);
    });
    const last = tokens[tokens.length - 1];
    if (last && last.number !== null && !last.glued && names.has(signature(tokens.slice(0, -1)))) skip.add(tokens.length - 1);
    const tagged: AssetProfile[] = [];
    for (const a of withNumbers) {
      const at = findSequence(tokens, a.tagTokens, skip);
      if (at < 0) continue;
      tagged.push(a);
    }
    // Longest tags first: `CHWP-1` explains more of `CHWP1` than a `P-1` would.
    tagged.sort((x, y) => y.tagTokens.length - x.tagTokens.length || signature(y.tagTokens).length - signature(x.tagTokens).length);
    const explained = new Set(skip);
    const kept: AssetProfile[] = [];
    for (const a of tagged) {
      const at = findSequence(tokens, a.tagTokens, explained);
      if (at < 0) continue;
      kept.push(a);
      for (let k = at; k < at + a.tagTokens.length; k++) explained.add(k);
    }
    return {
      key: input.key,
      tokens,
      tagged: kept,
      read: readTokens(tokens, explained),
      unit: input.unit ?? input.stats?.unit ?? null,
      stats: input.stats ?? null,
    };
  });
}
