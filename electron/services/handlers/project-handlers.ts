import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../../hosts/dispatch';
import type { AppPaths } from '../app-paths';
import type { NativeDialogs } from '../native-dialogs';
import { tenantLinkOf } from '../../../shared/tenant/tenant-link';
import { recentFor, type PreferencesStore } from '../preferences';
import type { ProjectAccess } from '../project-access';
import { readProjectFile } from '../project-files/read-project';
import { saveProjectFile } from '../project-files/save-project';
import { listProjectFolder } from '../project-files/list-projects';
import { sweepTempFiles } from '../project-files/temp-files';
import { RecoveryStore } from '../project-files/recovery-store';

type ProjectHandlerNames =
  | 'openProject'
  | 'openDemoProject'
  | 'saveProject'
  | 'listProjects'
  | 'chooseOpenPath'
  | 'chooseSavePath'
  | 'writeRecovery'
  | 'listRecovery'
  | 'readRecovery'
  | 'discardRecovery';

export interface ProjectServiceOptions {
  paths: AppPaths;
  preferences: PreferencesStore;
  access: ProjectAccess;
  dialogs: NativeDialogs | null;
  resourcesDir: string;
  startupProject: string | null;
  /** The key of the tenant the user works for (tenantKey), or null: the recent list shows its projects and untenanted ones. */
  activeTenantKey?: () => string | null;
}

/** The demo plant shipped with the app. */
export const DEMO_PROJECT = path.join('demo', 'b7-chilled-water.twin.json');

/**
 * Project files for the renderer: every path is checked by ProjectAccess (the renderer is untrusted),
 * reads are bounded and validated, saves are atomic and refuse to overwrite changes made by someone else.
 */
export async function projectHandlers(o: ProjectServiceOptions): Promise<{ handlers: Pick<Handlers, ProjectHandlerNames>; startupProject(): string | null }> {
  const recovery = new RecoveryStore(o.paths.recovery);
  // Temp files left by a save that was killed are swept at start; listing never offers them anyway.
  await sweepTempFiles(o.paths.projects).catch(() => []);
  await recovery.sweep().catch(() => []);
  const recent = o.preferences.get().recentProjects;
  for (const p of recent) o.access.approve(p.path);
  if (o.startupProject) o.access.approve(o.startupProject);

  const remember = async (p: string, document: unknown) => {
    o.access.approve(p);
    const tenant = document && typeof document === 'object' ? (tenantLinkOf(document as Record<string, unknown>)?.key ?? null) : null;
    await o.preferences.noteProject(p, tenant).catch(() => undefined);
  };

  return {
    startupProject() {
      if (o.startupProject) return o.startupProject;
      const last = o.preferences.get().lastProject;
      return last && existsSync(last) ? last : null;
    },
    handlers: {
      openProject: async ({ path: p }) => {
        const file = o.access.check(p);
        // A save killed in this folder may have left a temp file beside the project: clear it.
        await sweepTempFiles(path.dirname(file)).catch(() => []);
        const opened = await readProjectFile(file);
        await remember(file, opened.document);
        return opened;
      },
      openDemoProject: async () => {
        const opened = await readProjectFile(path.join(o.resourcesDir, DEMO_PROJECT));
        // The demo opens as an unsaved copy: saving asks where, so the shipped file is never changed.
        return { ...opened, path: null, fingerprint: null };
      },
      saveProject: async ({ path: p, document, expected, overwrite }) => {
        const file = o.access.check(p);
        const saved = await saveProjectFile(file, document, expected, overwrite);
        await remember(saved.path, document);
        return saved;
      },
      listProjects: async () => {
        const listing = await listProjectFolder(o.paths.projects);
        const recent = recentFor(o.preferences.get().recentProjects, o.activeTenantKey?.() ?? null);
        return { folder: listing.folder, files: listing.files, recent: recent.map((r) => r.path).filter((p) => existsSync(p)) };
      },
      chooseOpenPath: async () => {
        if (!o.dialogs) return { path: null };
        const p = await o.dialogs.chooseOpen();
        if (p) o.access.approve(p);
        return { path: p };
      },
      chooseSavePath: async ({ suggestedName }) => {
        if (!o.dialogs) return { path: null };
        const p = await o.dialogs.chooseSave(suggestedName, o.paths.projects);
        if (p) o.access.approve(p);
        return { path: p };
      },
      writeRecovery: async ({ session, path: p, document }) => recovery.write(session, p, document),
      listRecovery: async ({ exceptSession }) => recovery.list(exceptSession),
      readRecovery: async ({ id }) => {
        const opened = await recovery.read(id);
        if (opened.path) o.access.approve(opened.path);
        return opened;
      },
      discardRecovery: async ({ id }) => {
        await recovery.discard(id);
        return {};
      },
    },
  };
}
