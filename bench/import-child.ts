/**
 * One measured run of the import benchmark, in a process of its own so its peak memory is its own:
 * RSS sampled every 10 ms while it runs (and the kernel's high-water mark as a cross-check).
 * Prints one JSON line: { ok, ms, rows, points, error, peakRssMb, maxRssMb }.
 */
import { importFiles } from '../electron/import/import-files';
import { IMPORT_STORE_MEMORY } from '../electron/import/import-limits';
import { expandImportPaths } from '../electron/import/import-paths';
import { previewImports } from '../electron/import/import-preview';
import { LocalStore } from '../electron/sources/local/local-store';
import type { ImportOptions } from '../shared/api/source-schemas';

export interface ChildRequest {
  op: 'preview' | 'import';
  files: string[];
  store?: string;
  options: Partial<ImportOptions>;
}

export interface ChildReport {
  ok: boolean;
  ms: number;
  /** CPU time (user + system), which a busy machine inflates less than the wall time. */
  cpuMs: number;
  rows: number;
  points: number;
  error: string | null;
  peakRssMb: number;
  maxRssMb: number;
}

export async function runChild(request: ChildRequest): Promise<ChildReport> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let rows = 0;
  let points = 0;
  let error: string | null = null;
  try {
    const files = await expandImportPaths(request.files);
    if (request.op === 'preview') {
      const p = await previewImports(files, request.options);
      rows = p.rowsRead;
      // A preview refuses by listing what stops the import and showing no rows.
      if (p.sample.length === 0) error = p.problems[0]?.message ?? 'nothing to show';
    } else {
      const store = await LocalStore.open(request.store as string, { memoryLimit: IMPORT_STORE_MEMORY });
      try {
        const r = await importFiles(store, files, request.options);
        rows = r.rows;
        points = r.points;
      } finally {
        await store.close();
      }
    }
  } catch (e) {
    error = e instanceof Error ? e.message.slice(0, 200) : String(e);
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage.rss());
  const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;
  return {
    ok: error === null,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    rows,
    points,
    error,
    peakRssMb: mb(peak),
    maxRssMb: mb(process.resourceUsage().maxRSS * 1024),
  };
}
