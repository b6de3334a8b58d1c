import { isIP } from 'node:net';

/**
 * Whether a host name stays on this machine: `localhost`, 127.0.0.0/8 and ::1 (also written long-hand or
 * IPv4-mapped). Only such hosts may be called over cleartext `http:` (the emulator), and calls to them never
 * go through a proxy. Names under `.localhost` are not trusted: not every resolver keeps them on loopback.
 * @internal
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
  if (host === 'localhost') return true;
  const family = isIP(host);
  if (family === 4) return host.startsWith('127.');
  if (family !== 6) return false;
  // WHATWG URL parsing canonicalises IPv6: 0:0:0:0:0:0:0:1 -> ::1, ::ffff:127.0.0.1 -> ::ffff:7f00:1.
  const canonical = new URL(`http://[${host}]`).hostname.slice(1, -1);
  return canonical === '::1' || /^::ffff:7f[0-9a-f]{2}:/.test(canonical);
}
