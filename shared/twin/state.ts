import type { Asset, Connection, ProjectSource, RejectedSuggestion, Sensor, TwinDocument, TwinModel, TwinSystem } from './schema';

/** The records of a twin, keyed by id; insertion order is file order. */
export interface TwinRecords {
  sources: Readonly<Record<string, ProjectSource>>;
  assets: Readonly<Record<string, Asset>>;
  connections: Readonly<Record<string, Connection>>;
  systems: Readonly<Record<string, TwinSystem>>;
  sensors: Readonly<Record<string, Sensor>>;
  models: Readonly<Record<string, TwinModel>>;
}
export type CollectionName = keyof TwinRecords;
export type RecordOf<C extends CollectionName> = TwinRecords[C][string];
export const collectionNames: readonly CollectionName[] = ['sources', 'assets', 'connections', 'systems', 'sensors', 'models'];

/** Everything in the document that is not a record collection: id, name, time zone and unknown top-level fields. */
export interface TwinMeta {
  formatVersion: TwinDocument['formatVersion'];
  id: string;
  name: string;
  timeZone: string;
  defaultSource?: string;
  rejectedSuggestions: readonly RejectedSuggestion[];
  [unknownField: string]: unknown;
}

/** The in-memory twin the editor works on: the document normalized into records by id. */
export interface TwinState extends TwinRecords {
  meta: TwinMeta;
}

function byId<T extends { id: string }>(items: readonly T[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const item of items) out[item.id] = item;
  return out;
}

/** Normalize a parsed document into editor state. */
export function stateFromDocument(doc: TwinDocument): TwinState {
  const { sources, assets, connections, systems, sensors, models, ...meta } = doc;
  return {
    meta,
    sources: byId(sources),
    assets: byId(assets),
    connections: byId(connections),
    systems: byId(systems),
    sensors: byId(sensors),
    models: byId(models),
  };
}

/** The document to save for a state (records in insertion order). */
export function documentFromState(state: TwinState): TwinDocument {
  const { rejectedSuggestions, ...meta } = state.meta;
  return {
    ...(meta as Pick<TwinDocument, 'formatVersion' | 'id' | 'name' | 'timeZone'>),
    sources: Object.values(state.sources),
    assets: Object.values(state.assets),
    connections: Object.values(state.connections),
    systems: Object.values(state.systems),
    sensors: Object.values(state.sensors),
    models: Object.values(state.models),
    rejectedSuggestions: [...rejectedSuggestions],
  };
}
