import type { ComponentDef } from './types';
import type { RoleDef } from './roles';
import { airSideComponents } from './components/air-side';
import { controlComponents } from './components/control';
import { heatTransferComponents } from './components/heat-transfer';
import { instrumentComponents } from './components/instruments';
import { pipingComponents } from './components/piping';
import { pumpComponents } from './components/pumps';
import { valveComponents } from './components/valves';
import { vesselComponents } from './components/vessels';

/** Every component the editor offers, in palette order (grouped by category). */
export const catalog: readonly ComponentDef[] = [
  ...pumpComponents,
  ...heatTransferComponents,
  ...vesselComponents,
  ...valveComponents,
  ...pipingComponents,
  ...instrumentComponents,
  ...controlComponents,
  ...airSideComponents,
];

const byKind = new Map(catalog.map((d) => [d.kind, d]));

/** The component definition of a kind, or undefined for a kind this build does not know. */
export function componentByKind(kind: string): ComponentDef | undefined {
  return byKind.get(kind);
}

/** The roles a sensor bound to an asset of this kind may have; empty for an unknown kind. */
export function rolesOfKind(kind: string): readonly RoleDef[] {
  return byKind.get(kind)?.roles ?? [];
}

interface SearchEntry {
  def: ComponentDef;
  prefix: string;
  name: string;
  nameWords: string[];
  kind: string;
  keywords: string[];
}

const index: SearchEntry[] = catalog.map((def) => ({
  def,
  prefix: def.tagPrefix.toLowerCase(),
  name: def.name.toLowerCase(),
  nameWords: def.name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean),
  kind: def.kind,
  keywords: def.keywords.map((k) => k.toLowerCase()),
}));

/** How well one search word fits a component: 0 is no match; a tag prefix or a name word beats a loose substring. */
function score(e: SearchEntry, word: string): number {
  if (e.prefix === word) return 8;
  if (e.nameWords.some((w) => w.startsWith(word))) return 5;
  if (e.keywords.some((k) => k === word)) return 4;
  if (e.keywords.some((k) => k.split(/[\s-]+/).some((w) => w.startsWith(word)))) return 3;
  if (e.name.includes(word) || e.kind.includes(word)) return 2;
  if (e.keywords.some((k) => k.includes(word))) return 1;
  return 0;
}

/**
 * Components matching every word of the text (case-insensitive) in their name, kind, keywords or tag
 * prefix, best first: "chw pump" finds the centrifugal pump, "TT" the temperature transmitter.
 */
export function searchCatalog(text: string): ComponentDef[] {
  const words = text
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  if (words.length === 0) return [...catalog];
  const hits: { def: ComponentDef; total: number; order: number }[] = [];
  index.forEach((e, order) => {
    let total = 0;
    for (const w of words) {
      const s = score(e, w);
      if (s === 0) return;
      total += s;
    }
    hits.push({ def: e.def, total, order });
  });
  hits.sort((a, b) => b.total - a.total || a.order - b.order);
  return hits.map((h) => h.def);
}
