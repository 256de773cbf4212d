import { methodNames } from '../../shared/api/method-names';
import type { EventName, MethodName, ResultEnvelope } from '../../shared/api/contract';
import type { TwinBridge } from '../../shared/api/bridge';

const TOKEN_KEY = 'twin.webHostToken';

/**
 * The web host's token arrives in the URL fragment (never sent to a server). Keep it for this tab only
 * (sessionStorage survives a reload) and take it out of the address bar.
 */
export function takeWebHostToken(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function networkError(method: string, e: unknown): ResultEnvelope {
  return {
    ok: false,
    error: { kind: 'unreachable', message: `The Twin Studio web host did not answer ${method}: ${(e as Error).message}. Is it still running?` },
  };
}

/** The same bridge the Electron preload exposes, spoken over HTTP to the web host. */
export function createHttpBridge(token: string): TwinBridge {
  const listeners = new Map<string, Set<(payload: never) => void>>();
  let streaming = false;

  async function stream(): Promise<void> {
    if (streaming) return;
    streaming = true;
    for (;;) {
      try {
        const res = await fetch('api/events', { headers: { Authorization: `Bearer ${token}` } });
        if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let nl: number;
          while ((nl = buffer.indexOf('\n')) >= 0) {
            const line = buffer.slice(0, nl);
            buffer = buffer.slice(nl + 1);
            const msg = JSON.parse(line) as { event: string; payload?: unknown };
            for (const l of listeners.get(msg.event) ?? []) l(msg.payload as never);
          }
        }
      } catch {
        // The host went away or restarted: try again shortly.
      }
      await new Promise((r) => setTimeout(r, 2_000));
    }
  }

  const bridge: Record<string, unknown> = {};
  for (const name of methodNames) {
    bridge[name] = async (input: unknown): Promise<ResultEnvelope> => {
      let res: Response;
      try {
        res = await fetch(`api/${name satisfies MethodName}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
      } catch (e) {
        return networkError(name, e);
      }
      try {
        return (await res.json()) as ResultEnvelope;
      } catch (e) {
        return networkError(name, e);
      }
    };
  }
  bridge.on = (name: EventName, listener: (payload: never) => void) => {
    let set = listeners.get(name);
    if (!set) listeners.set(name, (set = new Set()));
    set.add(listener);
    void stream();
    return () => set.delete(listener);
  };
  return bridge as TwinBridge;
}
