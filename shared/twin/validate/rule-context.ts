import type { Problem } from '../../api/errors';
import type { ComponentDef } from '../../catalog/types';
import type { Asset } from '../schema';
import type { Located, LocatedDocument } from './located-document';

/** Looks up a component kind; the validator takes it as a parameter so tests and tools can pass their own. */
export type ComponentLookup = (kind: string) => ComponentDef | undefined;

/** What every rule gets: the records, the catalog, and somewhere to put what it finds. */
export interface RuleContext {
  doc: LocatedDocument;
  componentByKind: ComponentLookup;
  /** Assets by id; the first of duplicate ids wins, as the editor would load it. */
  assetsById: ReadonlyMap<string, Located<Asset>>;
  error(path: string, message: string): void;
  warn(path: string, message: string): void;
}

/** A context collecting into `problems`. */
export function ruleContext(doc: LocatedDocument, componentByKind: ComponentLookup, problems: Problem[]): RuleContext {
  const assetsById = new Map<string, Located<Asset>>();
  for (const a of doc.assets) if (!assetsById.has(a.value.id)) assetsById.set(a.value.id, a);
  return {
    doc,
    componentByKind,
    assetsById,
    error: (path, message) => problems.push({ path, message, severity: 'error' }),
    warn: (path, message) => problems.push({ path, message, severity: 'warning' }),
  };
}

/** How a rule names an asset in a message: its tag when it has one, else its id. */
export function assetLabel(asset: Asset): string {
  return asset.tag.trim() !== '' ? asset.tag : `asset "${asset.id}"`;
}
