import * as http from 'node:http';
import * as https from 'node:https';
import type { Agenda } from '../time/agenda';
import type { Clock } from '../time/clock';

/** One outgoing webhook request. */
export interface OutgoingWebhook {
  readonly url: string;
  readonly contentType: string;
  readonly body: string;
  /** Extra headers for one attempt (V2 signs each attempt with the time it is sent). */
  readonly headers?: (signedAt: Date) => Readonly<Record<string, string>>;
}

/**
 * How long one attempt may take, in emulator milliseconds: PortOne's connect and read timeouts and, for V1
 * re-sends, a limit on the whole call.
 */
export interface AttemptTimeouts {
  readonly connectMs: number;
  readonly readMs: number;
  readonly totalMs?: number;
}

/** What one attempt got: the app's status, or the network error when there was no answer. */
export interface AttemptAnswer {
  readonly status?: number;
  /** `ECONNREFUSED`, `connect timeout`, `read timeout`, `timeout`, … */
  readonly error?: string;
}

/**
 * POSTs one webhook. The timeouts run on the emulator clock (as tasks on the agenda), so a test that moves the
 * clock past them times the call out without waiting. Never rejects: a refused connection or a timeout is an
 * answer without a status, which is what PortOne records too. Redirects are not followed.
 */
export function postWebhook(
  request: OutgoingWebhook,
  timeouts: AttemptTimeouts,
  clock: Clock,
  agenda: Agenda,
  signedAt: Date,
): Promise<AttemptAnswer> {
  return agenda.track(
    new Promise<AttemptAnswer>(resolve => {
      const cancels: Array<() => void> = [];
      let settled = false;
      const finish = (answer: AttemptAnswer): void => {
        if (settled) return;
        settled = true;
        for (const cancel of cancels) cancel();
        resolve(answer);
      };
      const url = new URL(request.url);
      const client = url.protocol === 'https:' ? https : http;
      const body = Buffer.from(request.body);
      const req = client.request(url, {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': request.contentType,
          'content-length': String(body.length),
          'user-agent': 'nestjs-portone-emulator',
          ...request.headers?.(signedAt),
        },
      });
      const giveUp = (reason: string) => (): void => {
        finish({ error: reason });
        req.destroy();
      };
      const startMs = clock.nowMs();
      const cancelConnect = agenda.at(startMs + timeouts.connectMs, giveUp('connect timeout'), true);
      cancels.push(cancelConnect);
      if (timeouts.totalMs !== undefined)
        cancels.push(agenda.at(startMs + timeouts.totalMs, giveUp('timeout'), true));
      const connected = (): void => {
        cancelConnect();
        cancels.push(agenda.at(clock.nowMs() + timeouts.readMs, giveUp('read timeout'), true));
      };
      req.on('socket', socket => {
        if (socket.connecting) socket.once('connect', connected);
        else connected();
      });
      req.on('response', response => {
        // The answer's body means nothing to PortOne: drain it so the call completes.
        response.resume();
        response.on('end', () => finish({ status: response.statusCode }));
        response.on('error', () => finish({ status: response.statusCode }));
      });
      req.on('error', (error: NodeJS.ErrnoException) => finish({ error: error.code ?? error.name }));
      req.end(body);
    }),
  );
}
