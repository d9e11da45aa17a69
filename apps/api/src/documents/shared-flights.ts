/**
 * One piece of work per key however many callers ask for it at once, stopped when the last of
 * them stops waiting. The work receives a signal that fires then (or when `abortAll` is called),
 * so a render nobody waits for does not run on.
 */
export class SharedFlights<T> {
  private readonly flights = new Map<
    string,
    { promise: Promise<T>; waiters: number; controller: AbortController; settled: boolean }
  >();

  /**
   * Joins the flight for `key`, starting it with `work` if there is none. Rejects with
   * `gone()` as soon as `signal` fires, whatever the flight does.
   */
  join(
    key: string,
    work: (signal: AbortSignal) => Promise<T>,
    signal: AbortSignal | undefined,
    gone: () => Error,
  ): { promise: Promise<T>; started: boolean } {
    let flight = this.flights.get(key);
    const started = flight === undefined;
    if (!flight) {
      const controller = new AbortController();
      const created = {
        promise: Promise.resolve().then(() => work(controller.signal)),
        waiters: 0,
        controller,
        settled: false,
      };
      created.promise
        .finally(() => {
          created.settled = true;
          if (this.flights.get(key) === created) this.flights.delete(key);
        })
        // Nobody may be left to hear a failure: it is theirs to see, not the process's.
        .catch(() => undefined);
      this.flights.set(key, created);
      flight = created;
    }
    const joined = flight;
    joined.waiters += 1;
    let left = false;
    const leave = (stopIfLast: boolean) => {
      if (left) return;
      left = true;
      signal?.removeEventListener('abort', onAbort);
      joined.waiters -= 1;
      if (stopIfLast && joined.waiters === 0 && !joined.settled) {
        joined.controller.abort();
        if (this.flights.get(key) === joined) this.flights.delete(key);
      }
    };
    let rejectWaiter: (error: Error) => void = () => undefined;
    const onAbort = () => {
      leave(true);
      rejectWaiter(gone());
    };
    const promise = new Promise<T>((resolve, reject) => {
      rejectWaiter = reject;
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      joined.promise.then(
        (value) => {
          leave(false);
          resolve(value);
        },
        (error: unknown) => {
          leave(false);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
    return { promise, started };
  }

  /** Flights under way (for tests and shutdown). */
  get size(): number {
    return this.flights.size;
  }

  /** Stops every flight (at shutdown nobody can receive their results). */
  abortAll(): void {
    for (const flight of this.flights.values()) flight.controller.abort();
    this.flights.clear();
  }
}
