import { readFile } from 'node:fs/promises';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { mimeType, resolveBundlePath } from './bundle-path';
import { SECURITY_HEADERS } from './csp';

/** How the app:// scheme is registered before the app is ready (Electron's `CustomScheme`). */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: {
    // standard: a real origin, so 'self' in the CSP, relative URLs and storage work as on https.
    standard: true,
    // secure: the page counts as a secure context (crypto.subtle, clipboard API) without a certificate.
    secure: true,
    supportFetchAPI: true,
    codeCache: true,
    corsEnabled: false,
    bypassCSP: false,
    allowServiceWorkers: false,
    stream: false,
  },
} as const;

function plain(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS, ...extra } });
}

/**
 * The app:// request handler: files of the renderer bundle only, GET and HEAD only, each answer with the
 * security headers (the CSP). Anything that would leave the bundle is a 404, not an error page with a path.
 */
export function bundleRequestHandler(
  bundleDir: string,
  read: (file: string) => Promise<Uint8Array<ArrayBuffer>> = readFile,
): (request: Pick<Request, 'url' | 'method'>) => Promise<Response> {
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'Bad request.');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') return plain(404, 'Not found.');
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed.', { Allow: 'GET, HEAD' });
    const file = resolveBundlePath(bundleDir, url.pathname);
    if (!file) return plain(404, 'Not found.');
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = await read(file);
    } catch {
      return plain(404, 'Not found.');
    }
    const headers = { 'Content-Type': mimeType(file), 'Cache-Control': 'no-cache', ...SECURITY_HEADERS };
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}
