import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const startScript = path.resolve(__dirname, '..', '..', 'scripts', 'start.mjs');
const temps: string[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

// A stand-in for `twin web`: prints the URL line first, records its arguments and the signals it gets,
// and, like the real command, handles each of SIGINT and SIGTERM once.
const FAKE_CLI = `
const fs = require('node:fs');
const out = process.env.TWIN_TEST_OUT;
fs.writeFileSync(out, JSON.stringify({ argv: process.argv.slice(2), runAsNode: process.env.ELECTRON_RUN_AS_NODE ?? null }) + '\\n');
const got = [];
const stop = (s) => { got.push(s); setTimeout(() => { fs.appendFileSync(out, 'signals:' + got.join(',') + '\\n'); process.exit(0); }, 300); };
process.once('SIGINT', () => stop('INT'));
process.once('SIGTERM', () => stop('TERM'));
// Last, so a test that waits for this line finds the record and the handlers in place.
console.log('Twin Studio: http://127.0.0.1:4321/#token=test-token');
setInterval(() => {}, 1000);
`;

// A stand-in npm (start.mjs runs the npm that runs it, from npm_execpath): records each call.
const FAKE_NPM = `
const fs = require('node:fs');
const path = require('node:path');
fs.appendFileSync(process.env.TWIN_TEST_NPM_LOG, process.argv.slice(2).join(' ') + '\\n');
if (process.argv[2] === 'ci') fs.mkdirSync(path.join(process.cwd(), 'node_modules'), { recursive: true });
process.exit(process.argv.includes('build') ? Number(process.env.TWIN_TEST_BUILD_EXIT ?? 0) : 0);
`;

/** A project folder holding a copy of start.mjs, so the script's own root is this folder and nothing real runs. */
function project(options: { nodeModules?: boolean; electron?: boolean; cli?: boolean } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'twin-start-'));
  temps.push(dir);
  mkdirSync(path.join(dir, 'scripts'));
  copyFileSync(startScript, path.join(dir, 'scripts', 'start.mjs'));
  if (options.nodeModules !== false) mkdirSync(path.join(dir, 'node_modules'));
  if (options.cli !== false) {
    mkdirSync(path.join(dir, 'dist-electron'));
    writeFileSync(path.join(dir, 'dist-electron', 'cli.cjs'), FAKE_CLI);
  }
  const electronDir = path.join(dir, 'electron-dist');
  if (options.electron) {
    mkdirSync(electronDir);
    // The stand-in Electron is the fake CLI under node, recording how it was started.
    writeFileSync(path.join(electronDir, 'electron'), `#!/bin/sh\nexec "${process.execPath}" "${path.join(dir, 'dist-electron', 'cli.cjs')}" "$@"\n`);
    chmodSync(path.join(electronDir, 'electron'), 0o755);
  }
  writeFileSync(path.join(dir, 'fake-npm.cjs'), FAKE_NPM);
  return { dir, electronDir, out: path.join(dir, 'out.txt'), npmLog: path.join(dir, 'npm.log') };
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Start the script in its own process group; `signal` is sent (to the script, or the group) once the app is up. */
function start(
  p: ReturnType<typeof project>,
  args: string[],
  env: Record<string, string | undefined>,
  signal?: { name: NodeJS.Signals; group: boolean },
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const clean = { ...process.env };
    for (const k of ['DISPLAY', 'WAYLAND_DISPLAY', 'ELECTRON_OVERRIDE_DIST_PATH', 'ELECTRON_RUN_AS_NODE', 'TWIN_SKIP_BUILD']) delete clean[k];
    const child = spawn(process.execPath, [path.join(p.dir, 'scripts', 'start.mjs'), ...args], {
      cwd: p.dir,
      detached: true,
      env: { ...clean, npm_execpath: path.join(p.dir, 'fake-npm.cjs'), TWIN_TEST_OUT: p.out, TWIN_TEST_NPM_LOG: p.npmLog, ...env },
    });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (signal && !sent && stdout.includes('Twin Studio: http') && existsSync(p.out)) {
        sent = true;
        if (signal.group) process.kill(-(child.pid ?? 0), signal.name);
        else child.kill(signal.name);
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      process.kill(-(child.pid ?? 0), 'SIGKILL');
      reject(new Error(`start.mjs did not finish; stdout: ${stdout} stderr: ${stderr}`));
    }, 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const record = (p: ReturnType<typeof project>) => readFileSync(p.out, 'utf8');

describe('scripts/start.mjs without Electron', () => {
  it('says so in one line and serves the same app to the browser, passing the arguments on', async () => {
    const p = project();
    const r = await start(p, ['--project', 'plant.twin.json', '--port', '0'], { TWIN_SKIP_BUILD: '1' }, { name: 'SIGTERM', group: false });
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^Electron is not installed here .*serving the same app to your browser/);
    expect(r.stdout.split('\n')[0]).toBe('Twin Studio: http://127.0.0.1:4321/#token=test-token');
    expect(JSON.parse(record(p).split('\n')[0] ?? '{}').argv).toEqual(['web', '--project', 'plant.twin.json', '--port', '0']);
    expect(r.code).toBe(0);
  });

  it('stops the web host gracefully on a terminal Ctrl+C, which reaches both processes', async () => {
    const p = project();
    const r = await start(p, [], { TWIN_SKIP_BUILD: '1' }, { name: 'SIGINT', group: true });
    // The host got the terminal's SIGINT and our one relay (as SIGTERM), and was never killed by a repeat.
    expect(record(p)).toMatch(/signals:INT,TERM|signals:TERM,INT/);
    expect(r.code).toBe(0);
  });

  it('passes a SIGTERM sent to it alone on to the web host as a graceful stop', async () => {
    const p = project();
    const r = await start(p, [], { TWIN_SKIP_BUILD: '1' }, { name: 'SIGTERM', group: false });
    expect(record(p)).toMatch(/signals:INT\n/);
    expect(r.code).toBe(0);
  });

  it('falls back to the browser when Electron exists but there is no display', async () => {
    const p = project({ electron: true });
    const r = await start(p, [], { TWIN_SKIP_BUILD: '1', ELECTRON_OVERRIDE_DIST_PATH: p.electronDir }, { name: 'SIGTERM', group: false });
    expect(r.stderr).toMatch(/no display here/);
    expect(JSON.parse(record(p).split('\n')[0] ?? '{}').argv[0]).toBe('web');
    expect(r.code).toBe(0);
  });

  it('tells what to do when neither Electron nor the web host is built', async () => {
    const p = project({ cli: false });
    const r = await start(p, [], { TWIN_SKIP_BUILD: '1' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not built either; run npm run build/);
  });
});

describe('scripts/start.mjs with Electron', () => {
  it('launches Electron on the app folder with the arguments, without ELECTRON_RUN_AS_NODE', async () => {
    const p = project({ electron: true });
    const r = await start(
      p,
      ['--project', '/plants/b7.twin.json'],
      { TWIN_SKIP_BUILD: '1', ELECTRON_OVERRIDE_DIST_PATH: p.electronDir, DISPLAY: ':99', ELECTRON_RUN_AS_NODE: '1' },
      { name: 'SIGTERM', group: false },
    );
    const launched = JSON.parse(record(p).split('\n')[0] ?? '{}') as { argv: string[]; runAsNode: string | null };
    expect(launched.argv).toEqual(['.', '--project', '/plants/b7.twin.json']);
    expect(launched.runAsNode).toBeNull();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('scripts/start.mjs on a fresh clone', () => {
  it('installs with npm ci when node_modules is missing, then builds, then starts', async () => {
    const p = project({ nodeModules: false });
    const r = await start(p, [], {}, { name: 'SIGTERM', group: false });
    expect(readFileSync(p.npmLog, 'utf8')).toBe('ci\nrun build\n');
    expect(r.code).toBe(0);
  });

  it('stops with the build’s exit code when the build fails, and starts nothing', async () => {
    const p = project();
    const r = await start(p, [], { TWIN_TEST_BUILD_EXIT: '3' });
    expect(readFileSync(p.npmLog, 'utf8')).toBe('run build\n');
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/The build failed/);
    expect(existsSync(p.out)).toBe(false);
  });
});
