import path from 'node:path';
import { createAppServices } from '../../services/app-services';
import { resourcesDir } from '../../services/app-paths';
import { startWebHost } from '../../hosts/web-host';
import { parseArgs, optionValue } from '../args';
import { UsageError, type CliCommand } from '../cli-types';
import { parseDemoDataMode } from '../../services/demo-data';
import { defaultDataDir } from '../default-data-dir';

const usage = `Usage: twin web [--port N] [--project FILE] [--data-dir DIR] [--demo-data auto|off|days:N]

Serve Twin Studio to a browser on 127.0.0.1. The first line printed is the URL to open:
  Twin Studio: http://127.0.0.1:PORT/#token=TOKEN
  --port N         listen on this port (default: a free one)
  --project FILE   open this project at start
  --data-dir DIR   keep all app state (projects, recovery, local data) here; a fresh folder is a fresh app
  --demo-data M    write the demo plant's data on first start: auto (a year), days:N, or off
Stops cleanly on Ctrl+C (SIGINT) or SIGTERM.`;

/** `twin web`: the web host, for browsers and end-to-end tests. */
export const webCommand: CliCommand = {
  name: 'web',
  summary: 'Serve the app to a browser on 127.0.0.1 (prints the URL first).',
  usage,
  async run(args, io) {
    const p = parseArgs(args, ['port', 'project', 'data-dir', 'demo-data']);
    if (p.positional.length) throw new UsageError(`Unexpected argument "${p.positional[0]}".`);
    const portText = optionValue(p, 'port');
    const port = portText === undefined ? 0 : Number(portText);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, got "${portText}".`);
    const project = optionValue(p, 'project');
    const dataDir = path.resolve(optionValue(p, 'data-dir') ?? defaultDataDir());
    const demoData = parseDemoDataMode(optionValue(p, 'demo-data') ?? 'auto');
    const bundleDir = __dirname;

    const services = await createAppServices({
      dataDir,
      host: 'web',
      version: process.env.TWIN_VERSION ?? '0.1.0',
      resourcesDir: resourcesDir(bundleDir),
      startupProject: project ? path.resolve(project) : null,
      dialogs: null,
      openExternal: null,
      demoData,
    });
    let host;
    try {
      host = await startWebHost({ handlers: services.handlers, events: services.events, rendererDir: path.resolve(bundleDir, '..', 'dist'), port });
    } catch (e) {
      await services.close();
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new Error(`Port ${port} on 127.0.0.1 is in use; choose another with --port or omit it.`);
      throw e;
    }
    io.out(`Twin Studio: ${host.openUrl}`);
    io.out(`Data folder: ${dataDir}`);

    return new Promise<number>((resolve) => {
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        io.err(`Stopping (${signal})…`);
        const force = setTimeout(() => resolve(1), 10_000);
        force.unref();
        void Promise.allSettled([host.close(), services.close()]).then(() => {
          clearTimeout(force);
          resolve(0);
        });
      };
      // A second signal while stopping means "now": exit without waiting for the orderly close.
      const onSignal = (signal: string) => (stopping ? process.exit(130) : stop(signal));
      process.on('SIGINT', () => onSignal('SIGINT'));
      process.on('SIGTERM', () => onSignal('SIGTERM'));
    });
  },
};
