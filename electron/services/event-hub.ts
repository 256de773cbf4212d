import type { EventName, EventPayload } from '../../shared/api/contract';

type Listener = (name: EventName, payload: unknown) => void;

/** Fan-out of main → renderer events; each host subscribes and forwards in its own way. */
export class EventHub {
  private readonly listeners = new Set<Listener>();

  emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
    for (const l of this.listeners) {
      try {
        l(name, payload);
      } catch {
        // A broken subscriber (a closed window) must not stop the others.
      }
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
