import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withTenantLink } from '../../../shared/tenant/tenant-link';
import { buildDemoProject } from '../../../shared/sim/demo-plant/build-demo-project';
import { appPaths } from '../app-paths';
import { PreferencesStore } from '../preferences';
import { ProjectAccess } from '../project-access';
import { projectHandlers } from './project-handlers';

const dir = mkdtempSync(path.join(os.tmpdir(), 'twin-project-handlers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ACME = 'mongodb://db.acme.example:27017/twins';
const GLOBEX = 'mongodb://db.globex.example:27017/twins';

describe('the recent projects list', () => {
  it('lists, while working for a tenant, its projects and untenanted ones, never another tenant’s; all of them when working for none', async () => {
    const paths = appPaths(dir);
    const preferences = await PreferencesStore.open(dir);
    let active: string | null = null;
    const { handlers } = await projectHandlers({
      paths,
      preferences,
      access: new ProjectAccess('any-project-file', paths.projects),
      dialogs: null,
      resourcesDir: dir,
      startupProject: null,
      activeTenantKey: () => active,
    });
    const demo = buildDemoProject();
    const file = (name: string) => path.join(dir, `${name}.twin.json`);
    await handlers.saveProject({
      path: file('acme'),
      document: withTenantLink(demo, { key: ACME, name: 'ACME', revision: 3 }),
      expected: null,
      overwrite: false,
    });
    await handlers.saveProject({
      path: file('globex'),
      document: withTenantLink(demo, { key: GLOBEX, name: 'Globex', revision: 1 }),
      expected: null,
      overwrite: false,
    });
    await handlers.saveProject({ path: file('local'), document: demo, expected: null, overwrite: false });

    expect((await handlers.listProjects({})).recent).toEqual([file('local'), file('globex'), file('acme')]);
    active = ACME;
    expect((await handlers.listProjects({})).recent).toEqual([file('local'), file('acme')]);
    active = GLOBEX;
    expect((await handlers.listProjects({})).recent).toEqual([file('local'), file('globex')]);

    // Opening a project again records the tenant it now belongs to, and the list survives a restart.
    await handlers.openProject({ path: file('acme') });
    const reopened = await PreferencesStore.open(dir);
    expect(reopened.get().recentProjects[0]).toEqual({ path: file('acme'), tenant: ACME });
  });
});
