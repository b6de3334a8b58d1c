import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A node:http server on 127.0.0.1 and an ephemeral port, that keeps count of its connections. */
export interface LoopbackServer {
  readonly server: Server;
  readonly origin: string;
  /** Connections accepted so far. */
  readonly accepted: number;
  /** Connections currently open. */
  readonly open: ReadonlySet<Socket>;
  /** Resolves once no connection is open, or rejects after `withinMs`. */
  allClosed(withinMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startLoopbackServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<LoopbackServer> {
  const server = createServer(handler);
  const open = new Set<Socket>();
  let accepted = 0;
  server.on('connection', socket => {
    accepted += 1;
    open.add(socket);
    socket.on('close', () => open.delete(socket));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    origin: `http://127.0.0.1:${port}`,
    get accepted() {
      return accepted;
    },
    open,
    allClosed: (withinMs = 5_000) => waitUntil(() => open.size === 0, withinMs, 'every connection closed'),
    close: () =>
      new Promise<void>(resolve => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
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
