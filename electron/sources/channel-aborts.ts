/**
 * One request in flight per channel (a chart, the time cursor): starting a new one aborts the older,
 * down to its HTTP call, so a fast scrub never queues stale queries.
 */
export class ChannelAborts {
  private readonly inFlight = new Map<string, AbortController>();

  /** A signal for a new request; aborts the previous request on the same channel. */
  begin(channel: string | undefined): { signal: AbortSignal | undefined; done(): void } {
    if (!channel) return { signal: undefined, done: () => undefined };
    this.inFlight.get(channel)?.abort();
    const controller = new AbortController();
    this.inFlight.set(channel, controller);
    return {
      signal: controller.signal,
      done: () => {
        if (this.inFlight.get(channel) === controller) this.inFlight.delete(channel);
      },
    };
  }

  /** Abort whatever runs on a channel. */
  cancel(channel: string): boolean {
    const c = this.inFlight.get(channel);
    if (!c) return false;
    c.abort();
    this.inFlight.delete(channel);
    return true;
  }

  cancelAll(): void {
    for (const c of this.inFlight.values()) c.abort();
    this.inFlight.clear();
  }
}
