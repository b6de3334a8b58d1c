/**
 * A node:http server that answers every benchmark request with a body captured from the emulator, fixed in
 * advance: next to no work per request, so the clients' own costs are what the benchmark measures. Paths
 * match with or without the /v1 and /v2 prefixes (the official SDK calls the origin). Idle keep-alive
 * sockets live 120 s, longer than any gap in the benchmark.
 *
 * Env FIXED_BODIES: JSON { token, certification, identityVerification, send } (raw response bodies).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerCounterRequests } from './server-protocol';

interface FixedBodies {
  token: string;
  certification: string;
  identityVerification: string;
  send: string;
}

const bodies = JSON.parse(process.env.FIXED_BODIES ?? '') as FixedBodies;
let connectionsOpened = 0;
let tokenRequests = 0;

function bodyFor(method: string, path: string): string | undefined {
  if (method === 'POST' && path.endsWith('/users/getToken')) {
    tokenRequests++;
    return bodies.token;
  }
  if (method === 'GET' && path.includes('/certifications/')) return bodies.certification;
  if (method === 'POST' && path.endsWith('/send')) return bodies.send;
  if (method === 'GET' && path.includes('/identity-verifications/')) return bodies.identityVerification;
  return undefined;
}

const server = createServer((req, res) => {
  // Drain the request body (POSTs) before answering, as a real server does.
  req.resume();
  req.on('end', () => {
    const path = (req.url ?? '').split('?')[0];
    const body = bodyFor(req.method ?? '', path);
    if (body === undefined) {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end('{"type":"NOT_FOUND","message":"no route"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 120_000;
server.on('connection', () => connectionsOpened++);
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  answerCounterRequests(() => ({ connectionsOpened, tokenRequests }));
  process.send?.({ origin: `http://127.0.0.1:${port}` });
});
process.on('disconnect', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
