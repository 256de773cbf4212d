import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportOptionsSchema } from '../../shared/api/source-schemas';
import { isTwinError } from '../../shared/api/errors';
import { LocalStore } from '../sources/local/local-store';
import { ImportService } from './import-service';

let dir: string;
let store: LocalStore;
let csv: string;
const options = ImportOptionsSchema.parse({});

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'twin-import-service-'));
  store = await LocalStore.open(path.join(dir, 'local'));
  csv = path.join(dir, 'export.csv');
  writeFileSync(csv, 'time,B7_CH1_KW\n2025-07-01T00:00:00Z,512.5\n2025-07-01T00:01:00Z,515\n');
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ImportService', () => {
  it('in Electron, imports only files the user picked in the native dialog', async () => {
    const service = new ImportService(store, 'approved-only');
    await expect(service.preview([csv], options)).rejects.toSatisfy((e: unknown) => isTwinError(e) && e.kind === 'forbidden');
    await expect(service.importFiles(['/etc/passwd'], options)).rejects.toSatisfy((e: unknown) => isTwinError(e) && e.kind === 'forbidden');
    service.approve(csv);
    const result = await service.importFiles([csv], options);
    expect(result.points).toBe(2);
    expect(result.series).toEqual(['B7_CH1_KW#value']);
  });

  it('in the web host, takes an absolute path to a historian export, never a relative one', async () => {
    const service = new ImportService(store, 'any-export');
    expect((await service.preview([csv], options)).series).toEqual(['B7_CH1_KW#value']);
    await expect(service.preview(['export.csv'], options)).rejects.toSatisfy((e: unknown) => isTwinError(e) && e.kind === 'invalid-input');
  });

  it.each([
    ['/etc/passwd', 'not a historian export'],
    ['/home/op/.ssh/id_ed25519', 'not a historian export'],
    ['/home/op/.aws/notes.txt', 'hidden folder ".aws"'],
    ['/home/op/.env.csv', '.env.csv is a hidden file'],
    ['/srv/plant/export.CSV.bak', 'not a historian export'],
  ])('in the web host, refuses %s before reading it (%s)', async (file, message) => {
    const service = new ImportService(store, 'any-export');
    for (const call of [() => service.preview([file], options), () => service.importFiles([file], options)]) {
      await expect(call()).rejects.toSatisfy((e: unknown) => isTwinError(e) && e.kind === 'forbidden' && e.message.includes(message));
    }
  });
});

describe('ImportService in the web host, on the real path', () => {
  it('refuses a link whose target is in a hidden folder or not an export, and reads a link to an ordinary export', async () => {
    const service = new ImportService(store, 'any-export');
    const hidden = path.join(dir, '.hidden');
    mkdirSync(hidden, { recursive: true });
    writeFileSync(path.join(hidden, 'secrets.csv'), 'time,PASSWORD\n2025-07-01T00:00:00Z,1234\n');
    symlinkSync(path.join(hidden, 'secrets.csv'), path.join(dir, 'via-link.csv'));
    symlinkSync('/etc/passwd', path.join(dir, 'passwd-link.csv'));
    // A folder link hides the dot-folder from the path as named.
    symlinkSync(hidden, path.join(dir, 'plain-folder'));
    for (const [file, message] of [
      [path.join(dir, 'via-link.csv'), 'inside the hidden folder ".hidden"'],
      [path.join(dir, 'passwd-link.csv'), 'passwd is not a historian export'],
      [path.join(dir, 'plain-folder', 'secrets.csv'), 'inside the hidden folder ".hidden"'],
    ] as const) {
      for (const call of [() => service.preview([file], options), () => service.importFiles([file], options)]) {
        const e = await call().then(
          () => null,
          (x: unknown) => x,
        );
        expect(isTwinError(e) && e.kind).toBe('forbidden');
        expect((e as Error).message).toContain(message);
        expect((e as Error).message).not.toContain('1234');
      }
    }
    expect((await store.catalog({ search: 'PASSWORD' })).length).toBe(0);
    symlinkSync(csv, path.join(dir, 'link-to-export.csv'));
    expect((await service.preview([path.join(dir, 'link-to-export.csv')], options)).series).toEqual(['B7_CH1_KW#value']);
  });
});

