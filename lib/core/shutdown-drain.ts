import { PortOneShutdownError } from '../errors';
import type { RequestSlots } from './request-slots';

/**
 * A transport's shutdown (`PortOneTransport.close`): stops accepting calls, refuses the ones not yet sent
 * (waiting for a slot, a token or a retry) with `PortOneShutdownError` (`sent: false`), and waits for the
 * calls on the wire, at most `graceMs`. The transport asks it, before each send, whether shutdown started.
 * @internal
 */
export class ShutdownDrain {
  /** Aborted when shutdown starts: wakes calls sleeping between retries. */
  private readonly closing = new AbortController();
  private graceOver = false;
  private drained?: Promise<void>;

  constructor(
    private readonly slots: RequestSlots,
    private readonly graceMs: number,
  ) {}

  /** Aborts when shutdown starts. */
  get signal(): AbortSignal {
    return this.closing.signal;
  }

  get started(): boolean {
    return this.closing.signal.aborted;
  }

  /** The grace period ran out with calls still on the wire (their sockets are then destroyed). */
  get cutOff(): boolean {
    return this.graceOver;
  }

  /** Starts the shutdown once; resolves when the calls on the wire have finished, or after the grace period. */
  close(): Promise<void> {
    this.drained ??= this.drain();
    return this.drained;
  }

  private async drain(): Promise<void> {
    this.closing.abort();
    this.slots.close(() => new PortOneShutdownError({ sent: false }));
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<'grace-over'>(resolve => {
      timer = setTimeout(() => resolve('grace-over'), this.graceMs);
    });
    const outcome = await Promise.race([this.slots.whenIdle(), graceOver]);
    clearTimeout(timer);
    this.graceOver = outcome === 'grace-over';
  }
}
