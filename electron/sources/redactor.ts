import { isTwinError, TwinError, type Problem } from '../../shared/api/errors';
import type { SourceProfile } from '../../shared/api/source-schemas';

/**
 * The one place that keeps a request's secrets out of what the app shows or logs. A server may echo what
 * it was sent — the Authorization header, the URL, decoded credentials, base64 of them — in an error body,
 * a header or an HTML page, and any of it may end up in a message. Every source builds one Redactor from
 * its profile; text from the server is quoted only through `quote` (secrets out first, then cut to a short
 * printable excerpt, so a cut never leaves part of a secret), and every error leaving a source passes
 * through `error` (see redacting-source.ts).
 */

const MASK = '***';
/** Secrets shorter than this are not searched for: blanking every "ab" would garble messages, and say nothing. */
const MIN_SECRET = 3;
/** A base64 form shorter than this matches ordinary text too often to be worth blanking. */
const MIN_ENCODED = 4;
/** The longest excerpt of server text a message quotes. */
export const EXCERPT_CHARS = 120;

/** The credential parts of a request, as a source profile or a request holds them. */
export interface SecretParts {
  url?: string | undefined;
  username?: string | undefined;
  password?: string | undefined;
  token?: string | undefined;
  /** The Authorization header value as sent (`Basic …`, `Token …`, `Bearer …`). */
  authorization?: string | undefined;
}

/** The characters of base64(text) that only `secret` decides, for the secret at each of the three byte alignments. */
function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const cores: string[] = [];
  for (let k = 0; k < 3; k++) {
    const b64 = Buffer.concat([Buffer.alloc(k), bytes]).toString('base64');
    const core = b64.slice(Math.ceil((4 * k) / 3), Math.floor((8 * (k + bytes.length)) / 6));
    cores.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return cores;
}

/** Every spelling of a secret a server or a URL may produce. */
function formsOf(secret: string): string[] {
  const forms = [secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2), JSON.stringify(secret).slice(1, -1)];
  return [...forms, ...base64Cores(secret).filter((c) => c.length >= MIN_ENCODED)];
}

/** Turn any text into one printable line: control and format characters (bidi overrides, escapes) become spaces. */
export function printable(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** At most `max` characters (whole code points) of a printable text, saying how long it was when cut. */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const line = printable(text);
  const chars = Array.from(line);
  if (chars.length <= max) return line;
  return `${chars.slice(0, max).join('')}… (${chars.length} characters in all)`;
}

export class Redactor {
  /** Longest first, so a form containing a shorter one is blanked whole. */
  private readonly forms: string[];

  constructor(secrets: readonly (string | undefined)[]) {
    const all = new Set<string>();
    for (const s of secrets) if (s !== undefined && s.length >= MIN_SECRET) for (const f of formsOf(s)) if (f.length >= MIN_SECRET) all.add(f);
    this.forms = [...all].sort((a, b) => b.length - a.length);
  }

  /** A redactor for a request's credentials: password, token, the URL's user info and the Authorization value, in all their forms. */
  static of(parts: SecretParts): Redactor {
    const secrets: (string | undefined)[] = [parts.password, parts.token, parts.authorization];
    if (parts.username !== undefined && parts.password !== undefined) secrets.push(`${parts.username}:${parts.password}`);
    if (parts.authorization) secrets.push(parts.authorization.replace(/^\S+\s+/, ''));
    if (parts.token) secrets.push(`Token ${parts.token}`, `Bearer ${parts.token}`);
    if (parts.url) {
      try {
        const u = new URL(parts.url);
        if (u.password) {
          const user = decodeURIComponent(u.username);
          const password = decodeURIComponent(u.password);
          secrets.push(password, u.password, `${user}:${password}`, `${u.username}:${u.password}`);
        }
      } catch {
        // Not a URL: nothing in it to find.
      }
    }
    return new Redactor(secrets);
  }

  /** The text with every form of every secret blanked. */
  text(text: string): string {
    let out = text;
    for (const f of this.forms) if (out.includes(f)) out = out.split(f).join(MASK);
    return out;
  }

  /** Server text fit to quote in a message: secrets blanked, then one printable line of at most `max` characters. */
  quote(serverText: string, max = EXCERPT_CHARS): string {
    return excerpt(this.text(serverText), max);
  }

  /** Details (counts, fingerprints, server messages) with their strings redacted; dropped if that cannot be done safely. */
  private details(details: Record<string, unknown>): Record<string, unknown> | undefined {
    try {
      return JSON.parse(this.text(JSON.stringify(details))) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  }

  /** The same error with every text in it redacted; TwinErrors keep their kind, other errors their name. */
  error(e: unknown): unknown {
    if (isTwinError(e)) {
      const redacted = new TwinError({
        kind: e.kind,
        message: this.text(e.message),
        where: e.where === undefined ? undefined : this.text(e.where),
        problems: e.problems?.map((p): Problem => ({ ...p, path: this.text(p.path), message: this.text(p.message) })),
        details: e.details === undefined ? undefined : this.details(e.details),
      });
      return redacted;
    }
    if (e instanceof Error && e.name !== 'AbortError') {
      const redacted = new Error(this.text(e.message));
      redacted.name = e.name;
      return redacted;
    }
    return e;
  }
}

/** For requests that carry no credentials. */
export const NO_SECRETS = new Redactor([]);

/** The redactor for a source profile's secrets (the same one its source quotes server text through). */
export function profileRedactor(profile: SourceProfile): Redactor {
  if (profile.kind === 'influx2') return Redactor.of({ url: profile.url, token: profile.token });
  const authorization = profile.username ? `Basic ${Buffer.from(`${profile.username}:${profile.password ?? ''}`).toString('base64')}` : undefined;
  return Redactor.of({ url: profile.url, username: profile.username, password: profile.password, token: profile.token, authorization });
}
