import type { z } from 'zod';
import type { Problem } from '../../api/errors';
import {
  AssetSchema,
  ConnectionSchema,
  ModelSchema,
  ProjectSourceSchema,
  SensorSchema,
  SystemSchema,
  TwinDocumentSchema,
  type Asset,
  type Connection,
  type ProjectSource,
  type Sensor,
  type TwinDocument,
  type TwinModel,
  type TwinSystem,
} from '../schema';
import { jsonPath } from './json-path';
import { schemaProblems } from './schema-problems';

/** A record with the index it has in the file, so every rule can name its JSON path. */
export interface Located<T> {
  value: T;
  index: number;
  /** `$.assets[3]` */
  path: string;
}

/**
 * The records of a document that passed the schema one by one. When the document as a whole fails the
 * schema, the graph rules still run on the records that are well formed, so one pass reports everything.
 */
export interface LocatedDocument {
  timeZone: string | undefined;
  sources: Located<ProjectSource>[];
  /** The declared default source, when it is a string. */
  defaultSource: string | undefined;
  assets: Located<Asset>[];
  connections: Located<Connection>[];
  systems: Located<TwinSystem>[];
  sensors: Located<Sensor>[];
  models: Located<TwinModel>[];
}

function locate<T>(name: string, raw: unknown, schema: z.ZodType<T>): Located<T>[] {
  if (!Array.isArray(raw)) return [];
  const out: Located<T>[] = [];
  raw.forEach((item, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) out.push({ value: parsed.data, index, path: jsonPath([name, index]) });
  });
  return out;
}

function located<T>(name: string, items: readonly T[]): Located<T>[] {
  return items.map((value, index) => ({ value, index, path: jsonPath([name, index]) }));
}

/** Check a migrated document against the schema; the parsed document is there only when it passed. */
export function locateDocument(raw: unknown): { document: TwinDocument | undefined; located: LocatedDocument; problems: Problem[] } {
  const parsed = TwinDocumentSchema.safeParse(raw);
  if (parsed.success) {
    const d = parsed.data;
    return {
      document: d,
      problems: [],
      located: {
        timeZone: d.timeZone,
        sources: located('sources', d.sources),
        defaultSource: d.defaultSource,
        assets: located('assets', d.assets),
        connections: located('connections', d.connections),
        systems: located('systems', d.systems),
        sensors: located('sensors', d.sensors),
        models: located('models', d.models),
      },
    };
  }
  const obj = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    document: undefined,
    problems: schemaProblems(parsed.error.issues),
    located: {
      timeZone: typeof obj.timeZone === 'string' ? obj.timeZone : undefined,
      sources: locate('sources', obj.sources, ProjectSourceSchema),
      defaultSource: typeof obj.defaultSource === 'string' ? obj.defaultSource : undefined,
      assets: locate('assets', obj.assets, AssetSchema),
      connections: locate('connections', obj.connections, ConnectionSchema),
      systems: locate('systems', obj.systems, SystemSchema),
      sensors: locate('sensors', obj.sensors, SensorSchema),
      models: locate('models', obj.models, ModelSchema),
    },
  };
}
