// Checks the packaging config offline: Electron's own binary cannot be downloaded here, so electron-builder
// packs the app around a stand-in Electron (a script carrying Electron's fuse wire) into a temp folder. Then
// the packed app is opened: the renderer bundle, the main and preload bundles, the demo assets and the
// production modules must be inside, native modules unpacked, and the fuses flipped as the config says.
//
//   node scripts/check-packaging.mjs [--project-dir DIR] [--keep]
//
// Builds first (npm run build) when dist/ or dist-electron/ is missing. Exits 0 when every check passes.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const projectDir = path.resolve(option('--project-dir') ?? repoRoot);
const keep = args.includes('--keep');

// Electron's fuse wire as shipped (electron/fuses: RunAsNode, CookieEncryption, NodeOptions, Inspect,
// AsarIntegrity, OnlyLoadFromAsar, BrowserV8Snapshot, GrantFileProtocolExtraPrivileges).
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const SHIPPED_WIRE = '10110001';
const FUSES = [
  ['runAsNode', false],
  ['enableCookieEncryption', true],
  ['enableNodeOptionsEnvironmentVariable', false],
  ['enableNodeCliInspectArguments', false],
  ['enableEmbeddedAsarIntegrityValidation', true],
  ['onlyLoadAppFromAsar', true],
  ['loadBrowserProcessSpecificV8Snapshot', undefined],
  ['grantFileProtocolExtraPrivileges', false],
];

const failures = [];
const passes = [];
function check(ok, what) {
  (ok ? passes : failures).push(what);
  return ok;
}

function pngSize(file) {
  const b = readFileSync(file);
  if (b.toString('latin1', 1, 4) !== 'PNG') return null;
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

function filesUnder(root, rel = '') {
  const dir = path.join(root, rel);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? filesUnder(root, r) : [r];
  });
}

function checkConfig() {
  const yaml = require('js-yaml');
  const file = path.join(projectDir, 'electron-builder.yml');
  const config = yaml.load(readFileSync(file, 'utf8'));
  check(config.appId === 'dev.twinstudio.app', `appId is dev.twinstudio.app (got ${config.appId})`);
  check(config.productName === 'Twin Studio', 'productName is "Twin Studio"');
  check(config.directories?.output === 'release', "output goes to release/, not Vite's dist/");
  for (const pattern of ['dist/**', 'dist-electron/**', 'assets/**', 'package.json']) check(config.files?.includes(pattern), `files include ${pattern}`);
  check(config.asar === true, 'asar is on');
  for (const [name, value] of FUSES) {
    if (value !== undefined) check(config.electronFuses?.[name] === value, `config fuse ${name} is ${value}`);
  }
  const association = (config.fileAssociations ?? []).find((a) => a.ext === 'twin.json');
  check(Boolean(association?.mimeType), 'file association for .twin.json with a MIME type (Linux)');
  const targets = (t) => (Array.isArray(t) ? t : [t]).map((x) => (typeof x === 'string' ? x : x?.target));
  check(targets(config.linux?.target).includes('AppImage') && targets(config.linux?.target).includes('deb'), 'Linux targets AppImage and deb');
  check(targets(config.win?.target).includes('nsis'), 'Windows target NSIS');
  check(targets(config.mac?.target).includes('dmg'), 'macOS target DMG');
  const build = path.join(projectDir, config.directories?.buildResources ?? 'build');
  for (const [rel, size] of [
    ['icon.png', 512],
    ['icons/512x512.png', 512],
    ['icons/256x256.png', 256],
    [config.mac?.icon ?? 'icon.png', null],
  ]) {
    const f = path.join(build, rel);
    const dims = existsSync(f) ? pngSize(f) : null;
    check(
      dims !== null && (size === null ? dims[0] >= 512 : dims[0] === size && dims[1] === size),
      `icon ${rel} is a ${size ?? '≥512'} px PNG (got ${dims?.join('×') ?? 'nothing'})`,
    );
  }
  check(existsSync(path.join(build, 'icon.svg')), 'icon source build/icon.svg is kept');
  check(existsSync(path.join(projectDir, config.mac?.entitlements ?? 'missing')), 'macOS entitlements file exists');
  return config;
}