describe('ImportService with folders', () => {
  it('in the web host, reads a folder of exports but refuses one holding a link to a hidden file, or a hidden folder', async () => {
    const service = new ImportService(store, 'any-export');
    const folder = path.join(dir, 'exports');
    mkdirSync(folder);
    mkdirSync(path.join(dir, '.hidden'), { recursive: true });
    writeFileSync(path.join(dir, '.hidden', 'secrets.csv'), 'time,PASSWORD\n2025-07-01T00:00:00Z,1234\n');
    writeFileSync(path.join(folder, 'CH1_kW.csv'), 'Timestamp,Trend Flags,Status,Value (kW)\n2025-07-01T00:00:00Z,{},{ok},1\n');
    const p = await service.preview([folder], options);
    expect(p.fileCount).toBe(1);
    expect(p.series).toEqual(['CH1_kW#value']);
    symlinkSync(path.join(dir, '.hidden', 'secrets.csv'), path.join(folder, 'innocent.csv'));
    await expect(service.preview([folder], options)).rejects.toSatisfy(
      (e: unknown) => isTwinError(e) && e.kind === 'forbidden' && e.message.includes('hidden folder ".hidden"'),
    );
    await expect(service.preview([path.join(dir, '.hidden')], options)).rejects.toSatisfy((e: unknown) => isTwinError(e) && e.kind === 'forbidden');
    // A name without an export's extension is only taken as a folder when it is one.
    await expect(service.preview([path.join(dir, 'no-such-folder')], options)).rejects.toSatisfy(
      (e: unknown) => isTwinError(e) && e.kind === 'forbidden' && e.message.includes('not a historian export'),
    );
  });

  it('in Electron, imports what is inside a folder the user picked, and nothing outside it', async () => {
    const service = new ImportService(store, 'approved-only');
    const picked = path.join(dir, 'picked');
    mkdirSync(picked);
    writeFileSync(path.join(picked, 'a.csv'), 'time,PICKED_A\n2025-07-01T00:00:00Z,1\n');
    service.approve(picked);
    expect((await service.importFiles([picked], options)).series).toEqual(['PICKED_A#value']);
    expect((await service.preview([path.join(picked, 'a.csv')], options)).series).toEqual(['PICKED_A#value']);
    await expect(service.preview([csv], options)).rejects.toSatisfy((e: unknown) => isTwinError(e) && e.kind === 'forbidden');
    // A link inside the picked folder that leads out of it is refused.
    symlinkSync(csv, path.join(picked, 'out.csv'));
    await expect(service.importFiles([picked], options)).rejects.toSatisfy((e: unknown) => isTwinError(e) && e.kind === 'forbidden');
  });
});

describe('ImportService folder depth', () => {
  it('reads subfolders of a folder picked in Electron, but only a named folder’s own exports in the web host', async () => {
    const top = path.join(dir, 'depth');
    mkdirSync(path.join(top, 'sub'), { recursive: true });
    writeFileSync(path.join(top, 'top.csv'), 'time,DEPTH_TOP\n2025-07-01T00:00:00Z,1\n');
    writeFileSync(path.join(top, 'sub', 'deep.csv'), 'time,DEPTH_DEEP\n2025-07-01T00:00:00Z,1\n');
    expect((await new ImportService(store, 'any-export').preview([top], options)).series).toEqual(['DEPTH_TOP#value']);
    const electron = new ImportService(store, 'approved-only');
    electron.approve(top);
    expect((await electron.preview([top], options)).series.sort()).toEqual(['DEPTH_DEEP#value', 'DEPTH_TOP#value']);
  });
});
