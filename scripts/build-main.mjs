// Bundles the Node side (Electron main, preload, CLI, benchmarks) into dist-electron/ with esbuild.
// Native and large runtime packages stay external and ship in node_modules.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const outdir = 'dist-electron';
rmSync(outdir, { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  outExtension: { '.js': '.cjs' },
  external: ['electron', '@duckdb/node-api', '@duckdb/node-bindings', 'mongodb', '@influxdata/influxdb-client'],
};

await build({
  ...common,
  entryPoints: {
    main: 'electron/main.ts',
    cli: 'electron/cli/main.ts',
    // The residual analysis runs on a worker thread: its own bundle, found beside the one that starts it.
    'residuals-worker': 'electron/analysis/residuals-worker.ts',
    'bench-query': 'bench/query.bench.ts',
    'bench-rollup': 'bench/rollup.bench.ts',
    'bench-residuals': 'bench/residuals.bench.ts',
    'bench-import': 'bench/import.bench.ts',
    'bench-web-memory': 'bench/web-host-memory.bench.ts',
  },
  outdir,
});

// Benchmarks drive Chromium through Playwright, which stays a dev dependency loaded from node_modules.
await build({
  ...common,
  entryPoints: { 'bench-editor': 'bench/editor.bench.ts', 'bench-scrub': 'bench/scrub.bench.ts', 'bench-chart': 'bench/chart.bench.ts' },
  outdir,
  external: [...common.external, '@playwright/test', 'playwright', 'playwright-core'],
});

// bench:chart times the chart's own drawing code in Chromium: a browser bundle of it.
await build({
  entryPoints: { 'bench-chart-page': 'bench/chart-draw-page.ts' },
  outdir,
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'chrome120',
  logLevel: 'warning',
});

// The preload runs sandboxed: it may only require 'electron', so everything else is bundled in.
await build({ ...common, entryPoints: { preload: 'electron/preload.ts' }, outdir, external: ['electron'] });
