import path from 'node:path';
import { build } from 'esbuild';

/** Externals as scripts/build-main.mjs has them (the worker needs none; kept so a stray import fails loudly). */
const EXTERNAL = ['electron', '@duckdb/node-api', '@duckdb/node-bindings', 'mongodb', '@influxdata/influxdb-client'];

/**
 * Bundle the residual worker, and the CLI beside it, into `dir` the way `npm run build` does, so tests run
 * the same code on a real worker thread and as a child process without a full build.
 */
export async function buildAnalysisBundles(dir: string, entries: ('worker' | 'cli')[] = ['worker']): Promise<{ worker: string; cli: string }> {
  const root = path.resolve(__dirname, '..', '..', '..');
  const points: Record<string, string> = {};
  if (entries.includes('worker')) points['residuals-worker'] = path.join(root, 'electron/analysis/residuals-worker.ts');
  if (entries.includes('cli')) points.cli = path.join(root, 'electron/cli/main.ts');
  await build({
    entryPoints: points,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outdir: dir,
    outExtension: { '.js': '.cjs' },
    external: EXTERNAL,
    logLevel: 'warning',
  });
  return { worker: path.join(dir, 'residuals-worker.cjs'), cli: path.join(dir, 'cli.cjs') };
}
