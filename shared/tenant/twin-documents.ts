import { z } from 'zod';
import type { Sensor, TwinDocument } from '../twin/schema';
import { defaultSourceId, LOCAL_SOURCE_ID, sourceOfSensor } from '../twin/project-sources';

/**
 * The twin as MongoDB documents, in three collections:
 *  - `twins`: the head of each twin (its current revision), the one document a push changes in place;
 *  - `twin_revisions`: every pushed revision, immutable, unique on (twinId, revision);
 *  - `sensors`: one document per bound sensor of each revision, so the platform can read the sensors of
 *    the head revision without unpacking the twin.
 * Each document carries `schemaVersion`, like every persisted shape; readers refuse newer versions.
 */

export const TWIN_DOCS_VERSION = 1;
export const COLLECTIONS = { heads: 'twins', revisions: 'twin_revisions', sensors: 'sensors' } as const;

/** MongoDB's document limit is 16 MiB; a revision must fit with its metadata. */
export const MAX_TWIN_JSON_BYTES = 15 * 1024 * 1024;

export interface HeadDoc {
  _id: string;
  schemaVersion: number;
  name: string;
  revision: number;
  contentHash: string;
  updatedAt: Date;
  updatedBy: string;
  /** The push that made this revision the head. */
  pushId: string;
  message: string;
}

export interface RevisionDoc {
  twinId: string;
  schemaVersion: number;
  revision: number;
  /** The revision this one was pushed on top of; null for the first. */
  baseRevision: number | null;
  name: string;
  formatVersion: number;
  /** How the twin is stored: as a BSON document, or as JSON text when it has keys MongoDB treats specially. */
  encoding: 'bson' | 'json';
  document?: Record<string, unknown>;
  documentJson?: string;
  message: string;
  author: string;
  createdAt: Date;
  contentHash: string;
  pushId: string;
}

export interface SensorDoc {
  twinId: string;
  revision: number;
  sensorId: string;
  schemaVersion: number;
  seriesKey: string;
  /** The id of the project source the series lives in (the sensor's own, else the project's default). */
  source: string;
  /** That source's name and kind from the twin's `sources` section; null when the section does not list it. */
  sourceName: string | null;
  sourceKind: string | null;
  assetId: string;
  assetTag: string;
  role: string;
  unit: string | null;
  trusted: boolean;
  createdAt: Date;
}

/** A key MongoDB stores awkwardly or refuses: `$`-prefixed (operators), dotted (paths), NUL. */
function awkwardKey(key: string): boolean {
  return key.startsWith('$') || key.includes('.') || key.includes('\0');
}

function hasAwkwardKeys(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasAwkwardKeys);
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) if (awkwardKey(k) || hasAwkwardKeys(v)) return true;
  }
  return false;
}

/** How to store a twin's content: as BSON when every key is plain, else as JSON text (nothing lost either way). */
export function encodeTwin(content: Record<string, unknown>): Pick<RevisionDoc, 'encoding' | 'document' | 'documentJson'> {
  if (hasAwkwardKeys(content)) return { encoding: 'json', documentJson: JSON.stringify(content) };
  return { encoding: 'bson', document: content };
}

/** The twin's content from a revision document, as plain JSON (to be migrated and validated like a file). */
export function decodeTwin(doc: Pick<RevisionDoc, 'encoding' | 'document' | 'documentJson'>): unknown {
  if (doc.encoding === 'json') return JSON.parse(doc.documentJson ?? 'null');
  return doc.document;
}

export interface NewRevision {
  twinId: string;
  revision: number;
  baseRevision: number | null;
  /** The twin without its tenant link. */
  content: TwinDocument;
  contentHash: string;
  message: string;
  author: string;
  pushId: string;
  at: Date;
}

export function revisionDoc(r: NewRevision): RevisionDoc {
  return {
    twinId: r.twinId,
    schemaVersion: TWIN_DOCS_VERSION,
    revision: r.revision,
    baseRevision: r.baseRevision,
    name: r.content.name,
    formatVersion: r.content.formatVersion,
    ...encodeTwin(r.content),
    message: r.message,
    author: r.author,
    createdAt: r.at,
    contentHash: r.contentHash,
    pushId: r.pushId,
  };
}

