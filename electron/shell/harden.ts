import type { Session, WebContents, WebFrameMain } from 'electron';
import { isAppUrl } from './app-origin';
import { allowedExternalHref } from './external-links';

/** Opens an allowlisted, normalized https URL in the system browser. */
export type OpenExternal = (href: string) => void;

/**
 * Lock down one web-contents (the app window, DevTools, anything else Electron creates). The page may only
 * ever show app://bundle/: navigations and redirects elsewhere are stopped, every window.open is denied,
 * and allowlisted https links go to the system browser instead. <webview> is refused outright.
 */
export function hardenWebContents(contents: WebContents, openExternal: OpenExternal): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    // A plain link to the docs clicked in the page: the user meant to read it, in the browser.
    const href = allowedExternalHref(event.url);
    if (href) openExternal(href);
  });
  // Frames inside the page (there should be none: the CSP allows no frame source) never navigate away.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const href = allowedExternalHref(url);
    if (href) openExternal(href);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Deny every permission the page could ask for or probe: camera, microphone, notifications, geolocation,
 * HID/serial/USB devices, clipboard reads, external protocols. The app needs none of them. (The Edit
 * menu's copy and paste go through Chromium's editing commands, which need no permission.)
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * Build the check the IPC host runs on every call: only the top frame of our own window, showing
 * app://bundle/, may use the API. An iframe, a second window or a page navigated elsewhere may not.
 */
export function frameTrust(mainFrame: () => WebFrameMain | null | undefined): (frame: WebFrameMain | null) => boolean {
  return (frame) => {
    if (!frame) return false;
    const ours = mainFrame();
    if (!ours) return false;
    try {
      if (frame.isDestroyed() || frame.detached || frame.parent !== null) return false;
      if (frame.processId !== ours.processId || frame.frameToken !== ours.frameToken) return false;
      return isAppUrl(frame.url);
    } catch {
      // A frame that has gone away (its properties throw once destroyed) is not trusted.
      return false;
    }
  };
}
