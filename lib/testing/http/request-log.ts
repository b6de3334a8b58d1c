import type { IncomingHttpHeaders } from 'node:http';
import type { ApiName } from './context';

/** One request the emulator received. */
export interface EmulatorRequestRecord {
  /** `v1`, `v2`, or `emulator` (the control endpoints, and any path outside /v1 and /v2). */
  readonly api: ApiName;
  /** Upper-case HTTP method. */
  readonly method: string;
  /** API-relative path without the query string, e.g. `/users/getToken`. */
  readonly path: string;
  /** Parsed query string; a repeated name becomes an array. */
  readonly query: Readonly<Record<string, string | string[]>>;
  /** Request headers, names lower-case. */
  readonly headers: Readonly<IncomingHttpHeaders>;
  /** Parsed JSON, a form object, a raw string, or undefined when there was no body. */
  readonly body: unknown;
  /** The status answered, or undefined while pending and for a dropped connection. */
  readonly status: number | undefined;
  /** When the request arrived, on the emulator clock. */
  readonly receivedAt: Date;
  /** Milliseconds from arrival to the answer being written; undefined until then. */
  readonly durationMs?: number;
}

/** Selects requests for {@link PortOneEmulator.countRequests}. Omitted fields match anything. */
export interface EmulatorRequestFilter {
  api?: ApiName;
  /** Case-insensitive. */
  method?: string;
  /** Exact API-relative path, or a RegExp tested against it. */
  path?: string | RegExp;
}

/** A record the pipeline fills in as the request progresses. */
export type MutableRequestRecord = { -readonly [K in keyof EmulatorRequestRecord]: EmulatorRequestRecord[K] };

/** The request log: an append-only array, so logging costs O(1) per request. */
export class RequestLog {
  private records: MutableRequestRecord[] = [];

  constructor(private readonly enabled: boolean) {}

  /** Appends a record (no-op when logging is off). */
  add(record: MutableRequestRecord): void {
    if (this.enabled) this.records.push(record);
  }

  /** All records in arrival order. */
  get all(): ReadonlyArray<EmulatorRequestRecord> {
    return this.records;
  }

  /** Forgets every record. Records already handed out stay intact: a new array is started. */
  clear(): void {
    this.records = [];
  }

  /** Counts records matching the filter. */
  count(filter: EmulatorRequestFilter = {}): number {
    const method = filter.method?.toUpperCase();
    let n = 0;
    for (const record of this.records) {
      if (filter.api !== undefined && record.api !== filter.api) continue;
      if (method !== undefined && record.method !== method) continue;
      if (filter.path !== undefined && !pathMatches(filter.path, record.path)) continue;
      n++;
    }
    return n;
  }
}

function pathMatches(pattern: string | RegExp, path: string): boolean {
  if (typeof pattern === 'string') return pattern === path;
  pattern.lastIndex = 0;
  return pattern.test(path);
}
