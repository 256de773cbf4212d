import { z } from 'zod';

import { FORMAT_VERSION } from './format-version';

export { FORMAT_VERSION } from './format-version';

const Id = z.string().min(1, 'is empty').max(128, 'is longer than 128 characters');
const Finite = z.number().finite();

export const PointSchema = z.looseObject({ x: Finite, y: Finite });

/** A property value as stored in the file. */
export const PropertyValueSchema = z.union([z.string().max(10_000), Finite, z.boolean(), z.null()]);
export type PropertyValue = z.infer<typeof PropertyValueSchema>;

// Loose objects: fields this build does not know are kept and written back, never silently dropped.
export const AssetSchema = z.looseObject({
  id: Id,
  /** Component kind from the catalog (`centrifugal-pump`); an unknown kind is a validator problem, not a parse failure. */
  kind: z.string().min(1).max(100),
  tag: z.string().max(100),
  name: z.string().max(500).default(''),
  properties: z.record(z.string(), PropertyValueSchema).default({}),
  position: PointSchema,
  rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]).default(0),
  /** Mirrored left-right before rotation. */
  flip: z.boolean().default(false),
});
export type Asset = z.infer<typeof AssetSchema>;

export const PortRefSchema = z.looseObject({ asset: Id, port: z.string().min(1).max(64) });
export type PortRef = z.infer<typeof PortRefSchema>;

export const ConnectionSchema = z.looseObject({
  id: Id,
  kind: z.enum(['process', 'signal']),
  from: PortRefSchema,
  to: PortRefSchema,
  label: z.string().max(200).optional(),
});
export type Connection = z.infer<typeof ConnectionSchema>;
export type ConnectionKind = Connection['kind'];

export const SystemSchema = z.looseObject({
  id: Id,
  name: z.string().min(1, 'is empty').max(200),
  assetIds: z.array(Id).default([]),
});
export type TwinSystem = z.infer<typeof SystemSchema>;

/**
 * A data source the project's sensors live in, by the non-secret parts of its connection. Passwords and
 * tokens never enter a project file: the session that opens the project supplies them when it connects.
 */
export const ProjectSourceSchema = z.looseObject({
  /** What sensors name it by (`local`, `historian`); stable within the project, unrelated to any URL. */
  id: Id,
  name: z.string().min(1, 'is empty').max(200),
  /** `unknown`: a format 2 file named the source only by an id; connect it and map it in the Sensors panel. */
  kind: z.enum(['local', 'influx1', 'influx2', 'unknown']),
  /** Server address without credentials. */
  url: z.string().max(2_048).optional(),
  /** InfluxDB 1.x database and retention policy. */
  database: z.string().max(200).optional(),
  retentionPolicy: z.string().max(200).optional(),
  /** InfluxDB 2.x organisation and bucket. */
  org: z.string().max(200).optional(),
  bucket: z.string().max(200).optional(),
});
export type ProjectSource = z.infer<typeof ProjectSourceSchema>;

/** A binding suggestion the user turned down: not offered again for this project. */
export const RejectedSuggestionSchema = z.looseObject({
  series: z.string().min(1).max(2_000),
  assetId: Id,
  role: z.string().max(100),
});
export type RejectedSuggestion = z.infer<typeof RejectedSuggestionSchema>;

export const SensorSchema = z.looseObject({
  id: Id,
  /** Series key, `measurement,tag=value#field`. */
  series: z.string().min(1).max(2_000),
  /** Id of the project source (`sources`) the series lives in; absent means the project's default source. */
  source: z.string().max(200).optional(),
  unit: z.string().max(50).nullable().default(null),
  /** What the sensor measures for its asset, e.g. `chws-temperature` or `power`. */
  role: z.string().max(100).default(''),
  /** Which of redundant sensors the analytics trust. */
  trusted: z.boolean().default(true),
  assetId: Id.nullable().default(null),
  label: z.string().max(200).optional(),
});
export type Sensor = z.infer<typeof SensorSchema>;

/** Residual-analysis definitions; their inner shape belongs to the analysis feature and is kept as written. */
export const ModelSchema = z.looseObject({
  id: Id,
  name: z.string().max(200).default(''),
  assetId: Id.nullable().default(null),
});
export type TwinModel = z.infer<typeof ModelSchema>;

export const TwinDocumentSchema = z.looseObject({
  formatVersion: z.literal(FORMAT_VERSION),
  id: Id,
  name: z.string().max(200).default('Untitled plant'),
  /** IANA time zone of the plant, e.g. `America/Chicago`. */
  timeZone: z.string().min(1).max(64).default('UTC'),
  /** The data sources sensors name; see ProjectSourceSchema. */
  sources: z.array(ProjectSourceSchema).default([]),
  /** The source of sensors that name none; absent means the first of `sources`, or the local store. */
  defaultSource: Id.optional(),
  assets: z.array(AssetSchema).default([]),
  connections: z.array(ConnectionSchema).default([]),
  systems: z.array(SystemSchema).default([]),
  sensors: z.array(SensorSchema).default([]),
  models: z.array(ModelSchema).default([]),
  rejectedSuggestions: z.array(RejectedSuggestionSchema).default([]),
});
export type TwinDocument = z.infer<typeof TwinDocumentSchema>;

export { emptyDocument } from './empty-document';
