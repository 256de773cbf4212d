import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const script = path.join(root, 'scripts', 'check-packaging.mjs');
const built = ['dist/index.html', 'dist-electron/main.cjs', 'dist-electron/preload.cjs'].every((f) => existsSync(path.join(root, f)));

function runCheck(projectDir: string) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [script, '--project-dir', projectDir], { encoding: 'utf8', timeout: 180_000 });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `check-packaging on ${projectDir}: exit ${r.status} in ${seconds} s\n${r.stdout
      .split('\n')
      .filter((l) => /^FAIL|Packaging check/.test(l))
      .join('\n')}`,
  );
  return r;
}

/**
 * A copy of the project with a stand-in bundle, for when the real bundle is not built: the config, icons,
 * assets and production modules are the real ones. node_modules is hard-linked (instant, no space), since
 * npm does not see a symlinked node_modules as installed and electron-builder would then miss modules.
 */
function stageProject(): string | null {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'twin-pack-project-'));
  for (const f of ['package.json', 'package-lock.json', 'electron-builder.yml']) cpSync(path.join(root, f), path.join(dir, f));
  for (const d of ['build', 'assets']) cpSync(path.join(root, d), path.join(dir, d), { recursive: true });
  mkdirSync(path.join(dir, 'dist', 'assets'), { recursive: true });
  mkdirSync(path.join(dir, 'dist-electron'));
  writeFileSync(path.join(dir, 'dist', 'index.html'), '<!doctype html><script type="module" src="./assets/index.js"></script>');
  writeFileSync(path.join(dir, 'dist', 'assets', 'index.js'), 'export {};');
  writeFileSync(path.join(dir, 'dist', 'assets', 'index.js.map'), '{}');
  for (const f of ['main.cjs', 'preload.cjs', 'cli.cjs', 'bench-query.cjs']) writeFileSync(path.join(dir, 'dist-electron', f), '"use strict";');
  const link = spawnSync('cp', ['-al', path.join(root, 'node_modules'), path.join(dir, 'node_modules')]);
  if (link.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return dir;
}

describe('scripts/check-packaging.mjs', () => {
  it('packs the app with a stand-in Electron and finds the bundle, assets, modules and fuses in place', (ctx) => {
    let dir = root;
    if (!built) {
      console.warn('dist/ or dist-electron/ is not built: checking the packaging with a stand-in bundle instead of the real one.');
      const staged = stageProject();
      if (!staged) {
        console.warn('Skipping: could not hard-link node_modules into a temp folder (cp -al failed).');
        ctx.skip();
        return;
      }
      dir = staged;
    }
    try {
      const r = runCheck(dir);
      expect(r.stdout).toMatch(/Packaging check passed/);
      expect(r.stdout).toMatch(/ok {3}binary fuse runAsNode is off/);
      expect(r.stdout).toMatch(/ok {3}no source maps packed/);
      expect(r.status).toBe(0);
    } finally {
      if (dir !== root) rmSync(dir, { recursive: true, force: true });
    }
  });
});
