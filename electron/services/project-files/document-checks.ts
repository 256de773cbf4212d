import { twinError, type TwinError } from '../../../shared/api/errors';
import { MAX_PROJECT_BYTES, shapeProblem, sizeReason, type ShapeProblem } from '../../../shared/twin/document-policy';
import type { TwinDocument } from '../../../shared/twin/schema';

/**
 * The document policy (shared/twin/document-policy.ts) on the way out: what opening a project refuses —
 * nesting too deep, reserved keys, a file over the cap — saving and autosaving refuse first, with the same
 * reason, so no save writes a file the app cannot open again and no autosave is silently never offered.
 */

/** What is being refused, for the message. */
export type WriteAction = 'save' | 'autosave' | 'push' | 'compare' | 'analyse';

const WHAT: Record<WriteAction, string> = {
  save: 'Not saved: the project would not open again',
  autosave: 'Not autosaved: the recovery copy would not open again',
  push: 'Not pushed: the project would not open again once pulled',
  compare: 'Not compared: the project would not open again',
  analyse: 'Not analysed: the project would not open again',
};

/** The refusal of a document that breaks a shape rule, located by its JSON path in the document. */
export function shapeRefusal(problem: ShapeProblem, action: WriteAction): TwinError {
  return twinError(
    'invalid-input',
    `${WHAT[action]}: ${problem.path}: ${problem.reason}. Remove or rename that field (it was not made by Twin Studio) and try again.`,
    { where: problem.path, problems: [{ path: problem.path, message: problem.reason, severity: 'error' }] },
  );
}

/** Throw the refusal when a document breaks a shape rule; walks without recursion, whatever the depth. */
export function checkDocumentShape(document: unknown, action: WriteAction): void {
  const problem = shapeProblem(document);
  if (problem) throw shapeRefusal(problem, action);
}

/** How a project is written: two-space JSON with a final newline, so files diff well in Git. */
export function serializeDocument(doc: TwinDocument): Buffer {
  return Buffer.from(`${JSON.stringify(doc, null, 2)}\n`, 'utf8');
}

/** The bytes of the project file a document makes, refused when over the cap that opening applies. */
export function serializeWithinCap(doc: TwinDocument, action: WriteAction, where?: string): Buffer {
  checkDocumentShape(doc, action);
  const bytes = serializeDocument(doc);
  if (bytes.byteLength > MAX_PROJECT_BYTES) {
    throw twinError(
      'file-too-large',
      `${WHAT[action]}: ${sizeReason(bytes.byteLength)}. Sensor data belongs in a data source, not in the project; remove large fields and try again.`,
      { ...(where === undefined ? {} : { where }), details: { size: bytes.byteLength, maxBytes: MAX_PROJECT_BYTES } },
    );
  }
  return bytes;
}
