import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface WebHostProcess {
  url: string;
  /** The URL with the token fragment. */
  openUrl: string;
  token: string;
  dataDir: string;
  child: ChildProcess;
  stop(): Promise<number | null>;
}

/** Start `twin web` on a fresh data folder and wait for its first line (the URL). */
export async function startWebHostProcess(options: { dataDir?: string; args?: string[]; demoData?: string } = {}): Promise<WebHostProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'twin-e2e-'));
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'dist-electron', 'cli.cjs'), 'web', '--data-dir', dataDir, '--demo-data', options.demoData ?? 'off', ...(options.args ?? [])],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const first = await new Promise<string>((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`twin web printed nothing in 30 s. stderr: ${stderr}`)), 30_000);
    rl.once('line', (line) => {
      clearTimeout(timer);
      resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`twin web exited with ${code} before printing its URL. stderr: ${stderr}`)));
  });
  const m = /^Twin Studio: (http:\/\/127\.0\.0\.1:\d+\/)#token=([A-Za-z0-9_-]+)$/.exec(first);
  if (!m) throw new Error(`Unexpected first line from twin web: ${first}`);
  const [, url, token] = m as unknown as [string, string, string];
  return {
    url,
    token,
    openUrl: `${url}#token=${token}`,
    dataDir,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', (code) => {
          clearTimeout(kill);
          resolve(code);
        });
        child.kill('SIGTERM');
      }),
  };
}

/** Open the app and wait for the readiness attribute rather than sleeping. */
export async function openApp(page: Page, host: WebHostProcess): Promise<void> {
  await page.goto(host.openUrl);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
}

export const test = base.extend<{ host: WebHostProcess }>({
  // Playwright fixtures must destructure their dependencies; this one has none.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const host = await startWebHostProcess();
    await use(host);
    await host.stop();
    rmSync(host.dataDir, { recursive: true, force: true });
  },
});

export { expect };
