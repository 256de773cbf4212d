import { EventEmitter } from 'node:events';
import type { Session, WebContents, WebFrameMain } from 'electron';
import { describe, expect, it } from 'vitest';
import { denyAllPermissions, frameTrust, hardenWebContents } from './harden';

type OpenHandler = (details: { url: string }) => { action: string };

/** Just enough of a WebContents: events with preventDefault, and the window-open handler. */
class FakeContents extends EventEmitter {
  openHandler: OpenHandler | null = null;
  setWindowOpenHandler(handler: OpenHandler): void {
    this.openHandler = handler;
  }
  /** Emit an Electron-style event; true when a listener prevented it. */
  fire(name: string, details: Record<string, unknown> = {}): boolean {
    let prevented = false;
    const event = { ...details, preventDefault: () => void (prevented = true) };
    this.emit(name, event);
    return prevented;
  }
}

function hardened() {
  const contents = new FakeContents();
  const opened: string[] = [];
  hardenWebContents(contents as unknown as WebContents, (href) => opened.push(href));
  return { contents, opened };
}

describe('hardenWebContents: navigation', () => {
  it('lets the page move within app://bundle/', () => {
    const { contents, opened } = hardened();
    expect(contents.fire('will-navigate', { url: 'app://bundle/index.html#/plant' })).toBe(false);
    expect(contents.fire('will-redirect', { url: 'app://bundle/index.html' })).toBe(false);
    expect(opened).toEqual([]);
  });

  it.each([
    'https://evil.com/',
    'http://127.0.0.1:8080/',
    'file:///etc/passwd',
    'app://bundle.evil/index.html',
    'app://other/index.html',
    'javascript:alert(1)',
    'data:text/html,hi',
    'devtools://devtools/bundled/inspector.html',
  ])('stops navigation to %s and opens nothing', (url) => {
    const { contents, opened } = hardened();
    expect(contents.fire('will-navigate', { url })).toBe(true);
    expect(contents.fire('will-redirect', { url })).toBe(true);
    expect(opened).toEqual([]);
  });

  it('stops a navigation to an allowlisted page and shows it in the system browser instead', () => {
    const { contents, opened } = hardened();
    expect(contents.fire('will-navigate', { url: 'https://docs.twinstudio.dev/sensors' })).toBe(true);
    expect(opened).toEqual(['https://docs.twinstudio.dev/sensors']);
  });

  it('never follows a redirect out of the app, not even to an allowlisted site', () => {
    const { contents, opened } = hardened();
    expect(contents.fire('will-redirect', { url: 'https://twinstudio.dev/' })).toBe(true);
    expect(opened).toEqual([]);
  });

  it('stops sub-frames from navigating anywhere but the app, and leaves the main frame to will-navigate', () => {
    const { contents } = hardened();
    expect(contents.fire('will-frame-navigate', { url: 'https://evil.com/', isMainFrame: false })).toBe(true);
    expect(contents.fire('will-frame-navigate', { url: 'app://bundle/x.html', isMainFrame: false })).toBe(false);
    expect(contents.fire('will-frame-navigate', { url: 'https://evil.com/', isMainFrame: true })).toBe(false);
  });
});

describe('hardenWebContents: new windows and webviews', () => {
  it('denies every window.open', () => {
    const { contents, opened } = hardened();
    for (const url of ['app://bundle/index.html', 'https://evil.com/', 'about:blank', '', 'https://twinstudio.dev.evil.com/']) {
      expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual([]);
  });

  it('opens an allowlisted https link in the system browser, normalized, and still denies the window', () => {
    const { contents, opened } = hardened();
    expect(contents.openHandler?.({ url: 'https://GitHub.com/twin-studio/twin-studio' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://github.com/twin-studio/twin-studio']);
  });

  it.each([
    'http://twinstudio.dev/',
    'https://twinstudio.dev@evil.com/',
    'https://twinstudio.dev:8443/',
    'file:///C:/Windows/System32/calc.exe',
    'ms-settings:',
  ])('opens nothing for %s', (url) => {
    const { contents, opened } = hardened();
    expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
    expect(opened).toEqual([]);
  });

  it('refuses to attach a <webview>', () => {
    const { contents } = hardened();
    expect(contents.fire('will-attach-webview', {})).toBe(true);
  });
});

describe('denyAllPermissions', () => {
  type RequestHandler = (wc: unknown, permission: string, callback: (granted: boolean) => void) => void;
  function fakeSession() {
    const s = {
      request: null as RequestHandler | null,
      check: null as ((...args: unknown[]) => boolean) | null,
      device: null as ((...args: unknown[]) => boolean) | null,
      setPermissionRequestHandler(h: RequestHandler) {
        s.request = h;
      },
      setPermissionCheckHandler(h: (...args: unknown[]) => boolean) {
        s.check = h;
      },
      setDevicePermissionHandler(h: (...args: unknown[]) => boolean) {
        s.device = h;
      },
    };
    return s;
  }

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'pointerLock', 'midiSysex', 'unknown'])(
    'denies a request for %s and reports it as not granted',
    (permission) => {
      const session = fakeSession();
      denyAllPermissions(session as unknown as Session);
      const answers: boolean[] = [];
      session.request?.({}, permission, (granted) => answers.push(granted));
      expect(answers).toEqual([false]);
      expect(session.check?.({}, permission, 'app://bundle', {})).toBe(false);
    },
  );

  it('denies device access (HID, serial, USB)', () => {
    const session = fakeSession();
    denyAllPermissions(session as unknown as Session);
    expect(session.device?.({ deviceType: 'hid', origin: 'app://bundle' })).toBe(false);
  });
});

describe('frameTrust', () => {
  type FrameFields = { url: string; processId: number; frameToken: string; parent: unknown; detached: boolean; destroyed: boolean };
  const frame = (over: Partial<FrameFields> = {}) => {
    const f = { url: 'app://bundle/index.html', processId: 4, frameToken: 'token-main', parent: null, detached: false, destroyed: false, ...over };
    return { ...f, isDestroyed: () => f.destroyed } as unknown as WebFrameMain;
  };
  const main = frame();
  const trust = frameTrust(() => main);

  it('trusts the main frame of our window at app://bundle/', () => {
    expect(trust(main)).toBe(true);
    expect(trust(frame({ url: 'app://bundle/index.html#/x' }))).toBe(true);
  });

  it.each([
    ['no frame', null],
    ['a child frame', frame({ parent: main })],
    ['another process', frame({ processId: 5 })],
    ['another frame of the process', frame({ frameToken: 'token-other' })],
    ['a detached frame', frame({ detached: true })],
    ['a destroyed frame', frame({ destroyed: true })],
    ['our frame navigated elsewhere', frame({ url: 'https://evil.com/' })],
    ['a look-alike origin', frame({ url: 'app://bundle.evil/index.html' })],
    ['a blank page', frame({ url: 'about:blank' })],
    ['a frame still loading', frame({ url: '' })],
  ])('refuses %s', (_name, f) => {
    expect(trust(f as WebFrameMain | null)).toBe(false);
  });

  it('refuses everything while the window does not exist', () => {
    expect(frameTrust(() => null)(main)).toBe(false);
  });

  it('refuses a destroyed frame whose properties throw', () => {
    const destroyed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      processId: 4,
      frameToken: 'token-main',
      parent: null,
      detached: false,
      isDestroyed: () => false,
    } as unknown as WebFrameMain;
    expect(trust(destroyed)).toBe(false);
  });
});
