/** One-at-a-time access: writers to the local store take turns so their transactions never conflict. */
export class AsyncMutex {
  private tail: Promise<void> = Promise.resolve();

  /** Run `task` after every task queued before it has finished (whether it failed or not). */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