export function headDoc(r: NewRevision): HeadDoc {
  return {
    _id: r.twinId,
    schemaVersion: TWIN_DOCS_VERSION,
    name: r.content.name,
    revision: r.revision,
    contentHash: r.contentHash,
    updatedAt: r.at,
    updatedBy: r.author,
    pushId: r.pushId,
    message: r.message,
  };
}

/**
 * One document per bound sensor of a revision (unbound sensors are not the platform's business), naming
 * the source its series lives in as the twin's `sources` section does (a sensor that names none is in
 * the project's default source).
 */
export function sensorDocs(
  content: Pick<TwinDocument, 'assets' | 'sensors' | 'sources' | 'defaultSource'>,
  r: Pick<NewRevision, 'twinId' | 'revision' | 'at'>,
): SensorDoc[] {
  const tags = new Map(content.assets.map((a) => [a.id, a.tag]));
  const sources = new Map(content.sources.map((s) => [s.id, s]));
  const fallback = defaultSourceId(content.defaultSource, content.sources);
  return content.sensors
    .filter((s): s is Sensor & { assetId: string } => typeof s.assetId === 'string')
    .map((s) => {
      const sourceId = sourceOfSensor(s, fallback);
      const source = sources.get(sourceId);
      return {
        twinId: r.twinId,
        revision: r.revision,
        sensorId: s.id,
        schemaVersion: TWIN_DOCS_VERSION,
        seriesKey: s.series,
        source: sourceId,
        sourceName: source?.name ?? (sourceId === LOCAL_SOURCE_ID ? 'Local store' : null),
        sourceKind: source?.kind ?? (sourceId === LOCAL_SOURCE_ID ? 'local' : null),
        assetId: s.assetId,
        assetTag: tags.get(s.assetId) ?? '',
        role: s.role,
        unit: s.unit,
        trusted: s.trusted,
        createdAt: r.at,
      };
    });
}

// Reading: documents from a tenant are input like any file; their shape is checked before use.
const DateLike = z.union([z.date(), z.number().transform((n) => new Date(n)), z.string().transform((s) => new Date(s))]);
const Version = z.number().int().min(1);

export const HeadDocSchema = z.looseObject({
  _id: z.string(),
  schemaVersion: Version,
  name: z.string(),
  revision: z.number().int().min(1),
  contentHash: z.string(),
  updatedAt: DateLike,
  updatedBy: z.string(),
  pushId: z.string(),
  message: z.string().default(''),
});

export const RevisionDocSchema = z.looseObject({
  twinId: z.string(),
  schemaVersion: Version,
  revision: z.number().int().min(1),
  baseRevision: z.number().int().min(1).nullable(),
  name: z.string(),
  formatVersion: z.number().int(),
  encoding: z.enum(['bson', 'json']),
  document: z.record(z.string(), z.unknown()).optional(),
  documentJson: z.string().optional(),
  message: z.string(),
  author: z.string(),
  createdAt: DateLike,
  contentHash: z.string(),
  pushId: z.string(),
});

/** A document a tenant holds that this build cannot use: what is wrong, where, and what to do. */
export class TwinDocError extends Error {
  override name = 'TwinDocError';
  constructor(
    message: string,
    readonly newer: boolean,
  ) {
    super(message);
  }
}

function read<T>(schema: z.ZodType<T>, raw: unknown, what: string): T {
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > TWIN_DOCS_VERSION) {
    throw new TwinDocError(
      `${what} was written by a newer Twin Studio (document version ${version}, this one reads ${TWIN_DOCS_VERSION}); update Twin Studio.`,
      true,
    );
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TwinDocError(
      `${what} is not a Twin Studio document: ${issue ? `${issue.path.join('.') || '(document)'}: ${issue.message}` : 'unexpected shape'}.`,
      false,
    );
  }
  return parsed.data;
}

export function readHeadDoc(raw: unknown): HeadDoc {
  return read(HeadDocSchema, raw, `The head of twin ${JSON.stringify(String((raw as { _id?: unknown } | null)?._id ?? '?'))}`) as HeadDoc;
}

export function readRevisionDoc(raw: unknown): RevisionDoc {
  const r = raw as { twinId?: unknown; revision?: unknown } | null;
  return read(RevisionDocSchema, raw, `Revision ${String(r?.revision ?? '?')} of twin ${JSON.stringify(String(r?.twinId ?? '?'))}`) as RevisionDoc;
}
