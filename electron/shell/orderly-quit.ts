export interface OrderlyQuitOptions {
  /** Close the services: flush the local store, end source connections. */
  close: () => Promise<void>;
  /** Ask the app to quit again once closing is over (app.quit). */
  quit: () => void;
  /** A hung connection must not keep the app alive for ever. */
  timeoutMs: number;
  log?: (message: string) => void;
}

/**
 * The `will-quit` handler. The first quit is held back while the services close (at most timeoutMs), then
 * repeated; the repeat passes. It runs on will-quit rather than before-quit because windows may still refuse
 * to close (unsaved changes, the user picks "Stay") after before-quit, and services closed by then would leave
 * a live window with a dead back end.
 */
export function orderlyQuit({ close, quit, timeoutMs, log = () => undefined }: OrderlyQuitOptions): (event: { preventDefault(): void }) => void {
  let state: 'running' | 'closing' | 'closed' = 'running';
  return (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const closing = Promise.resolve()
      .then(close)
      .then(
        () => 'closed' as const,
        (e: unknown) => {
          log(`Closing the services failed: ${e instanceof Error ? e.message : String(e)}`);
          return 'failed' as const;
        },
      );
    void Promise.race([closing, deadline]).then((outcome) => {
      clearTimeout(timer);
      if (outcome === 'timeout') log(`The services did not close within ${timeoutMs} ms; quitting anyway.`);
      state = 'closed';
      quit();
    });
  };
}