function ensureBuilt() {
  const needed = ['dist/index.html', 'dist-electron/main.cjs', 'dist-electron/preload.cjs'];
  if (needed.every((f) => existsSync(path.join(projectDir, f)))) return;
  console.log('Building first (dist/ or dist-electron/ is missing): npm run build');
  const npm = process.env.npm_execpath
    ? [process.execPath, [process.env.npm_execpath, 'run', 'build']]
    : [process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build']];
  const r = spawnSync(npm[0], npm[1], { cwd: projectDir, stdio: 'inherit', shell: process.platform === 'win32' && !process.env.npm_execpath });
  const missing = needed.filter((f) => !existsSync(path.join(projectDir, f)));
  if (r.status !== 0 || missing.length) {
    console.error(`The build failed or left out ${missing.join(', ') || 'nothing'}; fix the build, then run this check again.`);
    process.exit(1);
  }
}

/** An Electron folder as electron-builder expects it for Linux, whose executable only carries the fuse wire. */
function standInElectron(dir) {
  mkdirSync(path.join(dir, 'locales'), { recursive: true });
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  const script = '#!/bin/sh\necho "stand-in Electron for packaging checks; it cannot run the app" >&2\nexit 1\n# ';
  writeFileSync(
    path.join(dir, 'electron'),
    Buffer.concat([Buffer.from(script), Buffer.from(SENTINEL), Buffer.from([1, SHIPPED_WIRE.length]), Buffer.from(SHIPPED_WIRE), Buffer.from('\n')]),
    { mode: 0o755 },
  );
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json', { paths: [projectDir] }), 'utf8')).version;
  writeFileSync(path.join(dir, 'version'), electronVersion);
  writeFileSync(path.join(dir, 'LICENSE'), 'Stand-in for the Electron license.');
  writeFileSync(path.join(dir, 'locales', 'en-US.pak'), '');
}

async function checkPackedApp(appDir, config) {
  const asar = require('@electron/asar');
  const { getCurrentFuseWire } = require('@electron/fuses');
  const exe = path.join(appDir, config.linux?.executableName ?? 'twin-studio');
  let executable = false;
  try {
    accessSync(exe, constants.X_OK);
    executable = statSync(exe).isFile();
  } catch {
    executable = false;
  }
  check(executable, `packed executable ${path.basename(exe)} exists`);
  const archive = path.join(appDir, 'resources', 'app.asar');
  if (!check(existsSync(archive), 'resources/app.asar exists')) return;
  check(!existsSync(path.join(appDir, 'resources', 'default_app.asar')), "Electron's default app is removed");

  const packed = new Set(asar.listPackage(archive).map((f) => f.replace(/\\/g, '/').replace(/^\//, '')));
  const wanted = [
    ...filesUnder(projectDir, 'dist').filter((f) => !f.endsWith('.map')),
    ...filesUnder(projectDir, 'dist-electron').filter((f) => !f.endsWith('.map') && !path.basename(f).startsWith('bench-')),
    ...filesUnder(projectDir, 'assets'),
    'package.json',
  ];
  const missing = wanted.filter((f) => !packed.has(f));
  check(
    missing.length === 0,
    `all ${wanted.length} bundle, asset and manifest files are packed${missing.length ? ` (missing: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''})` : ''}`,
  );
  check(filesUnder(projectDir, 'assets').length > 0, 'the demo assets are there to pack');
  const maps = [...packed].filter((f) => f.endsWith('.map') && !f.startsWith('node_modules/'));
  check(maps.length === 0, `no source maps packed${maps.length ? ` (${maps[0]})` : ''}`);
  check(
    ![...packed].some((f) => f.startsWith('src/') || f.startsWith('electron/') || f.startsWith('renderer/') || f.startsWith('e2e/')),
    'no sources or tests packed',
  );

  const manifest = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8'));
  check(manifest.main === 'dist-electron/main.cjs', `packed package.json main is dist-electron/main.cjs (got ${manifest.main})`);
  check(manifest.desktopName === 'twin-studio.desktop', 'packed package.json names the Linux desktop entry');
  check(manifest.devDependencies === undefined && manifest.scripts === undefined, 'packed package.json has no scripts or devDependencies');

  for (const dep of Object.keys(JSON.parse(readFileSync(path.join(projectDir, 'package.json'), 'utf8')).dependencies ?? {})) {
    check(packed.has(`node_modules/${dep}/package.json`), `production module ${dep} is packed`);
  }
  const nativeDir = `@duckdb/node-bindings-${process.platform}-${process.arch}`;
  if (existsSync(path.join(projectDir, 'node_modules', nativeDir))) {
    const unpacked = path.join(appDir, 'resources', 'app.asar.unpacked', 'node_modules', nativeDir);
    check(
      filesUnder(unpacked).some((f) => f.endsWith('.node')),
      `DuckDB's native module is unpacked beside app.asar (${nativeDir})`,
    );
  }

  const wire = await getCurrentFuseWire(exe);
  FUSES.forEach(([name, value], i) => {
    const expected = value === undefined ? SHIPPED_WIRE.charCodeAt(i) : value ? 49 : 48;
    check(wire[i] === expected, `binary fuse ${name} is ${value === undefined ? 'as shipped' : value ? 'on' : 'off'}`);
  });
}

const started = Date.now();
const config = checkConfig();
ensureBuilt();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'twin-packaging-'));
try {
  const electronDist = path.join(tmp, 'electron');
  const output = path.join(tmp, 'release');
  standInElectron(electronDist);
  const cli = require.resolve('electron-builder/cli.js', { paths: [projectDir] });
  const packStarted = Date.now();
  const r = spawnSync(
    process.execPath,
    [cli, '--linux', 'dir', '--publish', 'never', '--projectDir', projectDir, `-c.electronDist=${electronDist}`, `-c.directories.output=${output}`],
    { cwd: projectDir, encoding: 'utf8', env: { ...process.env, CI: 'true' } },
  );
  const packMs = Date.now() - packStarted;
  if (!check(r.status === 0, `electron-builder packed the app (${(packMs / 1000).toFixed(1)} s)`)) {
    console.error(`${r.stdout}\n${r.stderr}`);
  } else {
    const notFound = /cannot find path for dependency|dependency not found on disk/.exec(`${r.stdout}${r.stderr}`);
    check(!notFound, `electron-builder found every production dependency${notFound ? ` (it said: ${notFound[0]})` : ''}`);
    await checkPackedApp(path.join(output, 'linux-unpacked'), config);
  }
} finally {
  if (keep) console.log(`Kept ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
}

for (const p of passes) console.log(`ok   ${p}`);
for (const f of failures) console.log(`FAIL ${f}`);
console.log(
  `${failures.length ? 'Packaging check failed' : 'Packaging check passed'}: ${passes.length} ok, ${failures.length} failed, ${((Date.now() - started) / 1000).toFixed(1)} s.`,
);
process.exitCode = failures.length ? 1 : 0;
