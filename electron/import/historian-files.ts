import path from 'node:path';

/** File extensions of historian exports the app imports (CSV, tab-separated, text, InfluxDB line protocol). */
export const HISTORIAN_EXTENSIONS = ['csv', 'tsv', 'txt', 'lp'] as const;

/**
 * Why a path given by the web host's page may not be imported, or null when it may. Without a native dialog
 * to vouch for the file, only historian-export extensions outside hidden folders are read, so a page that
 * was tricked into calling the API cannot preview the head of a key, a credentials or a dot-file.
 */
export function historianFileRefusal(file: string): string | null {
  const ext = path.extname(file).slice(1).toLowerCase();
  if (!(HISTORIAN_EXTENSIONS as readonly string[]).includes(ext)) {
    return `${path.basename(file)} is not a historian export: imports read ${HISTORIAN_EXTENSIONS.map((e) => `.${e}`).join(', ')} files.`;
  }
  const segments = file.split(/[\\/]/);
  const name = segments.pop() ?? '';
  if (name.startsWith('.')) return `${name} is a hidden file: rename the export to import it.`;
  const hidden = segments.find((segment) => segment.startsWith('.') && segment !== '.' && segment !== '..');
  if (hidden) return `${name} is inside the hidden folder "${hidden}": move the export to an ordinary folder to import it.`;
  return null;
}

/** Why a folder named by the web host's page may not be imported from, or null when it may: no hidden folders. */
export function historianFolderRefusal(dir: string): string | null {
  const hidden = dir.split(/[\\/]/).find((segment) => segment.startsWith('.') && segment !== '.' && segment !== '..');
  return hidden ? `${dir} is inside the hidden folder "${hidden}": move the exports to an ordinary folder to import them.` : null;
}
