import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mimeType, resolveBundlePath } from './bundle-path';

// Created at load time: the table of escapes below names paths inside it.
const tmp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'twin-bundle-')));
const bundle = path.join(tmp, 'dist');

beforeAll(() => {
  mkdirSync(path.join(bundle, 'assets'), { recursive: true });
  writeFileSync(path.join(bundle, 'index.html'), '<!doctype html>');
  writeFileSync(path.join(bundle, 'assets', 'index-abc.js'), 'export {}');
  writeFileSync(path.join(bundle, 'assets', 'a b.css'), 'body{}');
  writeFileSync(path.join(bundle, '.env'), 'SECRET=1');
  writeFileSync(path.join(tmp, 'secret.txt'), 'outside the bundle');
  mkdirSync(path.join(tmp, 'outside-dir'));
  writeFileSync(path.join(tmp, 'outside-dir', 'x.js'), 'outside');
  // Links inside the bundle that point out of it, and one that stays inside.
  symlinkSync(path.join(tmp, 'secret.txt'), path.join(bundle, 'assets', 'leak.txt'));
  symlinkSync(path.join(tmp, 'outside-dir'), path.join(bundle, 'linked-dir'));
  symlinkSync(path.join(bundle, 'assets', 'index-abc.js'), path.join(bundle, 'alias.js'));
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('resolveBundlePath', () => {
  it('serves index.html for the root and files of the bundle by their URL path', () => {
    expect(resolveBundlePath(bundle, '/')).toBe(path.join(bundle, 'index.html'));
    expect(resolveBundlePath(bundle, '')).toBe(path.join(bundle, 'index.html'));
    expect(resolveBundlePath(bundle, '/index.html')).toBe(path.join(bundle, 'index.html'));
    expect(resolveBundlePath(bundle, '/assets/index-abc.js')).toBe(path.join(bundle, 'assets', 'index-abc.js'));
    expect(resolveBundlePath(bundle, '/./assets//index-abc.js')).toBe(path.join(bundle, 'assets', 'index-abc.js'));
    expect(resolveBundlePath(bundle, '/assets/a%20b.css')).toBe(path.join(bundle, 'assets', 'a b.css'));
  });

  it('follows a symlink that stays inside the bundle', () => {
    expect(resolveBundlePath(bundle, '/alias.js')).toBe(path.join(bundle, 'assets', 'index-abc.js'));
  });

  const escapes: Array<[string, string]> = [
    ['dot-dot', '/../secret.txt'],
    ['dot-dot in the middle', '/assets/../../secret.txt'],
    ['encoded dots', '/%2e%2e/secret.txt'],
    ['upper-case encoded dots', '/%2E%2E/secret.txt'],
    ['half-encoded dots', '/.%2e/secret.txt'],
    ['encoded slash', '/..%2Fsecret.txt'],
    ['all encoded', '%2F%2E%2E%2Fsecret.txt'],
    ['backslash', '/..\\secret.txt'],
    ['encoded backslash', '/..%5Csecret.txt'],
    ['backslash inside the bundle', '/assets\\index-abc.js'],
    ['NUL', '/index.html%00.png'],
    ['raw NUL', '/index.html\0'],
    ['absolute path', `/${path.join(tmp, 'secret.txt')}`],
    ['double-slash absolute path', `//${path.join(tmp, 'secret.txt')}`],
    ['Windows drive', '/C:/Windows/win.ini'],
    ['NTFS stream', '/index.html::$DATA'],
    ['Windows-trimmed dot-dot-space', '/.. /secret.txt'],
    ['Windows-trimmed triple dot', '/.../secret.txt'],
    ['trailing dot', '/index.html.'],
    ['hidden file', '/.env'],
    ['double-encoded dots stay literal and do not exist', '/%252e%252e/secret.txt'],
    ['malformed escape', '/%E0%A4%A'],
    ['symlinked file pointing outside', '/assets/leak.txt'],
    ['symlinked folder pointing outside', '/linked-dir/x.js'],
    ['a folder', '/assets'],
    ['a missing file', '/assets/missing.js'],
  ];
  it.each(escapes)('refuses %s', (_name, urlPath) => {
    expect(resolveBundlePath(bundle, urlPath)).toBeNull();
  });

  it('answers null when the bundle itself is missing', () => {
    expect(resolveBundlePath(path.join(tmp, 'no-such-dir'), '/index.html')).toBeNull();
  });
});

describe('mimeType', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/app-1.JS', 'text/javascript; charset=utf-8'],
    ['style.css', 'text/css; charset=utf-8'],
    ['icon.svg', 'image/svg+xml'],
    ['font.woff2', 'font/woff2'],
    ['duckdb.wasm', 'application/wasm'],
    ['unknown.bin', 'application/octet-stream'],
    ['no-extension', 'application/octet-stream'],
  ])('%s is %s', (file, type) => {
    expect(mimeType(file)).toBe(type);
  });
});
