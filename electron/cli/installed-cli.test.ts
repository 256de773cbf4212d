import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalStore } from '../sources/local/local-store';
import { installCli, runCommand, type CliRun, type InstalledCli } from './testing/installed-cli';

/**
 * Issue 7, finding 1 (the blocker): the `twin` command as installed — `node bin/twin.cjs`, `npx --no-install twin`
 * and a `twin` put on PATH by `npm link` — runs the CLI, with its exit codes. Each runs as a child process.
 */

const fixture = (name: string) => path.resolve(__dirname, '../../shared/twin/fixtures', name);
const FROM = Date.UTC(2025, 6, 1);

let cli: InstalledCli;
let tmp: string;
let store: string;
let linkedTwin: string;
/** npm without its update check and audit, so the runs stay offline and quiet. */
const npmEnv = { ...process.env, npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false' };

beforeAll(async () => {
  cli = await installCli();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'twin-bin-'));
  store = path.join(tmp, 'store');
  const local = await LocalStore.open(store);
  const t = Float64Array.from({ length: 120 }, (_, i) => FROM + i * 60_000);
  await local.appendColumns([{ key: 'B7_CH1_KW#value', t, v: Float64Array.from(t, (_, i) => 500 + i) }]);
  await local.close();
  // `npm link` into a private prefix: the same symlinks as a global link, without touching the machine's.
  const prefix = path.join(tmp, 'prefix');
  const linked = await runCommand('npm', ['link', '--offline'], { cwd: cli.dir, env: { ...npmEnv, npm_config_prefix: prefix } });
  expect(linked.code, linked.stderr).toBe(0);
  linkedTwin = path.join(prefix, 'bin', 'twin');
}, 120_000);

afterAll(() => {
  cli?.remove();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('node bin/twin.cjs', () => {
  it('prints the help and exits 0 for --help', async () => {
    const r = cli.run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: twin <command> [options]');
    expect(r.stdout).toMatch(/validate\s+/);
  });

  it('validates: 0 for a valid file, 1 for an invalid one, 2 for one it cannot read', async () => {
    const valid = cli.run(['validate', fixture('v3/chiller-loop.twin.json')]);
    expect([valid.code, valid.stdout]).toEqual([0, `${fixture('v3/chiller-loop.twin.json')}: ok\n1 file: 1 valid, 0 invalid, 0 not checked; 0 warnings\n`]);

    const invalid = cli.run(['validate', fixture('bad/graph-errors.twin.json')]);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toContain('$.connections[1].from.port: error:');

    const missing = cli.run(['validate', path.join(tmp, 'none.twin.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('does not exist');

    // A folder where a file should be, and a file a newer version made: read errors, not problems in the file.
    const folder = path.join(tmp, 'folder.twin.json');
    mkdirSync(folder);
    expect(cli.run(['validate', folder]).code).toBe(2);
    expect(cli.run(['validate', fixture('bad/newer-format.twin.json')]).code).toBe(2);
  });

  it('refuses an unknown command with exit 2 and the list of commands', async () => {
    const r = cli.run(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown command "frobnicate"');
    expect(r.stderr).toContain('Usage: twin <command> [options]');
  });

  it('queries a local store', async () => {
    const r = cli.run([
      'query',
      '--local',
      store,
      '--series',
      'B7_CH1_KW#value',
      '--from',
      String(FROM),
      '--to',
      String(FROM + 2 * 3_600_000),
      '--points',
      '2',
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { series: { key: string; t: number[]; count: number[]; mean: number[] }[] };
    expect(json.series).toMatchObject([{ key: 'B7_CH1_KW#value', t: [FROM, FROM + 3_600_000], count: [60, 60], mean: [529.5, 589.5] }]);
  });
});

describe('npx --no-install twin and an npm-linked twin run the same CLI', () => {
  const cases: [string, string[]][] = [
    ['--help', ['--help']],
    ['a valid file', ['validate', fixture('v3/chiller-loop.twin.json')]],
    ['an invalid file', ['validate', fixture('bad/graph-errors.twin.json')]],
    ['an unknown command', ['frobnicate']],
  ];

  it.each(cases)('%s: same exit code and output as node bin/twin.cjs', async (_, args) => {
    const direct = cli.run(args);
    const outcome = (r: CliRun) => ({ code: r.code, stdout: r.stdout });
    expect(outcome(await runCommand('npx', ['--no-install', 'twin', ...args], { cwd: cli.dir, env: npmEnv }))).toEqual(outcome(direct));
    expect(outcome(await runCommand(linkedTwin, args, { cwd: tmp }))).toEqual(outcome(direct));
    expect(direct.stdout.length + direct.stderr.length).toBeGreaterThan(0);
  });
});
