/** Hosts whose pages the app may open in the system browser (help, release notes). */
export const EXTERNAL_ALLOWLIST: readonly string[] = ['twinstudio.dev', 'docs.twinstudio.dev', 'github.com'];

/**
 * Whether a URL may be opened outside the app. Parsed, never pattern-matched on the raw string:
 * https only, no credentials, no non-default port, and the host exactly on the allowlist.
 */
export function isAllowedExternalUrl(raw: string, allowlist: readonly string[] = EXTERNAL_ALLOWLIST): boolean {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:') return false;
  if (u.username || u.password) return false;
  if (u.port !== '') return false;
  const host = u.hostname.toLowerCase();
  return allowlist.includes(host);
}
