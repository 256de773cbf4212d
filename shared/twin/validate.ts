import type { Problem } from '../api/errors';
import { checkDocument, type ValidateOptions } from './validate/check-document';

export { checkDocument, hasErrors, type ValidateOptions } from './validate/check-document';
export { parseProjectText, type ParsedProject } from './validate/project-text';
export type { ComponentLookup } from './validate/rule-context';

/** Every problem in a document of the current format, each with its JSON path: errors and warnings. */
export function validateDocument(raw: unknown, options: ValidateOptions = {}): Problem[] {
  return checkDocument(raw, options).problems;
}
