import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import type { Handlers } from '../hosts/dispatch';
import { sourceFactories } from '../sources/factories';
import { appPaths, type AppPaths } from './app-paths';
import { EventHub } from './event-hub';
import { PreferencesStore } from './preferences';
import { ProjectAccess } from './project-access';
import type { NativeDialogs } from './native-dialogs';
import { projectHandlers } from './handlers/project-handlers';
import { sourceHandlers } from './handlers/source-handlers';
import { bindingHandlers } from './handlers/binding-handlers';
import { cacheHandlers } from './handlers/cache-handlers';
import { sessionSources } from '../sources/session-sources';
import { analysisHandlers } from './handlers/analysis-handlers';
import { DemoData, type DemoDataMode } from './demo-data';
import { ImportService } from './import-service';
import { openLocalSource } from '../sources/local-source';
import { isAllowedExternalUrl } from '../shell/external-links';
import { tenantHandlers } from './handlers/tenant-handlers';
import { setUpTenants } from '../tenant/tenant-setup';
import type { SafeStorageLike } from '../tenant/secrets/safe-storage-vault';

export interface AppServicesOptions {
  dataDir: string;
  host: 'electron' | 'web';
  version: string;
  /** The folder holding bundled resources (assets/). */
  resourcesDir: string;
  /** A project named on the command line or by the OS; otherwise the last one opened is reopened. */
  startupProject: string | null;
  dialogs: NativeDialogs | null;
  /** Opens an (already allowlisted) URL in the system browser; null where the host cannot. */
  openExternal: ((url: string) => Promise<void>) | null;
  /** Whether and how much demo data to write into the local store on first start. */
  demoData: DemoDataMode;
  /** Electron's safeStorage, which encrypts tenant secrets in the desktop app; absent in the web host. */
  safeStorage?: SafeStorageLike | null;
  /** The residual-analysis worker script; default: the bundled one beside the running bundle. */
  residualsWorkerFile?: string;
}

export interface AppServices {
  handlers: Handlers;
  /** Approve a historian file the user picked natively, for import. */
  approveImport(file: string): void;
  events: EventHub;
  access: ProjectAccess;
  paths: AppPaths;
  /** Resolves when first-start work (demo data) is done or failed; for tests and the CLI. */
  demoDataDone: Promise<void>;
  close(): Promise<void>;
}

/** Build every service of one app session and the contract's handlers over them: the one place hosts call. */
export async function createAppServices(o: AppServicesOptions): Promise<AppServices> {
  const paths = appPaths(o.dataDir);
  await Promise.all([mkdir(paths.projects, { recursive: true }), mkdir(paths.recovery, { recursive: true }), mkdir(paths.local, { recursive: true })]);
  const events = new EventHub();
  const preferences = await PreferencesStore.open(paths.dataDir);
  const access = new ProjectAccess(o.host === 'web' ? 'any-project-file' : 'approved-only', paths.projects);
  // Caches are scoped to the active tenant, so one tenant's data never shows under another's.
  let tenantScope = (): string => 'offline';
  const local = await openLocalSource(paths.local);
  const sources = sessionSources({
    factories: sourceFactories,
    local,
    tenant: () => tenantScope(),
    onFillProgress: (p) => events.emit('cacheFillProgress', p),
  });
  const demo = new DemoData(local.store, events, o.demoData);
  const imports = new ImportService(local.store, o.host === 'web' ? 'any-export' : 'approved-only', events);

  const tenants = await setUpTenants({ dataDir: paths.dataDir, host: o.host, safeStorage: o.safeStorage ?? null, sources });
  tenantScope = tenants.scope;
  // Reconnecting the active tenant may wait on a slow server: the app starts meanwhile.
  void tenants.service.resume();

  const project = await projectHandlers({
    paths,
    preferences,
    access,
    dialogs: o.dialogs,
    resourcesDir: o.resourcesDir,
    startupProject: o.startupProject,
    activeTenantKey: tenants.key,
  });
  const handlers: Handlers = {
    appInfo: async () => ({
      version: o.version,
      host: o.host,
      platform: `${os.platform()}-${os.arch()}`,
      nativeDialogs: o.dialogs !== null,
      startupProject: project.startupProject(),
    }),
    openExternal: async ({ url }) => {
      if (!o.openExternal || !isAllowedExternalUrl(url)) return { opened: false };
      await o.openExternal(url);
      return { opened: true };
    },
    chooseImportPath: async ({ folder }) => ({ paths: o.dialogs ? await o.dialogs.chooseImport(folder) : [] }),
    uiPreferences: async () => preferences.get().ui,
    setUiPreferences: async (patch) => preferences.updateUi(patch),
    ...project.handlers,
    ...sourceHandlers(sources, imports, demo),
    ...tenantHandlers(tenants.service),
    ...bindingHandlers(sources),
    ...cacheHandlers(sources),
    ...analysisHandlers(sources, events, o.residualsWorkerFile),
  };
  const demoDataDone = demo.start();

  return {
    handlers,
    approveImport: (file) => imports.approve(file),
    events,
    access,
    paths,
    demoDataDone,
    async close() {
      await demo.stop();
      await Promise.allSettled([sources.closeAll(), tenants.close()]);
    },
  };
}
