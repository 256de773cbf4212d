import type { EventName, EventPayload, MethodInput, MethodName, ResultEnvelope } from './contract';

/** What the Electron preload puts on `window.twin`: one named function per method, answering with an envelope. */
export type TwinBridge = { [K in MethodName]: (input: MethodInput<K>) => Promise<ResultEnvelope> } & {
  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void;
};

/** The IPC channel carrying a method's calls. */
export const methodChannel = (method: MethodName): string => `twin:${method}`;
/** The IPC channel carrying an event. */
export const eventChannel = (event: EventName): string => `twin-event:${event}`;
