import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createPortOneTestApp, type PortOneTestApp } from './portone-test-app';

/** What a scripted handler answers; a string body is sent as it is, anything else as JSON. */
export interface ScriptedAnswer {
  readonly status?: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** One request the server received. */
export interface ScriptedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: unknown;
}

export type ScriptedHandler = (
  request: ScriptedRequest,
  res: ServerResponse,
) => ScriptedAnswer | undefined | Promise<ScriptedAnswer | undefined>;

/**
 * The tests' one fake PortOne that is not the emulator: a real `node:http` server on 127.0.0.1 and a free
 * port, answering what the test scripts, for answers the emulator cannot give (odd-shaped tokens, hostile
 * bodies, tokens that expire every few milliseconds, redirects, answers past maxResponseBytes). It keeps
 * count of its connections. A handler that returns undefined has answered on `res` itself.
 */
export class ScriptedServer {
  readonly requests: ScriptedRequest[] = [];
  /** Connections currently open. */
  readonly open = new Set<Socket>();
  private acceptedCount = 0;

  private constructor(readonly server: Server) {
    server.on('connection', socket => {
      this.acceptedCount += 1;
      this.open.add(socket);
      socket.on('close', () => this.open.delete(socket));
    });
  }

  /** Answers each request, read whole and parsed as JSON when it is, with what `handler` returns. */
  static async start(handler: ScriptedHandler): Promise<ScriptedServer> {
    const server = createServer();
    const scripted = new ScriptedServer(server);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const request: ScriptedRequest = {
          method: req.method ?? 'GET',
          path: url.pathname,
          headers: req.headers,
          body: text === '' ? undefined : safeJson(text),
        };
        scripted.requests.push(request);
        void Promise.resolve(handler(request, res)).then(answer => {
          if (!answer || res.writableEnded) return;
          const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? {});
          res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
          res.end(body);
        });
      });
    });
    return scripted.listen();
  }

  /** Hands each request to `handler` as node:http gives it (body unread, not recorded in `requests`). */
  static startRaw(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<ScriptedServer> {
    return new ScriptedServer(createServer(handler)).listen();
  }

  private async listen(): Promise<this> {
    await new Promise<void>(resolve => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Connections accepted so far. */
  get accepted(): number {
    return this.acceptedCount;
  }

  /** Resolves once no connection is open, or rejects after `withinMs`. */
  allClosed(withinMs = 5_000): Promise<void> {
    return waitUntil(() => this.open.size === 0, withinMs, 'every connection closed');
  }

  /** Requests to `path` (exact) so far. */
  count(path: string): number {
    return this.requests.filter(request => request.path === path).length;
  }

  async close(): Promise<void> {
    for (const socket of this.open) socket.destroy();
    await new Promise<void>(resolve => this.server.close(() => resolve()));
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** A V1 `getToken` answer: the token lives `lifetimeSeconds` on the server's clock. */
export function v1TokenAnswer(token: string, lifetimeSeconds = 1800): ScriptedAnswer {
  const now = Math.floor(Date.now() / 1000);
  return {
    body: {
      code: 0,
      message: null,
      response: { access_token: token, now, expired_at: now + lifetimeSeconds },
    },
  };
}

/**
 * A scripted PortOne for both API generations, with an app using it (no retries): V1 `getToken` answers
 * `<name>-token`, every other request whatever `next` holds at the time. The credentials are
 * `<name>-key`, `<name>-secret` (V1) and `<name>-v2-secret`.
 */
export interface ScriptedPortOne {
  readonly server: ScriptedServer;
  readonly app: PortOneTestApp;
  next: ScriptedAnswer;
  close(): Promise<void>;
}

/** A valid V1 OTP request for a scripted PortOne (its answer is scripted; the body only has to pass validation). */
export function scriptedOtpRequest() {
  return {
    name: '홍길동',
    phone: '01012345678',
    birth: '900101',
    genderDigit: '1' as const,
    carrier: 'SKT' as const,
    channelKey: 'channel-key-1',
  };
}

/** A valid CVS barcode issue for a scripted PortOne. */
export function scriptedCvsIssue() {
  return { channelKey: 'channel-key-1', merchantUid: 'order-1', amount: 1000 };
}

export async function startScriptedPortOne(name: string): Promise<ScriptedPortOne> {
  const server = await ScriptedServer.start(request =>
    request.path === '/users/getToken' ? v1TokenAnswer(`${name}-token`) : scripted.next,
  );
  const app = await createPortOneTestApp({
    v1: { apiKey: `${name}-key`, apiSecret: `${name}-secret`, baseUrl: server.baseUrl },
    v2: { apiSecret: `${name}-v2-secret`, baseUrl: server.baseUrl, storeId: 'store-1' },
    retry: false,
  });
  const scripted: ScriptedPortOne = {
    server,
    app,
    next: {},
    close: async () => {
      await app.close();
      await server.close();
    },
  };
  return scripted;
}

/** Polls `condition` every 10 ms; rejects naming `what` after `withinMs`. */
export async function waitUntil(condition: () => boolean, withinMs: number, what: string): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${withinMs} ms waiting for: ${what}`);
    await new Promise(resolve => setTimeout(resolve, 10));
  }
}

/** Reads a request body as text. */
export function readRequestBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
