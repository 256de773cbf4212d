import type { Located } from './located-document';
import { assetLabel, type RuleContext } from './rule-context';

function duplicateIds(ctx: RuleContext, items: readonly Located<{ id: string }>[]): void {
  const first = new Map<string, string>();
  for (const item of items) {
    const seen = first.get(item.value.id);
    if (seen === undefined) first.set(item.value.id, item.path);
    else ctx.error(`${item.path}.id`, `id "${item.value.id}" is already used by ${seen}; ids must be unique within a list`);
  }
}

/** Ids unique per collection; tags present and unique ignoring case; every kind known to the catalog. */
export function checkIdentity(ctx: RuleContext): void {
  const { doc } = ctx;
  for (const list of [doc.sources, doc.assets, doc.connections, doc.systems, doc.sensors, doc.models]) duplicateIds(ctx, list);

  const tags = new Map<string, Located<{ tag: string }>>();
  for (const a of doc.assets) {
    const def = ctx.componentByKind(a.value.kind);
    if (!def) ctx.error(`${a.path}.kind`, `unknown component kind "${a.value.kind}": this build's catalog has no such component`);
    const tag = a.value.tag;
    const key = tag.trim().toLowerCase();
    if (key === '') {
      // Pipe junctions and the like have no tag prefix: they are drawn, not named.
      if (def?.tagPrefix !== '')
        ctx.warn(`${a.path}.tag`, `is empty; give ${assetLabel(a.value)} a tag (e.g. ${def?.tagPrefix || 'P'}-101) so sensors and searches can find it`);
      continue;
    }
    if (tag !== tag.trim()) ctx.warn(`${a.path}.tag`, `"${tag}" starts or ends with spaces`);
    const seen = tags.get(key);
    if (seen) {
      const same = seen.value.tag === tag ? '' : ` as "${seen.value.tag}"`;
      ctx.error(`${a.path}.tag`, `tag "${tag}" is already used by ${seen.path}${same}; tags must be unique, ignoring case`);
    } else tags.set(key, a);
  }
}
