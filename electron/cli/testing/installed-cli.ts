import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * The `twin` command as users get it, for tests: a package folder holding the project's own bin/twin.cjs
 * (copied byte for byte) and a fresh bundle of electron/cli/main.ts at dist-electron/cli.cjs (with the analysis worker), built like
 * scripts/build-main.mjs builds it. The folder lives under node_modules/.cache so the bundle's external
 * packages (DuckDB, the InfluxDB client) resolve from the project's node_modules, as in a real checkout.
 */

const ROOT = path.resolve(__dirname, '..', '..', '..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface InstalledCli {
  /** The package folder (what `npm link` links and where `npx` runs). */
  dir: string;
  /** The bin as the package ships it. */
  bin: string;
  /** Run `node bin/twin.cjs ARGS` in a child process, waiting for it (the test's own event loop stands still meanwhile). */
  run(args: readonly string[], options?: { cwd?: string; env?: NodeJS.ProcessEnv }): CliRun;
  /** The same without blocking: for commands that talk to servers running in the test's own process. */
  runAsync(args: readonly string[], options?: { cwd?: string; env?: NodeJS.ProcessEnv }): Promise<CliRun>;
  remove(): void;
}

/** Run a command to its end; never blocks the event loop, kills it after a minute. */
export function runCommand(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Build the package folder; call remove() when done. */
export async function installCli(): Promise<InstalledCli> {
  const cache = path.join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(path.join(cache, 'twin-cli-'));
  mkdirSync(path.join(dir, 'bin'));
  const bin = path.join(dir, 'bin', 'twin.cjs');
  copyFileSync(path.join(ROOT, 'bin', 'twin.cjs'), bin);
  // The fields npm needs to link and run the bin; the real package.json has the same name and bin.
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'twin-studio', version: '0.0.0', private: true, bin: { twin: 'bin/twin.cjs' } }));
  await build({
    // The residual analysis's worker thread ships beside the CLI, as scripts/build-main.mjs puts it.
    entryPoints: { cli: path.join(ROOT, 'electron', 'cli', 'main.ts'), 'residuals-worker': path.join(ROOT, 'electron', 'analysis', 'residuals-worker.ts') },
    outdir: path.join(dir, 'dist-electron'),
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'error',
    external: ['electron', '@duckdb/node-api', '@duckdb/node-bindings', 'mongodb', '@influxdata/influxdb-client'],
  });
  return {
    dir,
    bin,
    run: (args, options = {}) => {
      const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: options.cwd ?? dir, env: options.env ?? process.env, timeout: 60_000 });
      if (r.error) throw r.error;
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    },
    runAsync: (args, options = {}) => runCommand(process.execPath, [bin, ...args], { cwd: options.cwd ?? dir, ...(options.env ? { env: options.env } : {}) }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
