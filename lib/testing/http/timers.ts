/**
 * Delayed callbacks that the emulator can cancel all at once. `close()` must not leave timers behind, or jest
 * reports open handles and waits for them.
 */
export class TimerSet {
  private readonly timers = new Set<NodeJS.Timeout>();

  /** Runs `fn` after `ms` milliseconds; synchronously when `ms` is 0, which keeps the hot path timer-free. */
  after(ms: number, fn: () => void): void {
    if (ms <= 0) {
      fn();
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  /** Cancels every pending callback. */
  clearAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
