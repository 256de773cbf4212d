import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** Content type for a bundle file; unknown types are served as opaque bytes (and `nosniff` keeps them so). */
export function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

// A segment Windows would silently rewrite (`.. ` and `...` become `..`, `a.js.` becomes `a.js`), an NTFS
// stream or drive (`x.js::$DATA`, `C:`), or a hidden file: none of these is ever a file the bundler wrote.
const SUSPICIOUS_SEGMENT = /(^\.)|([. ]$)|:/;

/**
 * Map a URL path (`/assets/index-abc.js`) to a file inside the renderer bundle, or null when it would leave it.
 * Decodes once, then refuses `..` and other suspicious segments, backslashes, NUL, and anything whose real
 * path (after symlinks) is outside the bundle's real path or is not a regular file. `/` means index.html.
 */
export function resolveBundlePath(bundleRoot: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..' || SUSPICIOUS_SEGMENT.test(s))) return null;
  const rel = segments.length === 0 ? 'index.html' : segments.join('/');
  let root: string;
  let real: string;
  try {
    root = realpathSync(bundleRoot);
    real = realpathSync(path.join(root, rel));
    // A directory is not a page; reading it would fail later with a less useful error.
    if (!statSync(real).isFile()) return null;
  } catch {
    return null;
  }
  if (!real.startsWith(root + path.sep)) return null;
  return real;
}
