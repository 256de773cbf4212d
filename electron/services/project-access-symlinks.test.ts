import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTwinError } from '../../shared/api/errors';
import { emptyDocument } from '../../shared/twin/empty-document';
import { dispatch } from '../hosts/dispatch';
import { createAppServices, type AppServices } from './app-services';
import { ProjectAccess } from './project-access';

/**
 * Issue 7, finding 5 (the project half; the import rule is the import code's): the project file rule is
 * checked on the real path, so a link named like a project cannot open or overwrite what it points to,
 * and a link inside the workspace cannot reach outside it.
 */

let dir: string;
let services: AppServices;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'twin-links-'));
  services = await createAppServices({
    dataDir: path.join(dir, 'data'),
    host: 'web',
    version: 'test',
    resourcesDir: dir,
    startupProject: null,
    dialogs: null,
    openExternal: null,
    demoData: { kind: 'off' },
  });
});

afterAll(async () => {
  await services.close();
  rmSync(dir, { recursive: true, force: true });
});

function refusal(f: () => unknown): { kind: string; message: string } {
  try {
    f();
  } catch (e) {
    if (isTwinError(e)) return { kind: e.kind, message: e.message };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('the web host (any project file)', () => {
  it('refuses a link named like a project that points at another file, without reading it', async () => {
    mkdirSync(path.join(dir, '.ssh'));
    const secret = path.join(dir, '.ssh', 'id_ed25519');
    writeFileSync(secret, 'SECRET-KEY-MATERIAL\n');
    const link = path.join(dir, 'via-link.twin.json');
    symlinkSync(secret, link);
    for (const method of ['openProject', 'saveProject'] as const) {
      const input = method === 'openProject' ? { path: link } : { path: link, document: emptyDocument('x'), expected: null, overwrite: true };
      const r = await dispatch(services.handlers, method, input);
      expect(r.ok, method).toBe(false);
      if (r.ok) continue;
      expect(r.error.kind).toBe('invalid-input');
      expect(r.error.message).toContain('id_ed25519');
      expect(JSON.stringify(r)).not.toContain('SECRET-KEY');
    }
    expect(readFileSync(secret, 'utf8')).toBe('SECRET-KEY-MATERIAL\n');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('follows a link to a real project: opens it, and saves into it, keeping the link', async () => {
    const real = path.join(dir, 'plants', 'b7.twin.json');
    mkdirSync(path.dirname(real));
    writeFileSync(real, JSON.stringify(emptyDocument('b7', 'B7')));
    const link = path.join(dir, 'b7-link.twin.json');
    symlinkSync(real, link);
    const opened = await dispatch(services.handlers, 'openProject', { path: link });
    expect(opened).toMatchObject({ ok: true, value: { path: real } });
    const saved = await dispatch(services.handlers, 'saveProject', {
      path: link,
      document: emptyDocument('b7', 'B7 renamed'),
      expected: null,
      overwrite: true,
    });
    expect(saved).toMatchObject({ ok: true, value: { path: real } });
    expect(JSON.parse(readFileSync(real, 'utf8')).name).toBe('B7 renamed');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('refuses a dangling link', () => {
    const link = path.join(dir, 'dangling.twin.json');
    symlinkSync(path.join(dir, 'gone', 'nothing.twin.json'), link);
    expect(refusal(() => services.access.check(link)).kind).toBe('invalid-input');
  });
});

describe('the desktop app (approved paths only)', () => {
  it('a link inside the workspace does not reach a project outside it that was never approved', () => {
    const workspace = path.join(dir, 'workspace');
    const outside = path.join(dir, 'outside');
    mkdirSync(workspace);
    mkdirSync(outside);
    const target = path.join(outside, 'other.twin.json');
    writeFileSync(target, '{}');
    const link = path.join(workspace, 'inside.twin.json');
    symlinkSync(target, link);
    const access = new ProjectAccess('approved-only', workspace);
    expect(refusal(() => access.check(link)).kind).toBe('forbidden');
    // Approved through the link (picked in a dialog), the real file may be used, by either name.
    access.approve(link);
    expect(access.check(link)).toBe(target);
    expect(access.check(target)).toBe(target);
  });

  it('a new file in a linked folder is checked where the folder really is', () => {
    const workspace = path.join(dir, 'workspace2');
    const outside = path.join(dir, 'outside2');
    mkdirSync(workspace);
    mkdirSync(outside);
    symlinkSync(outside, path.join(workspace, 'linked-folder'));
    const access = new ProjectAccess('approved-only', workspace);
    expect(refusal(() => access.check(path.join(workspace, 'linked-folder', 'new.twin.json'))).kind).toBe('forbidden');
    expect(access.check(path.join(workspace, 'new.twin.json'))).toBe(path.join(workspace, 'new.twin.json'));
  });
});
