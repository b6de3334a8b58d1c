/** What the benchmark's server processes report over IPC, so the parent can charge server CPU per call. */
export interface ServerCounters {
  /** process.cpuUsage() of the server process, in microseconds. */
  readonly cpuMicros: number;
  readonly connectionsOpened: number;
  readonly tokenRequests: number;
}

/** Answers `{ type: 'counters' }` messages with the server's counters. */
export function answerCounterRequests(read: () => Omit<ServerCounters, 'cpuMicros'>): void {
  process.on('message', (message: { type?: string }) => {
    if (message.type !== 'counters') return;
    const cpu = process.cpuUsage();
    process.send?.({ type: 'counters', counters: { cpuMicros: cpu.user + cpu.system, ...read() } });
  });
}
