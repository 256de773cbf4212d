/**
 * One file of an import, planned: its size (within the cap), its head, its plan, and what stops it
 * before anything is read in full (a fatal plan, naive times without a zone, zone abbreviations the
 * chosen zone does not use). Shared by the preview and the import, so both refuse alike.
 */
import { stat } from 'node:fs/promises';
import { isTwinError, twinError } from '../../shared/api/errors';
import { ImportOptionsSchema, type ImportOptions } from '../../shared/api/source-schemas';
import { createTimestampParser, type TimestampParser } from '../../shared/time/timestamp-parser';
import { parseTimestampText } from '../../shared/time/timestamp-text';
import { epochUnitOf, type TimestampFormat } from '../../shared/time/timestamp-format';
import { zoneAbbreviations, zonesUsing } from '../../shared/time/zone-abbreviations';
import { isValidTimeZone } from '../../shared/time/zone-offsets';
import { readHead } from './file-rows';
import { fileTooLarge, IMPORT_LIMITS } from './import-limits';
import { planImport, type FileHead, type ImportPlan } from './import-plan';

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
export function planParser(plan: ImportPlan, o: ImportOptions, zoneFallback?: string, format?: TimestampFormat): TimestampParser {
  return createTimestampParser({
    format: format ?? plan.timestampFormat ?? 'iso',
    timeZone: o.timeZone ?? zoneFallback,
    ambiguousTime: o.ambiguousTime,
    nonexistentTime: o.nonexistentTime,
    epochUnitInferred: format === undefined ? plan.epochInferred : false,
  });
}

export interface PlannedFile {
  file: string;
  bytes: number;
  head: FileHead;
  plan: ImportPlan;
  /** Why nothing of the import may be written as things stand (empty when it may). */
  blockers: string[];
}

/** Why the timestamps' zone abbreviations do not fit the chosen zone (or that a zone is needed for them). */
function abbreviationProblems(plan: ImportPlan, o: ImportOptions): string[] {
  if (plan.abbreviations.length === 0 || plan.timestampFormat === null || epochUnitOf(plan.timestampFormat) !== null) return [];
  const format = plan.timestampFormat as Exclude<TimestampFormat, `epoch-${string}`>;
  const years = new Set<number>();
  for (const t of plan.timestampSamples) {
    const p = parseTimestampText(t, format);
    if (p.ok) years.add(p.civil.year);
  }
  if (years.size === 0) years.add(new Date().getUTCFullYear());
  const year = [...years][0] as number;
  const users = (abbr: string) => {
    const zones = zonesUsing(abbr, year);
    return zones.length > 0 ? ` (${abbr} is used by ${zones.join(', ')}${zones.length >= 4 ? ', …' : ''})` : '';
  };
  const zone = o.timeZone;
  if (zone === undefined) {
    return plan.abbreviations.map(
      (a) =>
        `Timestamps carry the zone abbreviation ${a}, which means different offsets in different places: choose the time zone the file was written in${users(a)}.`,
    );
  }
  return plan.abbreviations
    .filter((a) => ![...years].some((y) => zoneAbbreviations(zone, y - 1).has(a) || zoneAbbreviations(zone, y).has(a) || zoneAbbreviations(zone, y + 1).has(a)))
    .map((a) => `Timestamps say ${a}, which ${zone} does not use: choose the zone the file was written in${users(a)}.`);
}

/** Plan one file of an import. */
export async function planFile(file: string, o: ImportOptions, signal?: AbortSignal): Promise<PlannedFile> {
  const bytes = await fileSize(file);
  if (bytes === 0) throw twinError('file-invalid', `${file} is empty.`, { where: file });
  const head = await readHead(file, signal);
  const plan = planImport(head, o, file);
  const blockers = [...plan.fatal];
  if (plan.fatal.length === 0) {
    const abbreviations = abbreviationProblems(plan, o);
    blockers.push(...abbreviations);
    if (plan.needsTimeZone && o.timeZone === undefined && abbreviations.length === 0) {
      blockers.push("Its timestamps have no UTC offset: choose the time zone they were recorded in (the plant's zone).");
    }
  }
  return { file, bytes, head, plan, blockers };
}

/** Files planned at once: planning is mostly reading heads, so the next files' reads overlap this one's work. */
const PLAN_AHEAD = 4;

/** Plan the files of an import in order; a file that cannot be planned throws (the first such file in order). */
export async function planFiles(files: readonly string[], o: ImportOptions, signal?: AbortSignal): Promise<PlannedFile[]> {
  const started: Promise<PlannedFile>[] = [];
  const start = () => {
    const file = files[started.length];
    if (file === undefined) return;
    const p = planFile(file, o, signal);
    // Awaited in order below; one failing while an earlier file is awaited must not count as unhandled.
    p.catch(() => undefined);
    started.push(p);
  };
  for (let i = 0; i < PLAN_AHEAD; i++) start();
  const planned: PlannedFile[] = [];
  for (let i = 0; i < files.length; i++) {
    planned.push(await (started[i] as Promise<PlannedFile>));
    start();
  }
  return planned;
}
