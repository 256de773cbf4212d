import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LaunchArgs {
  /** A project to open: `--project FILE`, or a bare `*.twin.json` path or file:// URL (file association, drag onto the icon). */
  project: string | null;
  /** `--data-dir DIR`: all app state goes there; a fresh folder gives a fresh app. */
  dataDir: string | null;
  /** `--demo-data auto|off|days:N`, as for `twin web`; checked by the demo-data service. */
  demoData: string | null;
}

const PROJECT_SUFFIX = '.twin.json';

/** A path, or a file:// URL as Linux desktops may pass (Exec %U); null for any other URL. */
function fromFileUrl(arg: string): string | null {
  if (!/^[a-z][a-z0-9+.-]+:\/\//i.test(arg)) return arg;
  try {
    return fileURLToPath(arg);
  } catch {
    return null;
  }
}

/**
 * Read the app's own options from a command line, resolving paths against `cwd` (a second instance's
 * working folder differs from ours). Everything else is ignored: Chromium switches (`--no-sandbox`),
 * Playwright's `--remote-debugging-port=0`, macOS's `-psn_...`, the script path in development.
 */
export function parseLaunchArgs(argv: readonly string[], cwd: string): LaunchArgs {
  const out: LaunchArgs = { project: null, dataDir: null, demoData: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--project' || flag === '--data-dir' || flag === '--demo-data') {
      const next = argv[i + 1];
      const value = inline ?? (next !== undefined && !next.startsWith('--') ? next : undefined);
      if (inline === undefined && value !== undefined) i++;
      if (!value) continue;
      if (flag === '--project') out.project = path.resolve(cwd, value);
      else if (flag === '--data-dir') out.dataDir = path.resolve(cwd, value);
      else out.demoData = value;
    } else if (!arg.startsWith('-') && arg.toLowerCase().endsWith(PROJECT_SUFFIX)) {
      const file = fromFileUrl(arg);
      if (file) out.project = path.resolve(cwd, file);
    }
  }
  return out;
}
