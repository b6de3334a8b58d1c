import { normalizeIp } from '../options/resolve-webhook-receiver-options';
import { nodeRequestOf, type WebhookHttpRequest } from './webhook-request';

/**
 * The caller's address. With `trustedProxyHops` 0 it is the socket's peer and `X-Forwarded-For` is ignored
 * (anyone can write that header). With N trusted proxies, each appended the address it saw, so the N-th
 * entry from the right is the one the outermost trusted proxy received the request from.
 * @internal
 */
export function sourceIpOf(req: WebhookHttpRequest, trustedProxyHops: number): string | undefined {
  const peer = nodeRequestOf(req).socket?.remoteAddress ?? req.socket?.remoteAddress;
  if (trustedProxyHops === 0) return peer && normalizeIp(peer);
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map(part => part.trim())
    .filter(part => part !== '');
  const index = hops.length - trustedProxyHops;
  // Fewer entries than trusted proxies: the request did not come through them all. Fail closed.
  return index >= 0 ? normalizeIp(hops[index]) : undefined;
}
