/**
 * At most `size` calls of one API client past this point at a time; the rest wait here, in order.
 *
 * Why here and not in the socket pool: a request waiting in the pool's queue has already been given its
 * access token, which may expire before a socket frees up (with 500 calls over 50 sockets and 200 ms
 * tokens, most of them did). A call takes its slot first and only then gets its token and a socket, so
 * the token it carries is as fresh as it can be. It also gives shutdown a clear line: a call holding a
 * slot may be on the wire; a call waiting for one has sent nothing and can be refused.
 * @internal
 */
export class RequestSlots {
  private active = 0;
  private readonly waiting: Array<{ grant: () => void; refuse: (error: Error) => void }> = [];
  private idleWaiters: Array<() => void> = [];
  private closedWith?: () => Error;

  constructor(readonly size: number) {}

  /** Resolves to a release function once a slot is free; rejects when `signal` aborts or on `close`. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (this.closedWith) return Promise.reject(this.closedWith());
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    if (this.active < this.size) {
      this.active += 1;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        const index = this.waiting.indexOf(waiter);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(signal?.reason as Error);
      };
      const waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(this.releaser());
        },
        refuse: (error: Error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
    });
  }

  /** Refuses every waiting call and every later one with `error()`; slots already held stay held. */
  close(error: () => Error): void {
    this.closedWith = error;
    for (const waiter of this.waiting.splice(0)) waiter.refuse(error());
  }

  /** Resolves when no slot is held. */
  whenIdle(): Promise<void> {
    if (this.active === 0) return Promise.resolve();
    return new Promise(resolve => this.idleWaiters.push(resolve));
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) return next.grant(); // the slot passes straight on
      this.active -= 1;
      if (this.active === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    };
  }
}
