import type { Clock } from './clock';

interface Task {
  readonly dueMs: number;
  readonly seq: number;
  readonly run: () => unknown;
  /** Survives `clear()`: the deadline of a call in flight, which must still end. */
  readonly survivesReset: boolean;
}

interface InFlight {
  readonly promise: Promise<unknown>;
  readonly startedAtRealMs: number;
}

/** setTimeout's limit (about 24.8 days); later tasks re-arm when this fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * How long, in real time, `advance` lets an app answer a webhook call before it moves emulator time past the
 * call. Apps under test answer in milliseconds; one that has not answered after this long is treated as hung,
 * and its connect/read timeout (in emulator time) fires if the advance reaches it. Generous because the
 * machines tests run on are often loaded.
 */
export const ANSWER_GRACE_MS = 2000;

/**
 * Work the emulator has to do at a given emulator time: webhook retries and the connect/read deadlines of calls
 * in flight. Tasks run when real time reaches them (a timer armed for the earliest one) or when a test moves
 * the clock past them ({@link Agenda.advance}), in due order. Also tracks work in flight (webhook calls) so an
 * advance lets the app answer before time moves on.
 */
export class Agenda {
  private tasks: Task[] = [];
  private readonly inFlight = new Set<InFlight>();
  private timer: NodeJS.Timeout | undefined;
  private seq = 0;
  private advancing: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly clock: Clock) {}

  /**
   * Runs `run` at emulator time `dueMs` (at once when due already). Returns a function that cancels it.
   * `survivesReset`: the task is not dropped by {@link clear} (the deadline of a call in flight).
   */
  at(dueMs: number, run: () => unknown, survivesReset = false): () => void {
    const task: Task = { dueMs, seq: this.seq++, run, survivesReset };
    this.tasks.push(task);
    this.tasks.sort((a, b) => a.dueMs - b.dueMs || a.seq - b.seq);
    this.arm();
    return () => {
      const index = this.tasks.indexOf(task);
      if (index >= 0) this.tasks.splice(index, 1);
      this.arm();
    };
  }

  /** Records work in flight until it settles, so {@link advance} waits for it (within {@link ANSWER_GRACE_MS}). */
  track<T>(promise: Promise<T>): Promise<T> {
    const entry: InFlight = { promise, startedAtRealMs: Date.now() };
    this.inFlight.add(entry);
    const forget = (): void => void this.inFlight.delete(entry);
    promise.then(forget, forget);
    return promise;
  }

  /** How many tasks are waiting. */
  get pending(): number {
    return this.tasks.length;
  }

  /**
   * Moves the clock forward by `ms` (the advanced time grows by exactly that), running every task that falls due on the way, each at its own time, in
   * order; after each, lets the calls it started answer (see {@link ANSWER_GRACE_MS}) so the retries they
   * schedule are run too when they fall within the advance. Concurrent advances run one after the other.
   */
  advance(ms: number): Promise<void> {
    const run = this.advancing.then(async () => {
      const targetSeconds = this.clock.advancedSeconds + ms / 1000;
      // Real time passes during the advance; the target moves with it, as the clock does.
      const targetMs = (): number => this.clock.nowMs() + (targetSeconds - this.clock.advancedSeconds) * 1000;
      await this.settle();
      for (;;) {
        const next = this.tasks[0];
        if (!next || next.dueMs > targetMs()) break;
        this.tasks.shift();
        this.clock.moveTo(next.dueMs);
        this.start(next);
        await this.settle();
      }
      this.clock.advanceTo(targetSeconds);
      this.arm();
    });
    this.advancing = run.catch(() => undefined);
    return run;
  }

  /** Cancels every task but the deadlines of calls in flight (reset). */
  clear(): void {
    this.tasks = this.tasks.filter(task => task.survivesReset);
    this.arm();
  }

  /** Stops for good: calls in flight end now (their deadlines run), nothing else runs after close. */
  close(): void {
    this.closed = true;
    const deadlines = this.tasks.filter(task => task.survivesReset);
    this.tasks = [];
    this.arm();
    for (const deadline of deadlines) deadline.run();
  }

  private start(task: Task): void {
    const result = task.run();
    if (result instanceof Promise) this.track(result).catch(() => undefined);
  }

  /** Runs the tasks real time has reached. */
  private runDue(): void {
    this.timer = undefined;
    const now = this.clock.nowMs();
    while (this.tasks.length > 0 && this.tasks[0].dueMs <= now) this.start(this.tasks.shift()!);
    this.arm();
  }

  /** Waits until the calls in flight answered, or until each has had its grace in real time. */
  private async settle(): Promise<void> {
    // Let calls that just started register and callbacks that just resolved run first.
    await new Promise(resolve => setImmediate(resolve));
    const realNow = Date.now();
    const young = [...this.inFlight].filter(f => f.startedAtRealMs + ANSWER_GRACE_MS > realNow);
    if (young.length === 0) return;
    const graceLeft = Math.max(...young.map(f => f.startedAtRealMs + ANSWER_GRACE_MS - realNow));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled(young.map(f => f.promise)),
      new Promise(resolve => (timer = setTimeout(resolve, graceLeft))),
    ]);
    clearTimeout(timer);
    // What settled may have scheduled follow-ups or started new calls: settle those too.
    if (young.some(f => this.inFlight.has(f)) === false && this.inFlight.size > 0) await this.settle();
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.closed || this.tasks.length === 0) return;
    const delay = Math.min(Math.max(this.tasks[0].dueMs - this.clock.nowMs(), 0), MAX_TIMER_MS);
    this.timer = setTimeout(() => this.runDue(), delay);
    // The emulator's server keeps a standalone process alive; a test process must be free to exit.
    this.timer.unref();
  }
}
