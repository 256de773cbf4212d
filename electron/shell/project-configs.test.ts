import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Issue 7, finding 7: the root tsconfig.json is a solution referencing every layer's project and the tests',
 * so `tsc -b` checks them all and an editor opening any source or test file finds a strict project owning it
 * (without it, editors opened test files as non-strict inferred projects).
 */

const ROOT = path.resolve(__dirname, '..', '..');

function parse(configPath: string): ts.ParsedCommandLine {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => expect.fail(String(d.messageText)) },
  );
  if (!parsed) throw new Error(`cannot read ${configPath}`);
  return parsed;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts') && !f.split(path.sep).includes('node_modules'))
    .map((f) => path.join(ROOT, dir, f));
}

describe('the TypeScript solution', () => {
  const solution = parse(path.join(ROOT, 'tsconfig.json'));
  const projects = (solution.projectReferences ?? []).map((r) => {
    const file = ts.resolveProjectReferencePath(r);
    return { file, config: parse(file) };
  });

  it('references every layer and the tests, and owns no files itself', () => {
    expect(solution.fileNames).toEqual([]);
    expect(projects.map((p) => path.relative(ROOT, p.file)).sort()).toEqual(
      ['bench/tsconfig.json', 'e2e/tsconfig.json', 'electron/tsconfig.json', 'renderer/tsconfig.json', 'shared/tsconfig.json', 'tsconfig.tests.json'].sort(),
    );
  });

  it('gives every source and test file a strict project', () => {
    const owned = new Set(
      projects.filter((p) => p.config.options.strict === true && p.config.options.noUncheckedIndexedAccess === true).flatMap((p) => p.config.fileNames),
    );
    const files = ['shared', 'electron', 'renderer', 'e2e', 'bench'].flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(300);
    expect(files.filter((f) => !owned.has(f)).map((f) => path.relative(ROOT, f))).toEqual([]);
    expect(files.some((f) => f.endsWith('.test.ts')) && files.filter((f) => f.endsWith('.test.ts')).every((f) => owned.has(f))).toBe(true);
  });

  it('is what npm run typecheck builds', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['typecheck']).toBe('tsc -b');
  });
});
