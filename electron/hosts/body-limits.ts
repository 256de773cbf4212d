import type { MethodName } from '../../shared/api/contract';
import { MAX_PROJECT_BYTES } from '../../shared/twin/document-policy';

/**
 * How large a request body each API method may send the web host, checked while the body streams in,
 * before anything is parsed. Most methods carry a few ids and options; only the project methods carry a
 * whole document, so only they may come close to the project file cap. A method not listed here gets
 * SMALL_BODY_BYTES.
 */

const KB = 1024;
const MB = 1024 * KB;

/** Inputs of ids, paths, options and a search text. */
export const SMALL_BODY_BYTES = 64 * KB;

/** A document up to the project cap as compact JSON, plus the call's other fields. */
export const PROJECT_BODY_BYTES = MAX_PROJECT_BYTES + 64 * KB;

const LIMITS: Partial<Record<MethodName, number>> = {
  // Methods carrying a document (a test checks this against the contract).
  saveProject: PROJECT_BODY_BYTES,
  writeRecovery: PROJECT_BODY_BYTES,
  pushTwin: PROJECT_BODY_BYTES,
  compareWithTenant: PROJECT_BODY_BYTES,
  runResiduals: PROJECT_BODY_BYTES,
  // Up to 1,000 series keys of up to 2,000 characters each, or 1,000 paths of up to 4,096.
  queryWindows: 4 * MB,
  valueAt: 4 * MB,
  seriesStats: 4 * MB,
  previewImport: 4 * MB,
  importFile: 4 * MB,
  // Up to 100,000 points of analysis results; keys of a usual length take about 100 bytes a point.
  writePoints: 32 * MB,
};

/** The largest body a method accepts. */
export function bodyLimit(method: MethodName): number {
  return LIMITS[method] ?? SMALL_BODY_BYTES;
}

/** Bodies above this count as large: only a few are read and parsed at once, so memory stays bounded. */
export const LARGE_BODY_BYTES = 1 * MB;

/** Large bodies read and parsed at once; the others wait, unread, under TCP back-pressure. */
export const LARGE_BODY_SLOTS = 1;

/**
 * Most objects and arrays a body may hold. Parsing costs memory per object far more than per byte: a real
 * project has one object or array per ~65 bytes (under 800,000 in a 50 MB file), while 50 MB of "{}," would
 * be 17 million objects and gigabytes of heap.
 */
export const MAX_BODY_CONTAINERS = 2_000_000;
