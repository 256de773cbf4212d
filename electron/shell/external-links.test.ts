import { describe, expect, it } from 'vitest';
import { allowedExternalHref, isAllowedExternalUrl, EXTERNAL_ALLOWLIST } from './external-links';

describe('isAllowedExternalUrl', () => {
  const allowed: Array<[string, string]> = [
    ['https://twinstudio.dev/', 'https://twinstudio.dev/'],
    ['https://docs.twinstudio.dev/guide/sensors?x=1#binding', 'https://docs.twinstudio.dev/guide/sensors?x=1#binding'],
    ['https://github.com/twin-studio/twin-studio/releases', 'https://github.com/twin-studio/twin-studio/releases'],
    // Same host once parsed: upper case, the default port, the scheme in capitals.
    ['https://TWINSTUDIO.DEV/Help', 'https://twinstudio.dev/Help'],
    ['HTTPS://twinstudio.dev/', 'https://twinstudio.dev/'],
    ['https://twinstudio.dev:443/', 'https://twinstudio.dev/'],
  ];
  it.each(allowed)('opens %s as %s', (raw, href) => {
    expect(isAllowedExternalUrl(raw)).toBe(true);
    expect(allowedExternalHref(raw)).toBe(href);
  });

  const misleading: Array<[string, string]> = [
    ['allowlisted name as a subdomain of another host', 'https://twinstudio.dev.evil.com/'],
    ['allowlisted name in the path', 'https://evil.com/twinstudio.dev'],
    ['allowlisted name in the query', 'https://evil.com/?u=https://twinstudio.dev'],
    ['allowlisted name as user info', 'https://twinstudio.dev@evil.com/'],
    ['user and password on an allowed host', 'https://user:pass@twinstudio.dev/'],
    ['empty user info', 'https://@twinstudio.dev/'],
    ['a sibling subdomain', 'https://evil.twinstudio.dev/'],
    ['a suffix match', 'https://nottwinstudio.dev/'],
    ['trailing dot', 'https://twinstudio.dev./'],
    ['non-default port', 'https://twinstudio.dev:8443/'],
    ['explicit port 80 on https', 'https://twinstudio.dev:80/'],
    ['http downgrade', 'http://twinstudio.dev/'],
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: with an allowed name', 'javascript://twinstudio.dev/%0Aalert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['file:', 'file:///etc/passwd'],
    ['file: UNC', 'file://twinstudio.dev/share'],
    ['custom app scheme', 'app://bundle/index.html'],
    ['ftp', 'ftp://twinstudio.dev/'],
    ['ws', 'wss://twinstudio.dev/'],
    ['dotless i look-alike (punycode)', 'https://twinstudıo.dev/'],
    ['Cyrillic i look-alike', 'https://twіnstudio.dev/'],
    ['punycode written out', 'https://xn--twinstudo-2pb.dev/'],
    ['IPv4 literal', 'https://127.0.0.1/'],
    ['IPv4 in hex', 'https://0x7f.1/'],
    ['IPv6 literal', 'https://[::1]/'],
    ['backslash trick', 'https://twinstudio.dev\\@evil.com/'],
    ['newline inside the host', 'https://twinstudio.dev\n.evil.com/'],
    ['tab inside the host', 'https://twin\tstudio.dev/'],
    ['leading space', ' https://twinstudio.dev/'],
    ['NUL', 'https://twinstudio.dev/\u0000'],
    ['protocol-relative', '//twinstudio.dev/'],
    ['relative path', '/help'],
    ['not a URL', 'twinstudio.dev'],
    ['empty', ''],
    ['too long', `https://twinstudio.dev/${'a'.repeat(3_000)}`],
  ];
  it.each(misleading)('refuses %s', (_name, raw) => {
    expect(isAllowedExternalUrl(raw)).toBe(false);
    expect(allowedExternalHref(raw)).toBeNull();
  });

  it('takes another allowlist when given one', () => {
    expect(isAllowedExternalUrl('https://example.org/', ['example.org'])).toBe(true);
    expect(isAllowedExternalUrl('https://twinstudio.dev/', ['example.org'])).toBe(false);
  });

  it('keeps its allowlist to exact lower-case host names', () => {
    for (const host of EXTERNAL_ALLOWLIST) {
      expect(host).toBe(new URL(`https://${host}/`).hostname);
      expect(host).not.toMatch(/[*/:@]/);
    }
  });
});

describe('allowedExternalHref on sloppy spellings the URL parser forgives', () => {
  it.each(['https:twinstudio.dev/x', 'https:/twinstudio.dev/x', 'https:///twinstudio.dev/x'])('refuses %s', (raw) => {
    expect(allowedExternalHref(raw)).toBeNull();
  });
});
