/** Hosts whose pages the app may open in the system browser (help, release notes). */
export const EXTERNAL_ALLOWLIST: readonly string[] = ['twinstudio.dev', 'docs.twinstudio.dev', 'github.com'];

/** Longer links are not ours; the limit also keeps the OS handler's command line short. */
const MAX_URL_LENGTH = 2_048;

/**
 * The normalized href of a URL that may be opened outside the app, or null. Parsed, never pattern-matched
 * on the raw string: https only, no credentials, no non-default port, and the host exactly on the
 * allowlist (so `twinstudio.dev.evil.com`, `evil.com/twinstudio.dev`, `twinstudio.dev@evil.com`, look-alike
 * punycode hosts, trailing dots and IP literals all fail). Whitespace, control characters and backslashes
 * are refused rather than silently stripped or turned into slashes, so what the user saw is what opens;
 * the caller hands the OS the normalized href, never the raw string another parser might read differently.
 */
export function allowedExternalHref(raw: string, allowlist: readonly string[] = EXTERNAL_ALLOWLIST): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f-\u009f\\]/.test(raw)) return null;
  // The written form must already be plain `https://host...`: no `https:host`, no `@` in the authority,
  // even where the URL parser would forgive it.
  if (!/^https:\/\/[^/?#@]+(?:[/?#]|$)/i.test(raw)) return null;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:') return null;
  if (u.username !== '' || u.password !== '') return null;
  if (u.port !== '') return null;
  if (!allowlist.includes(u.hostname.toLowerCase())) return null;
  return u.href;
}

/** Whether a URL may be opened outside the app (see allowedExternalHref). */
export function isAllowedExternalUrl(raw: string, allowlist: readonly string[] = EXTERNAL_ALLOWLIST): boolean {
  return allowedExternalHref(raw, allowlist) !== null;
}
