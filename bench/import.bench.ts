// npm run bench:import — issues 7 and 14: historian imports, each run in a process of its own so its peak
// memory (RSS sampled every 10 ms, and the kernel's high-water mark) is its own.
// 1. The caps: a 150 MB file without a line break, a 50 MB line, 100,000 columns and a 10 MB line-protocol
//    name are each refused, in seconds, under 300 MB.
// 2. A PI long export (`Tag,Timestamp,Value`, `01-Jul-25 00:00:00` wall times, digital states) at 50 MB and
//    200 MB: rows per second, and peak memory at both sizes (flat means the import streams).
// 3. A folder of 100 Niagara histories imported as one.
// Median and p95 over BENCH_RUNS runs (default 3); writes bench-results/import.json. Files are generated into a
// temp folder and deleted after.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runChild, type ChildReport, type ChildRequest } from './import-child';
import { writeHostileInputs, writeNiagaraFolder, writePiLong } from './import-files';
import { fmt, summarize } from './stats';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const MB = 1024 * 1024;
const ROOT = path.resolve(__dirname, '..');

function log(s: string): void {
  process.stderr.write(`${s}\n`);
}

/** Run one measured import or preview in a fresh process. */
function child(request: ChildRequest): ChildReport {
  const r = spawnSync(process.execPath, [__filename, '--child', JSON.stringify(request)], { encoding: 'utf8', maxBuffer: 16 * MB, timeout: 600_000 });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as ChildReport;
  } catch {
    throw new Error(`The benchmark child failed (exit ${r.status}): ${r.stderr.slice(0, 2000)}`);
  }
}

interface CaseResult {
  case: string;
  runs: number;
  bytes: number;
  rows: number;
  medianMs: number;
  p95Ms: number;
  rowsPerSecMedian: number;
  rowsPerSecP95: number;
  /** Rows per second of CPU time (user + system): what the code costs, less inflated by a busy machine. */
  rowsPerCpuSecMedian: number;
  peakRssMb: number;
  maxRssMb: number;
}

function measureImport(name: string, files: string[], bytes: number, options: ChildRequest['options'], tmp: string): CaseResult {
  const reports: ChildReport[] = [];
  for (let i = 0; i < RUNS; i++) {
    const store = path.join(tmp, `store-${Date.now()}-${i}`);
    const r = child({ op: 'import', files, store, options });
    rmSync(store, { recursive: true, force: true });
    if (!r.ok) throw new Error(`${name}: the import failed: ${r.error}`);
    reports.push(r);
    log(`  ${name}, run ${i + 1}/${RUNS}: ${fmt(r.ms, 0)} ms (CPU ${fmt(r.cpuMs, 0)} ms), ${r.rows.toLocaleString('en')} rows, peak RSS ${r.peakRssMb} MB`);
  }
  const ms = summarize(reports.map((r) => r.ms));
  const rows = reports[0]?.rows ?? 0;
  // The p95 of the rate is the rate of the p95 time (the slow end).
  return {
    case: name,
    runs: RUNS,
    bytes,
    rows,
    medianMs: ms.median,
    p95Ms: ms.p95,
    rowsPerSecMedian: rows / (ms.median / 1000),
    rowsPerSecP95: rows / (ms.p95 / 1000),
    rowsPerCpuSecMedian: rows / (summarize(reports.map((r) => r.cpuMs)).median / 1000),
    peakRssMb: Math.max(...reports.map((r) => r.peakRssMb)),
    maxRssMb: Math.max(...reports.map((r) => r.maxRssMb)),
  };
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') {
    const report = await runChild(JSON.parse(process.argv[3] as string) as ChildRequest);
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'twin-bench-import-'));
  try {
    log(`Import benchmark: ${RUNS} runs per case, ${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(1)}`);
    // 1. The caps.
    log('Hostile inputs (each must be refused):');
    const caps = [];
    for (const h of writeHostileInputs(tmp)) {
      for (const op of ['preview', 'import'] as const) {
        const store = path.join(tmp, 'caps-store');
        const r = child({ op, files: [h.file], store, options: {} });
        rmSync(store, { recursive: true, force: true });
        caps.push({ input: h.name, op, refused: !r.ok, ms: r.ms, peakRssMb: r.peakRssMb, maxRssMb: r.maxRssMb, message: r.error });
        log(
          `  ${h.name}, ${op}: ${r.ok ? 'NOT REFUSED' : 'refused'} in ${fmt(r.ms, 0)} ms, peak RSS ${r.peakRssMb} MB (high-water ${r.maxRssMb} MB): ${r.error ?? ''}`,
        );
      }
      rmSync(h.file, { force: true });
    }

    // 2. PI long exports at two sizes.
    const cases: CaseResult[] = [];
    for (const size of [50, 200]) {
      const file = path.join(tmp, `pi-long-${size}mb.csv`);
      const t0 = performance.now();
      const rows = writePiLong(file, size * MB);
      const bytes = statSync(file).size;
      log(`PI long export, ${fmt(bytes / MB, 0)} MB, ${rows.toLocaleString('en')} rows (generated in ${fmt((performance.now() - t0) / 1000, 1)} s):`);
      cases.push(measureImport(`PI long export ${size} MB`, [file], bytes, { timeZone: 'America/Chicago' }, tmp));
      rmSync(file, { force: true });
    }

    // 3. A folder of Niagara histories.
    const folder = path.join(tmp, 'niagara');
    mkdirSync(folder);
    const niagaraRows = writeNiagaraFolder(folder, 100, 10_000);
    const niagaraBytes = 100 * statSync(path.join(folder, 'AHU000_kW.csv')).size;
    log(`Niagara folder, 100 files, ${niagaraRows.toLocaleString('en')} rows, about ${fmt(niagaraBytes / MB, 0)} MB:`);
    cases.push(measureImport('Niagara folder, 100 files', [folder], niagaraBytes, { timeZone: 'America/New_York' }, tmp));

    log('');
    log('| case | rows | median ms | p95 ms | rows/s (median) | rows/s (p95) | rows per CPU s | peak RSS MB |');
    log('|---|---|---|---|---|---|---|---|');
    for (const c of cases) {
      log(
        `| ${c.case} | ${c.rows.toLocaleString('en')} | ${fmt(c.medianMs, 0)} | ${fmt(c.p95Ms, 0)} | ${Math.round(c.rowsPerSecMedian).toLocaleString('en')} | ${Math.round(c.rowsPerSecP95).toLocaleString('en')} | ${Math.round(c.rowsPerCpuSecMedian).toLocaleString('en')} | ${c.peakRssMb} |`,
      );
    }
    const [small, big] = cases;
    if (small && big) log(`Peak memory at 50 MB: ${small.peakRssMb} MB; at 200 MB: ${big.peakRssMb} MB.`);
    const out = path.join(ROOT, 'bench-results');
    mkdirSync(out, { recursive: true });
    writeFileSync(
      path.join(out, 'import.json'),
      `${JSON.stringify({ date: new Date().toISOString(), cores: os.cpus().length, loadAverage: os.loadavg(), runs: RUNS, caps, cases }, null, 2)}\n`,
    );
    log(`Wrote bench-results/import.json`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
