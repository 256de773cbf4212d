import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalStore } from '../sources/local/local-store';
import { importFile } from './import-file';

/** Run the crash child until it reports `moment`, then kill -9 it. */
async function crashAt(program: string, storeDir: string, file: string, moment: string): Promise<void> {
  const child = spawn(process.execPath, [program, storeDir, file, moment], {
    env: { ...process.env, NODE_PATH: path.resolve('node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes(moment)) {
        child.kill('SIGKILL');
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`the child exited (${code}) before "${moment}": ${stderr}`)));
  });
  await new Promise((r) => child.once('exit', r));
}

describe('an import killed mid-way', () => {
  let dir: string;
  let program: string;
  let big: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'twin-crash-'));
    program = path.join(dir, 'crash-child.cjs');
    await build({
      entryPoints: [path.resolve('electron/import/crash-child.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['@duckdb/node-api', '@duckdb/node-bindings'],
      outfile: program,
      logLevel: 'warning',
    });
    const rows = ['time,K1,K2'];
    for (let i = 0; i < 80_000; i++) rows.push(`${new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString()},${i},${-i}`);
    big = path.join(dir, 'big.csv');
    await writeFile(big, rows.join('\n'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  for (const moment of ['staging', 'committing']) {
    it(`leaves the store as it was when killed while ${moment}`, async () => {
      const storeDir = path.join(dir, `store-${moment}`);
      const before = await LocalStore.open(storeDir);
      await importFile(before, await writeSmall(dir, moment), {});
      await before.close();

      await crashAt(program, storeDir, big, moment);

      const after = await LocalStore.open(storeDir);
      try {
        expect(await after.pointCount()).toBe(2);
        expect(after.hasSeries('K1#value')).toBe(false);
        expect((await after.catalog()).map((c) => c.key)).toEqual(['K0#value']);
        // The store still takes the import afterwards.
        expect((await importFile(after, big, {})).points).toBe(160_000);
      } finally {
        await after.close();
      }
    });
  }
});

async function writeSmall(dir: string, name: string): Promise<string> {
  const f = path.join(dir, `small-${name}.csv`);
  await writeFile(f, 'time,K0\n2023-12-31T00:00:00Z,1\n2023-12-31T00:01:00Z,2\n');
  return f;
}
