/**
 * Importing historian exports into the local store, all or nothing across every file: each file is
 * planned first (one that cannot be read as planned stops the whole import before anything is staged),
 * then every row is staged as the files stream by, and only a complete read commits, in one transaction.
 * Rows that fail to parse are skipped and reported by file and line; bad quality and digital states
 * become gaps, counted per state; units found in headers and columns go into the catalog.
 */
import { twinError, type Problem } from '../../shared/api/errors';
import type { ImportResult } from '../../shared/api/source-schemas';
import type { LocalStore } from '../sources/local/local-store';
import { visitRows } from './file-rows';
import { planFiles, planParser, resolveOptions, type ImportOptionsInput } from './plan-file';
import { GapTally, ProblemLog } from './problem-log';
import { rowDecoder, type RowSink } from './row-decoders';

export interface ImportProgress {
  /** The file being read, its index (0-based) and how many there are. */
  file: string;
  fileIndex: number;
  files: number;
  /** Bytes of all files read so far, and in all. */
  bytesRead: number;
  totalBytes: number;
  rows: number;
  points: number;
}

function refuse(reasons: { file: string; message: string }[], files: number): never {
  const problems: Problem[] = reasons.map((r) => ({ path: r.file, message: r.message, severity: 'error' }));
  const first = reasons[0] as { file: string; message: string };
  const more = reasons.length > 1 ? ` (${reasons.length - 1} more problem${reasons.length > 2 ? 's' : ''} listed)` : '';
  const what = files > 1 ? `Nothing was imported: ${first.file}` : first.file;
  throw twinError('invalid-input', `${what} cannot be imported as it is: ${first.message}${more}`, { where: first.file, problems });
}

const PROGRESS_STEP = 4 * 1024 * 1024;

/** Import files into the store, all or nothing. */
export async function importFiles(
  store: Pick<LocalStore, 'beginWrite'>,
  files: readonly string[],
  options: ImportOptionsInput,
  onProgress?: (p: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<ImportResult> {
  const o = resolveOptions(options);
  if (files.length === 0) throw twinError('invalid-input', 'Name at least one file to import.');
  const planned = await planFiles(files, o, signal);
  const blocked = planned.flatMap((p) => p.blockers.map((message) => ({ file: p.file, message })));
  if (blocked.length > 0) refuse(blocked, files.length);
  const totalBytes = planned.reduce((n, p) => n + p.bytes, 0);

  const log = new ProblemLog();
  const gaps = new GapTally();
  const units = new Map<string, string>();
  const perFile: ImportResult['files'] = [];
  const stage = await store.beginWrite();
  try {
    const sids = new Map<string, number>();
    let rows = 0;
    let points = 0;
    let before = 0;
    let nextReport = 0;
    for (const [index, p] of planned.entries()) {
      const file = files.length > 1 ? p.file : undefined;
      for (const w of p.plan.warnings) log.add(w.line, w.message, file);
      for (const [key, unit] of p.plan.units) units.set(key, unit);
      const decode = rowDecoder(p.plan, planParser(p.plan, o), o.field);
      const rowsBefore = rows;
      const pointsBefore = points;
      // The series of the last point: rows come in runs of one series, so most points skip the map.
      let lastKey = '';
      let lastSid = -1;
      const sink: RowSink = {
        point(key, t, v) {
          let sid = key === lastKey ? lastSid : sids.get(key);
          if (sid === undefined) {
            const unit = units.get(key);
            sid = stage.series(key, unit === undefined ? undefined : { unit });
            sids.set(key, sid);
          }
          lastKey = key;
          lastSid = sid;
          stage.add(sid, t, v);
          points++;
        },
        problem: (line, message) => log.add(line, message, file),
        gap: (_key, state) => gaps.add(state),
        unit(key, unit) {
          if (units.get(key) === unit) return;
          units.set(key, unit);
          if (sids.has(key)) stage.series(key, { unit });
        },
      };
      const plain = decode.plain;
      await visitRows(
        p.file,
        p.plan,
        {
          row(line, text, fields) {
            rows++;
            decode(line, text, fields, sink);
          },
          ...(plain && {
            plain(line: number, text: string) {
              if (!plain(line, text, sink)) return false;
              rows++;
              return true;
            },
          }),
          broken: (line, message) => log.add(line, message, file),
          progress(bytesRead) {
            const done = before + bytesRead;
            if (onProgress && (done >= nextReport || done === totalBytes)) {
              nextReport = done + PROGRESS_STEP;
              onProgress({ file: p.file, fileIndex: index, files: planned.length, bytesRead: done, totalBytes, rows, points });
            }
          },
        },
        signal,
      );
      if (signal?.aborted) throw new DOMException('The import was cancelled.', 'AbortError');
      before += p.bytes;
      perFile.push({ path: p.file, layout: p.plan.layout, rows: rows - rowsBefore, points: points - pointsBefore });
    }
    const result = await stage.commit();
    const stored: Record<string, string> = {};
    for (const key of result.series) {
      const unit = units.get(key);
      if (unit !== undefined) stored[key] = unit;
    }
    return {
      series: result.series,
      points: result.points,
      rows,
      skipped: log.listed,
      skippedCount: log.count,
      duplicates: result.duplicates,
      gaps: gaps.list(),
      gapCount: gaps.total,
      units: stored,
      files: perFile,
    };
  } catch (e) {
    await stage.abort();
    throw e;
  }
}
