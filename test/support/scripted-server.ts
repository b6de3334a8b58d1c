import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

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
 * A real HTTP server on 127.0.0.1 and a free port, answering what the test scripts: for answers the
 * emulator cannot give (odd-shaped tokens, hostile bodies, tokens that expire every few milliseconds).
 * A handler that returns undefined has answered on `res` itself.
 */
export class ScriptedServer {
  readonly requests: ScriptedRequest[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server) {}

  static async start(handler: ScriptedHandler): Promise<ScriptedServer> {
    const server = createServer();
    const scripted = new ScriptedServer(server);
    server.on('connection', socket => {
      scripted.sockets.add(socket);
      socket.on('close', () => scripted.sockets.delete(socket));
    });
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
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    return scripted;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Requests to `path` (exact) so far. */
  count(path: string): number {
    return this.requests.filter(request => request.path === path).length;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
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
