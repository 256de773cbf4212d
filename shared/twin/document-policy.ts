import { jsonPath } from './validate/json-path';

/**
 * One policy for what a project document may be, applied both ways: when a file is opened (safe-json.ts,
 * read-project.ts) and before a document is saved or autosaved, so no save can write a file the app then
 * refuses to open. The reasons are the same words either way; only the place differs (a line and column
 * in a file, a JSON path in a document).
 */

/** The largest project file; a 500-asset plant is about 0.5 MB. */
export const MAX_PROJECT_BYTES = 50 * 1024 * 1024;

/** Deepest nesting of objects and arrays in a project (the document itself is level 1); a twin needs about 6. */
export const MAX_DOCUMENT_DEPTH = 64;

/** Keys a naive merge could use to reach Object.prototype; refused anywhere in a project. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Why a document nested too deeply is refused. */
export function depthReason(maxDepth: number = MAX_DOCUMENT_DEPTH): string {
  return `nesting deeper than ${maxDepth} levels`;
}

/** Why a reserved key is refused. */
export function reservedKeyReason(key: string): string {
  return `the key "${key}" is not allowed in a project file (rename it)`;
}

/** Megabytes with one decimal, as the size messages show them. */
export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Why a project of `bytes` is refused; the caller names the file or the document before it. */
export function sizeReason(bytes: number, maxBytes: number = MAX_PROJECT_BYTES): string {
  return `it is ${megabytes(bytes)}, more than the ${megabytes(maxBytes)} a project file may have`;
}

export interface ShapeProblem {
  /** JSON path of the offending value or key, shortened when very deep. */
  path: string;
  reason: string;
}

/** A JSON path for messages: a path 64 levels deep is shown by its start and its end. */
function shownPath(parts: readonly PropertyKey[]): string {
  if (parts.length <= 12) return jsonPath(parts);
  const head = jsonPath(parts.slice(0, 6));
  const tail = jsonPath(parts.slice(-4)).slice(1);
  return `${head}…(${parts.length - 10} levels)…${tail}`;
}

interface Frame {
  value: object;
  depth: number;
  parent: Frame | undefined;
  key: PropertyKey | undefined;
}

function pathOf(frame: Frame | undefined, last?: PropertyKey): PropertyKey[] {
  const parts: PropertyKey[] = last === undefined ? [] : [last];
  for (let f = frame; f?.key !== undefined; f = f.parent) parts.push(f.key);
  return parts.reverse();
}

/**
 * The first place a value breaks the policy's shape rules (nesting depth, reserved keys), or null. Walks
 * without recursion, so a value nested 10,000 deep is refused rather than overflowing the stack; own keys
 * only, including a `__proto__` set as an own property (as JSON.parse makes it).
 * `baseDepth` is the nesting level of `value` itself (1 for a document, 2 for a document inside a call).
 */
export function shapeProblem(value: unknown, options: { maxDepth?: number; basePath?: readonly PropertyKey[] } = {}): ShapeProblem | null {
  const maxDepth = options.maxDepth ?? MAX_DOCUMENT_DEPTH;
  const base = options.basePath ?? [];
  if (typeof value !== 'object' || value === null) return null;
  const stack: Frame[] = [{ value, depth: 1, parent: undefined, key: undefined }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    if (frame.depth > maxDepth) return { path: shownPath([...base, ...pathOf(frame)]), reason: depthReason(maxDepth) };
    const isArray = Array.isArray(frame.value);
    for (const key of Object.keys(frame.value)) {
      if (!isArray && RESERVED_KEYS.has(key)) return { path: shownPath([...base, ...pathOf(frame, key)]), reason: reservedKeyReason(key) };
      const child: unknown = (frame.value as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) {
        stack.push({ value: child, depth: frame.depth + 1, parent: frame, key: isArray ? Number(key) : key });
      }
    }
  }
  return null;
}
