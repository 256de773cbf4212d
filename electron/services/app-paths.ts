import path from 'node:path';

/** Where the app keeps its state inside the data folder; a fresh folder gives a fresh app. */
export interface AppPaths {
  dataDir: string;
  /** Default folder for projects (the in-app Open dialog lists it). */
  projects: string;
  recovery: string;
  /** The embedded time-series store. */
  local: string;
}

export function appPaths(dataDir: string): AppPaths {
  const root = path.resolve(dataDir);
  return { dataDir: root, projects: path.join(root, 'projects'), recovery: path.join(root, 'recovery'), local: path.join(root, 'local') };
}

/**
 * Where bundled resources (the demo project) live: next to the bundle in development and in the
 * packaged app's resources (inside app.asar, which Electron's fs reads transparently).
 */
export function resourcesDir(bundleDir: string): string {
  return path.resolve(bundleDir, '..', 'assets');
}
