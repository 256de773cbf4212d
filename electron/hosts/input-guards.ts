import type { MethodName } from '../../shared/api/contract';
import type { TwinErrorData } from '../../shared/api/errors';
import { MAX_DOCUMENT_DEPTH, shapeProblem } from '../../shared/twin/document-policy';
import { shapeRefusal, type WriteAction } from '../services/project-files/document-checks';

/**
 * Checks on a call's raw input that must come before its schema parse: zod walks an input recursively (a
 * value nested 10,000 deep overflows the stack) and quietly drops a `__proto__` key that JSON.parse made an
 * own property. The walk here is iterative. A document is held to the document policy, with the words
 * saving uses; every other input to the same depth and keys, as no input needs more.
 */

/**
 * Methods whose input carries a project document in `document`, and what they would do with it; a test
 * checks this against the contract, so a new method carrying a document cannot be forgotten here.
 */
export const DOCUMENT_METHODS: Partial<Record<MethodName, WriteAction>> = {
  saveProject: 'save',
  writeRecovery: 'autosave',
  pushTwin: 'push',
  compareWithTenant: 'compare',
  runResiduals: 'analyse',
};

/** An input is at most one level around a document. */
const MAX_INPUT_DEPTH = MAX_DOCUMENT_DEPTH + 1;

/** The error for an input that must not be parsed, or null when it may be. */
export function inputGuard(name: MethodName, raw: unknown): TwinErrorData | null {
  const action = DOCUMENT_METHODS[name];
  if (action && typeof raw === 'object' && raw !== null && 'document' in raw) {
    const problem = shapeProblem((raw as { document: unknown }).document);
    if (problem) return shapeRefusal(problem, action).toData();
  }
  const problem = shapeProblem(raw, { maxDepth: MAX_INPUT_DEPTH });
  if (!problem) return null;
  return {
    kind: 'invalid-input',
    message: `Invalid input for ${name}: ${problem.path}: ${problem.reason}.`,
    problems: [{ path: problem.path, message: problem.reason, severity: 'error' }],
  };
}
