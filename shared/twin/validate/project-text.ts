import { twinError, type Problem } from '../../api/errors';
import { migrate } from '../migrations/migrate';
import { SafeJsonError, parseJsonSafe } from '../safe-json';
import { FORMAT_VERSION, type TwinDocument } from '../schema';
import { checkDocument, hasErrors, type ValidateOptions } from './check-document';

export interface ParsedProject {
  document: TwinDocument;
  /** Warnings only: a document with errors is never returned. */
  problems: Problem[];
  /** The format the file had when it was older than this build's. */
  migratedFrom?: number;
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/**
 * Parse, migrate and validate the text of a project file: the one path the app, the hosts and the CLI
 * share. `where` names the file in messages. Throws a TwinError of kind `file-invalid` (listing every
 * problem with its JSON path) or `newer-format`.
 */
export function parseProjectText(text: string, where: string, options: ValidateOptions = {}): ParsedProject {
  let json: unknown;
  try {
    json = parseJsonSafe(text);
  } catch (e) {
    if (!(e instanceof SafeJsonError)) throw e;
    throw twinError('file-invalid', `${where} is not valid JSON: ${e.message}. The file may be truncated, or it is not a Twin Studio project.`, {
      where,
      problems: [{ path: '$', message: e.message, severity: 'error' }],
      details: { line: e.line, column: e.column },
    });
  }
  const { document: migrated, from } = migrate(json, where);
  const { document, problems } = checkDocument(migrated, options);
  const converted = from < FORMAT_VERSION ? ` (paths are those of the file converted from format ${from} to ${FORMAT_VERSION})` : '';
  if (!document || hasErrors(problems)) {
    const errors = problems.filter((p) => p.severity === 'error');
    const first = errors[0];
    const rest = errors.length > 1 ? ` (and ${count(errors.length - 1, 'more error')})` : '';
    throw twinError(
      'file-invalid',
      `${where} is not a valid Twin Studio project: ${first ? `${first.path}: ${first.message}` : 'it does not match the format'}${rest}${converted}. Fix the file or restore an earlier copy; "twin validate" lists every problem.`,
      { where, problems },
    );
  }
  const out: ParsedProject = { document, problems };
  if (from < FORMAT_VERSION) out.migratedFrom = from;
  return out;
}
