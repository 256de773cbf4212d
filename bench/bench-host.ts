// The app's services and the web host as the benchmarks run them: the built renderer, no dialogs, and the
// Chromium the end-to-end tests use.
import { chromium, type Browser } from '@playwright/test';
import path from 'node:path';
import { startWebHost, type WebHost } from '../electron/hosts/web-host';
import { createAppServices, type AppServices, type AppServicesOptions } from '../electron/services/app-services';
import { resourcesDir } from '../electron/services/app-paths';

const ROOT = path.resolve(__dirname, '..');

/** The services of one benchmark session over a data folder. */
export function benchServices(dataDir: string, o: Pick<AppServicesOptions, 'startupProject' | 'demoData'>): Promise<AppServices> {
  return createAppServices({
    dataDir,
    host: 'web',
    version: 'bench',
    resourcesDir: resourcesDir(path.join(ROOT, 'dist-electron')),
    startupProject: o.startupProject,
    dialogs: null,
    openExternal: null,
    demoData: o.demoData,
  });
}

/** The web host serving the built renderer over the services, and a Chromium to open it in. */
export async function benchWebHost(services: AppServices): Promise<{ host: WebHost; browser: Browser }> {
  const host = await startWebHost({ handlers: services.handlers, events: services.events, rendererDir: path.join(ROOT, 'dist') });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium' });
  return { host, browser };
}
