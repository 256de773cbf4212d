/** The custom scheme the packaged renderer is served from; registered as privileged before the app is ready. */
export const APP_SCHEME = 'app';
/** The one host of that scheme: every renderer file lives under app://bundle/. */
export const APP_HOST = 'bundle';
/** Where the window starts. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Whether a URL belongs to the app's own origin (app://bundle/...). Parsed, never prefix-matched:
 * `app://bundle.evil/`, `app://user@bundle/` and `app://bundle:1/` are all someone else.
 */
export function isAppUrl(raw: string): boolean {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return false;
  }
  return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}
