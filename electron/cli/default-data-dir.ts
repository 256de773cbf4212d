import os from 'node:os';
import path from 'node:path';

/** The data folder when none is given: the same place Electron's userData would be for "Twin Studio". */
export function defaultDataDir(): string {
  if (process.env.TWIN_DATA_DIR) return process.env.TWIN_DATA_DIR;
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Twin Studio');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Twin Studio');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Twin Studio');
}
