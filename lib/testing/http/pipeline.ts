import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../time/clock';
import { BodyTooLargeError, parseBody, readBody, splitApi, splitUrl } from './body';
import { headerValue, type HandlerResult, type PreparedResponse, type RequestContext } from './context';
import { defaultErrorBody } from './error-body';
import type { EmulatorFault, FaultRegistry } from './faults';
import type { MutableRequestRecord, RequestLog } from './request-log';
import { prepareAny, prepareJson, writeResponse } from './response';
import type { EmulatorExchange } from './exchange';
import type { TimerSet } from './timers';
import type { EmulatorCounters } from '../stats';

/**
 * Answers one API's requests. API handlers are synchronous (the emulator keeps all state in memory); only
 * control endpoints that call an app back (paying a CVS barcode) answer asynchronously.
 */
export type Dispatcher = (ctx: RequestContext) => HandlerResult | Promise<HandlerResult>;

/** What the request pipeline needs from the emulator. */
export interface PipelineDeps {
  readonly clock: Clock;
  readonly faults: FaultRegistry;
  readonly log: RequestLog;
  readonly counters: EmulatorCounters;
  readonly timers: TimerSet;
  readonly v1: Dispatcher;
  readonly v2: Dispatcher;
  readonly control: Dispatcher;
  /** Told about every response written (see `PortOneEmulatorOptions.onResponse`). */
  readonly onResponse?: (exchange: EmulatorExchange) => void;
}

/**
 * The request pipeline: read and parse the body, log the request, apply a matching fault, dispatch to the
 * API, then write the response (possibly delayed). Faults come before everything else, as a failing load
 * balancer or network would.
 */
export function createRequestListener(
  deps: PipelineDeps,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(deps, req, res).catch(() => {
      // handle() already answers every failure it can; this only guards against a bug leaving a hung socket.
      if (!res.headersSent) req.socket.destroy();
    });
  };
}

async function handle(deps: PipelineDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const receivedAt = new Date(deps.clock.nowMs());
  const startedAt = performance.now();
  const method = (req.method ?? 'GET').toUpperCase();
  const { pathname, query } = splitUrl(req.url ?? '/');
  const target = splitApi(pathname);
  deps.counters.count(target.api, method, target.path);
  const record: MutableRequestRecord = {
    api: target.api,
    method,
    path: target.path,
    query,
    headers: req.headers,
    body: undefined,
    status: undefined,
    receivedAt,
  };
  // Durations use the monotonic clock: a test may skew the emulator clock while a request is in flight.
  startTimes.set(record, startedAt);

  let raw: Buffer;
  try {
    raw = await readBody(req);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) return; // the client went away mid-body: nobody to answer
    deps.log.add(record);
    sendPrepared(deps, res, record, prepareJson({ status: 413, body: defaultErrorBody(target.api, 413) }));
    return;
  }
  const parsed = parseBody(raw, headerValue(req.headers, 'content-type'));
  record.body = parsed.value;
  deps.log.add(record);

  const fault =
    target.api !== 'emulator' && !deps.faults.isEmpty
      ? deps.faults.take(target.api, method, target.path)
      : undefined;
  if (fault && handleFault(deps, req, res, record, target.api as 'v1' | 'v2', fault)) return;

  const ctx: RequestContext = {
    api: target.api,
    method,
    path: target.path,
    query,
    headers: req.headers,
    body: parsed.value,
    bodyKind: parsed.kind,
    params: {},
  };
  let result: HandlerResult;
  try {
    result = await dispatch(deps, ctx, target.known);
  } catch {
    result = { status: 500, body: defaultErrorBody(target.api, 500) };
  }
  const response = prepareJson(result);
  // A delay-only fault holds the already-computed response: the side effects have happened, only the answer
  // is slow, exactly like a slow real server.
  deps.timers.after(fault?.delayMs ?? 0, () => {
    sendPrepared(deps, res, record, response, fault?.headers);
    result.onWritten?.(response);
  });
}

function dispatch(
  deps: PipelineDeps,
  ctx: RequestContext,
  known: boolean,
): HandlerResult | Promise<HandlerResult> {
  if (ctx.api === 'v1') return deps.v1(ctx);
  if (ctx.api === 'v2') return deps.v2(ctx);
  if (known) return deps.control(ctx);
  return { status: 404, body: { message: 'Not found. The emulator serves /v1, /v2 and /emulator.' } };
}

/** Applies a fault that answers (or drops) instead of the API. Returns false for a delay-only fault. */
function handleFault(
  deps: PipelineDeps,
  req: IncomingMessage,
  res: ServerResponse,
  record: MutableRequestRecord,
  api: 'v1' | 'v2',
  fault: EmulatorFault,
): boolean {
  const delay = fault.delayMs ?? 0;
  if (fault.dropConnection) {
    // record.status stays undefined: nothing was answered. resetAndDestroy sends a TCP RST, so the client sees
    // ECONNRESET as with a crashed proxy, not a polite close.
    deps.timers.after(delay, () => req.socket.resetAndDestroy());
    return true;
  }
  if (fault.status === undefined) return false;
  const response = prepareAny(
    fault.status,
    fault.body === undefined ? defaultErrorBody(api, fault.status) : fault.body,
  );
  deps.timers.after(delay, () => sendPrepared(deps, res, record, response, fault.headers, true));
  return true;
}

/** When each request arrived, on the monotonic clock. */
const startTimes = new WeakMap<MutableRequestRecord, number>();

function sendPrepared(
  deps: PipelineDeps,
  res: ServerResponse,
  record: MutableRequestRecord,
  response: PreparedResponse,
  extraHeaders?: Readonly<Record<string, string>>,
  injected = false,
): void {
  // A client that hung up during a delay got no answer, so its record keeps status undefined.
  if (!writeResponse(res, deps.clock, response, extraHeaders)) return;
  record.status = response.status;
  record.durationMs =
    Math.round((performance.now() - (startTimes.get(record) ?? performance.now())) * 10) / 10;
  deps.onResponse?.({
    api: record.api,
    method: record.method,
    path: record.path,
    status: response.status,
    contentType: extraHeaders?.['content-type'] ?? response.headers['content-type'] ?? '',
    body: response.payload,
    injected,
  });
}
