import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput, TwinApi, TwinEvents } from '../../shared/api/contract';
import { methodNames } from '../../shared/api/method-names';
import { TwinError } from '../../shared/api/errors';
import type { TwinBridge } from '../../shared/api/bridge';
import { createHttpBridge, takeWebHostToken } from './http-bridge';

declare global {
  interface Window {
    twin?: TwinBridge;
  }
}

export type Api = TwinApi & TwinEvents;

/** Wrap a bridge (IPC or HTTP) so each method returns its value or throws a TwinError with the kind the host sent. */
export function apiFromBridge(bridge: TwinBridge): Api {
  const api: Record<string, unknown> = {};
  for (const name of methodNames) {
    api[name] = async (input: unknown) => {
      const call = bridge[name] as (input: unknown) => Promise<Awaited<ReturnType<TwinBridge[MethodName]>>>;
      const envelope = await call(input);
      if (envelope.ok) return envelope.value;
      throw new TwinError(envelope.error);
    };
  }
  api.on = <K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void) => bridge.on(name, listener);
  return api as Api;
}

let singleton: Api | null = null;

/** The API for this renderer: Electron's preload bridge when present, otherwise the web host over HTTP. */
export function getApi(): Api {
  if (singleton) return singleton;
  if (window.twin) singleton = apiFromBridge(window.twin);
  else {
    const token = takeWebHostToken();
    if (!token) {
      throw new TwinError({ kind: 'unauthorized', message: 'No access token: open Twin Studio with the URL the web host printed (it ends in #token=…).' });
    }
    singleton = apiFromBridge(createHttpBridge(token));
  }
  return singleton;
}

/** Typed call helper for places that pick a method by name. */
export function call<K extends MethodName>(name: K, input: MethodInput<K>): Promise<MethodOutput<K>> {
  const fn = getApi()[name] as unknown as (input: MethodInput<K>) => Promise<MethodOutput<K>>;
  return fn(input);
}
