import { isTwinError, type Problem, type TwinErrorKind } from '../../../shared/api/errors';
import { FORMAT_VERSION } from '../../../shared/twin/schema';
import { readProjectFile } from '../../services/project-files/read-project';
import { checkTenantFile, isTenantFile } from './validate-tenant';
import { parseArgs } from '../args';
import { UsageError, type CliCommand } from '../cli-types';

const usage = `Usage: twin validate [--json] [--strict] FILE...

Check Twin Studio project files and tenant files (NAME.tenant.json, or JSON with "tenantFormat") without
opening the app, e.g. in CI. A tenant file must name where each secret is, never hold one. Each problem is printed as
  FILE: $.json.path: error|warning: message
with the same messages the app shows.
  --json     print one JSON object: { valid, exitCode, files: [{ file, status, problems, error }] }
  --strict   count warnings as errors
Exit status:
  0  every file is a valid project (warnings allowed unless --strict)
  1  a file was read and is not a valid project: not JSON, truncated, missing or bad
     formatVersion, schema violations, graph errors (duplicate tags, missing ports, ...)
  2  a file could not be checked: missing, unreadable, larger than 50 MB, or made by a
     newer Twin Studio (format above ${FORMAT_VERSION}); also bad usage
The highest status of all files wins.`;

type Status = 'valid' | 'invalid' | 'unreadable';

interface FileResult {
  file: string;
  /** Set for tenant files (`*.tenant.json`); projects have none. */
  kind?: 'tenant';
  status: Status;
  formatVersion?: number;
  migratedFrom?: number;
  /** Why the file could not be opened, as the app would say it. */
  error?: { kind: TwinErrorKind; message: string };
  problems: Problem[];
}

// Kinds meaning "this file could not be judged" rather than "this file is wrong".
const UNREADABLE: readonly TwinErrorKind[] = ['not-found', 'file-unreadable', 'file-too-large', 'newer-format'];

const EXIT: Record<Status, number> = { valid: 0, invalid: 1, unreadable: 2 };

async function check(file: string, strict: boolean): Promise<FileResult> {
  if (await isTenantFile(file)) return checkTenantFile(file, strict);
  try {
    const opened = await readProjectFile(file, { anyName: true });
    const invalid = strict && opened.problems.length > 0;
    const result: FileResult = { file, status: invalid ? 'invalid' : 'valid', formatVersion: opened.document.formatVersion, problems: opened.problems };
    if (opened.migratedFrom !== undefined) result.migratedFrom = opened.migratedFrom;
    return result;
  } catch (e) {
    if (!isTwinError(e)) throw e;
    const status: Status = UNREADABLE.includes(e.kind) ? 'unreadable' : 'invalid';
    return { file, status, error: { kind: e.kind, message: e.message }, problems: e.problems ?? [] };
  }
}

function humanLines(r: FileResult): string[] {
  if (r.problems.length > 0) return r.problems.map((p) => `${r.file}: ${p.path}: ${p.severity}: ${p.message}`);
  if (r.error) return [`${r.file}: error: ${r.error.message}`];
  const converted = r.migratedFrom !== undefined ? ` (format ${r.migratedFrom}; the app converts it to format ${FORMAT_VERSION} when saving)` : '';
  return [`${r.file}: ok${converted}`];
}

function summary(results: readonly FileResult[]): string {
  const n = (s: Status) => results.filter((r) => r.status === s).length;
  const warnings = results.reduce((sum, r) => sum + r.problems.filter((p) => p.severity === 'warning').length, 0);
  const files = `${results.length} file${results.length === 1 ? '' : 's'}`;
  return `${files}: ${n('valid')} valid, ${n('invalid')} invalid, ${n('unreadable')} not checked; ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

/** `twin validate FILE...`: the app's own open path (size cap, migration, validator) without the app. */
export const validateCommand = {
  name: 'validate',
  summary: 'Check project files; print each problem with its JSON path (exit 0 valid, 1 invalid, 2 unreadable).',
  usage,
  async run(args: string[], io: { out(s: string): void; err(s: string): void }): Promise<number> {
    const p = parseArgs(args, [], ['json', 'strict']);
    if (p.positional.length === 0) throw new UsageError('Name at least one project file.');
    const strict = p.flags.has('strict');
    const results: FileResult[] = [];
    // One at a time: a CI job may list hundreds of files, each up to 50 MB.
    for (const file of p.positional) results.push(await check(file, strict));
    const exitCode = Math.max(...results.map((r) => EXIT[r.status]));
    if (p.flags.has('json')) {
      io.out(JSON.stringify({ valid: exitCode === 0, exitCode, files: results }, null, 2));
    } else {
      for (const r of results) for (const line of humanLines(r)) io.out(line);
      io.out(summary(results));
    }
    return exitCode;
  },
} satisfies CliCommand & { name: 'validate' };
