/**
 * Importing a historian export into the local store, all or nothing: every row is staged as the
 * file streams by, and only a complete read commits, in one transaction. Rows that fail to parse
 * are skipped and reported by line; problems that make the whole file unreadable as planned
 * (unknown delimiter, ambiguous dates, naive times without a zone) stop it before anything is staged.
 */
import { stat } from 'node:fs/promises';
import { isTwinError, twinError, type Problem } from '../../shared/api/errors';
import { ImportOptionsSchema, type ImportOptions, type ImportResult } from '../../shared/api/source-schemas';
import { createTimestampParser, type TimestampParser } from '../../shared/time/timestamp-parser';
import { isValidTimeZone } from '../../shared/time/zone-offsets';
import type { LocalStore } from '../sources/local/local-store';
import { readHead, visitRows } from './file-rows';
import { planImport, type ImportPlan } from './import-plan';
import { fileTooLarge, IMPORT_LIMITS } from './import-limits';
import { ProblemLog } from './problem-log';
import { rowDecoder } from './row-decoders';

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
  points: number;
}

/** Options as callers write them; defaults are filled in from the schema. */
export type ImportOptionsInput = Partial<ImportOptions>;

/** Fill defaults and check what can be checked before reading: the options and the zone. */
export function resolveOptions(input: ImportOptionsInput): ImportOptions {
  const parsed = ImportOptionsSchema.safeParse(input);
  if (!parsed.success)
    throw twinError('invalid-input', `Import options are invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const o = parsed.data;
  if (o.timeZone !== undefined && !isValidTimeZone(o.timeZone)) {
    throw twinError('invalid-input', `Unknown time zone "${o.timeZone}": use an IANA name such as America/Chicago or Europe/Berlin.`, { where: 'timeZone' });
  }
  return o;
}

/** Size of the file, or a file error naming it. */
export async function fileSize(file: string): Promise<number> {
  try {
    const s = await stat(file);
    if (!s.isFile()) throw twinError('file-unreadable', `${file} is not a file.`, { where: file });
    if (s.size > IMPORT_LIMITS.maxFileBytes) throw fileTooLarge(file, s.size);
    return s.size;
  } catch (e) {
    if (isTwinError(e)) throw e;
    if (e instanceof Error && 'code' in e && e.code === 'ENOENT') throw twinError('not-found', `The file ${file} does not exist.`, { where: file });
    if (e instanceof Error && 'code' in e) throw twinError('file-unreadable', `Cannot read ${file}: ${e.message}`, { where: file });
    throw e;
  }
}

/** The parser a plan calls for; `zoneFallback` lets previews decode naive times before a zone is chosen. */
export function planParser(plan: ImportPlan, o: ImportOptions, zoneFallback?: string): TimestampParser {
  return createTimestampParser({
    format: plan.timestampFormat ?? 'iso',
    timeZone: o.timeZone ?? zoneFallback,
    ambiguousTime: o.ambiguousTime,
    nonexistentTime: o.nonexistentTime,
    epochUnitInferred: plan.epochInferred,
  });
}

function refuse(file: string, reasons: string[]): never {
  const problems: Problem[] = reasons.map((message) => ({ path: file, message, severity: 'error' }));
  throw twinError('invalid-input', `${file} cannot be imported as it is: ${reasons.join(' ')}`, { where: file, problems });
}

/** Import one file into the store, all or nothing. */
export async function importFile(
  store: Pick<LocalStore, 'beginWrite'>,
  file: string,
  options: ImportOptionsInput,
  onProgress?: (p: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<ImportResult> {
  const o = resolveOptions(options);
  const totalBytes = await fileSize(file);
  if (totalBytes === 0) throw twinError('file-invalid', `${file} is empty.`, { where: file });
  const plan = planImport(await readHead(file, signal), o);
  if (plan.fatal.length > 0) refuse(file, plan.fatal);
  if (plan.needsTimeZone && o.timeZone === undefined) {
    refuse(file, ["Its timestamps have no UTC offset: choose the time zone they were recorded in (the plant's zone)."]);
  }
  const decode = rowDecoder(plan, planParser(plan, o), o.field);
  const log = new ProblemLog();
  for (const w of plan.warnings) log.add(w.line, w.message);

  const stage = await store.beginWrite();
  try {
    const sids = new Map<string, number>();
    let rows = 0;
    let points = 0;
    const sink = {
      point(key: string, t: number, v: number) {
        let sid = sids.get(key);
        if (sid === undefined) {
          sid = stage.series(key);
          sids.set(key, sid);
        }
        stage.add(sid, t, v);
        points++;
      },
      problem: (line: number, message: string) => log.add(line, message),
    };
    let nextReport = 0;
    await visitRows(
      file,
      plan,
      {
        row(line, text, fields) {
          rows++;
          decode(line, text, fields, sink);
        },
        broken: (line, message) => log.add(line, message),
        progress(bytesRead) {
          if (onProgress && (bytesRead >= nextReport || bytesRead === totalBytes)) {
            nextReport = bytesRead + 4 * 1024 * 1024;
            onProgress({ bytesRead, totalBytes, rows, points });
          }
        },
      },
      signal,
    );
    if (signal?.aborted) throw new DOMException('The import was cancelled.', 'AbortError');
    const result = await stage.commit();
    return { series: result.series, points: result.points, skipped: log.listed, skippedCount: log.count, duplicates: result.duplicates };
  } catch (e) {
    await stage.abort();
    throw e;
  }
}
