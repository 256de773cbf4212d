import { tokenize } from '../../../shared/bindings/name-tokens';
import type { CatalogEntry } from '../../../shared/series/types';

/**
 * Whether a catalog entry matches a search: as a substring of its key, unit or description, or word by
 * word as names are read (`ch1 kw` finds `B7_CH1_KW`, `chwp 2` finds `B7.CHWP2.SPD`).
 */
export function matchesSearch(entry: Pick<CatalogEntry, 'key' | 'unit' | 'description'>, search: string, boundTag?: string): boolean {
  const text = search.trim().toLowerCase();
  if (!text) return true;
  const hay = `${entry.key} ${entry.unit ?? ''} ${entry.description ?? ''} ${boundTag ?? ''}`.toLowerCase();
  if (hay.includes(text)) return true;
  const words = tokenize(hay).map((t) => t.text);
  return tokenize(text).every((q) => words.some((w) => (q.number !== null ? w === q.text || Number(w) === q.number : w.startsWith(q.text))));
}
