import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { FORMAT_VERSION } from '../../../shared/twin/schema';
import { UsageError } from '../cli-types';
import { validateCommand } from './validate';

const fixtures = path.resolve(__dirname, '../../../shared/twin/fixtures');
const dir = mkdtempSync(path.join(os.tmpdir(), 'twin-validate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fixture = (name: string) => path.join(fixtures, name);

async function run(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await validateCommand.run(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out, err };
}

describe('twin validate', () => {
  it('exits 0 for valid files, in either format, and says so', async () => {
    const r = await run(fixture('v3/chiller-loop.twin.json'), fixture('v1/chiller-loop.twin.json'));
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      `${fixture('v3/chiller-loop.twin.json')}: ok`,
      `${fixture('v1/chiller-loop.twin.json')}: ok (format 1; the app converts it to format ${FORMAT_VERSION} when saving)`,
      '2 files: 2 valid, 0 invalid, 0 not checked; 0 warnings',
    ]);
    expect(r.err).toEqual([]);
  });

  it('exits 1 and prints FILE: $.path: severity: message for each problem', async () => {
    const file = fixture('bad/graph-errors.twin.json');
    const r = await run(file);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${file}: $.assets[1].tag: error: tag "p-101" is already used by $.assets[0] as "P-101"; tags must be unique, ignoring case`);
    expect(r.out).toContain(`${file}: $.connections[6]: warning: duplicates $.connections[5]: both join asset "v1" Inlet and p-101 Discharge`);
    expect(r.out).toContain(
      `${file}: $.timeZone: error: "America/Chicgo" is not an IANA time zone; use a name such as "America/Chicago", "Europe/Berlin" or "UTC"`,
    );
    expect(r.out.filter((l) => l.startsWith(`${file}: $`)).length).toBe(14);
    expect(r.out.at(-1)).toBe('1 file: 0 valid, 1 invalid, 0 not checked; 2 warnings');
  });

  it('exits 1 for truncated, non-JSON and schema-violating files, naming line or path', async () => {
    const truncated = await run(fixture('bad/truncated.twin.json'));
    expect(truncated.code).toBe(1);
    expect(truncated.out[0]).toMatch(/truncated\.twin\.json: \$: error: unexpected end of file at line \d+, column \d+$/);
    expect((await run(fixture('bad/not-json.twin.json'))).out[0]).toContain(
      'not-json.twin.json: $: error: unexpected character "t" where a value was expected at line 1, column 1',
    );
    const schema = await run(fixture('bad/schema-violations.twin.json'));
    expect([schema.code, schema.out[0]]).toEqual([
      1,
      `${fixture('bad/schema-violations.twin.json')}: $.assets[1].tag: error: expected string, received number`,
    ]);
    expect((await run(fixture('bad/no-format-version.twin.json'))).code).toBe(1);
  });

  it('exits 2 for files it cannot check: missing, too large, newer format', async () => {
    const missing = path.join(dir, 'missing.twin.json');
    const r = await run(missing);
    expect(r.code).toBe(2);
    expect(r.out[0]).toBe(`${missing}: error: Cannot open ${missing}: it does not exist (moved, renamed or deleted?).`);
    const big = path.join(dir, 'big.twin.json');
    writeFileSync(big, '');
    truncateSync(big, 60 * 1024 * 1024);
    expect((await run(big)).out[0]).toContain('it is 60.0 MB, more than the 50.0 MB a project file may have');
    const newer = await run(fixture('bad/newer-format.twin.json'));
    expect([newer.code, newer.out[0]]).toEqual([
      2,
      `${fixture('bad/newer-format.twin.json')}: error: ${fixture('bad/newer-format.twin.json')} was made by a newer version of Twin Studio (format 4, this build reads up to ${FORMAT_VERSION}). Update Twin Studio to open it; the file was not changed.`,
    ]);
    // The worst status wins.
    expect((await run(fixture('v3/chiller-loop.twin.json'), fixture('bad/truncated.twin.json'), missing)).code).toBe(2);
  });

  it('treats warnings as errors with --strict', async () => {
    const doc = JSON.parse(readFileSync(fixture('v3/chiller-loop.twin.json'), 'utf8'));
    doc.assets[1].tag = '';
    const file = path.join(dir, 'warn.twin.json');
    writeFileSync(file, JSON.stringify(doc));
    const lax = await run(file);
    expect([lax.code, lax.out[0]]).toEqual([
      0,
      `${file}: $.assets[1].tag: warning: is empty; give asset "v1" a tag (e.g. HV-101) so sensors and searches can find it`,
    ]);
    expect((await run('--strict', file)).code).toBe(1);
  });

  it('prints a machine-readable result with --json', async () => {
    const r = await run('--json', fixture('v3/chiller-loop.twin.json'), fixture('bad/schema-violations.twin.json'), fixture('bad/newer-format.twin.json'));
    expect(r.code).toBe(2);
    expect(r.out.length).toBe(1);
    const result = JSON.parse(r.out[0] as string);
    expect(result).toMatchObject({ valid: false, exitCode: 2 });
    expect(result.files.map((f: { status: string }) => f.status)).toEqual(['valid', 'invalid', 'unreadable']);
    expect(result.files[0]).toEqual({ file: fixture('v3/chiller-loop.twin.json'), status: 'valid', formatVersion: FORMAT_VERSION, problems: [] });
    expect(result.files[1].error.kind).toBe('file-invalid');
    expect(result.files[1].problems[0]).toEqual({ path: '$.assets[1].tag', message: 'expected string, received number', severity: 'error' });
    expect(result.files[2].error).toEqual({ kind: 'newer-format', message: expect.stringContaining('made by a newer version') });
  });

  it('refuses to run without files or with unknown options (the dispatcher exits 2)', async () => {
    await expect(run()).rejects.toBeInstanceOf(UsageError);
    await expect(run('--fix', 'a.twin.json')).rejects.toThrow('Unknown option --fix.');
  });

  it('gives the same exit codes and output as a real process', async () => {
    const script = path.join(dir, 'validate-cli.cjs');
    await build({
      stdin: {
        contents: `import { validateCommand } from './validate';
          const io = { out: (s) => process.stdout.write(s + '\\n'), err: (s) => process.stderr.write(s + '\\n') };
          validateCommand.run(process.argv.slice(2), io).then((code) => { process.exitCode = code; });`,
        resolveDir: __dirname,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: script,
      logLevel: 'error',
    });
    const exec = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
    const ok = exec(fixture('v3/chiller-loop.twin.json'));
    expect([ok.status, ok.stdout]).toEqual([0, `${fixture('v3/chiller-loop.twin.json')}: ok\n1 file: 1 valid, 0 invalid, 0 not checked; 0 warnings\n`]);
    const copy = path.join(dir, 'copy.twin.json');
    copyFileSync(fixture('bad/graph-errors.twin.json'), copy);
    const bad = exec(copy);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain(`${copy}: $.connections[1].from.port: error: P-101 (Centrifugal pump) has no port "discharge"; its ports are in, out, sig`);
    expect(exec(path.join(dir, 'none.twin.json')).status).toBe(2);
  });
});
