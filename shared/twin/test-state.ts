import type { Asset } from './schema';
import { emptyDocument } from './schema';
import { stateFromDocument, type TwinState } from './state';

/** A small state for tests: assets given by tag and kind, placed in a row. */
export function makeState(assets: ReadonlyArray<Partial<Asset> & { id: string; kind: string; tag: string }>): TwinState {
  const doc = emptyDocument('test');
  doc.assets = assets.map((a, i) => ({ name: '', properties: {}, position: { x: i * 100, y: 0 }, rotation: 0, flip: false, ...a }));
  return stateFromDocument(doc);
}

/** Sequential ids for tests. */
export function idSequence(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}
