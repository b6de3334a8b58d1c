/**
 * The customer's IP address as PortOne expects it. PortOne rate-limits verification attempts per customer
 * IP, so this must be the browser's address: behind a proxy or load balancer, enable Express's
 * `trust proxy` setting so `req.ip` comes from `X-Forwarded-For`.
 *
 * Node reports IPv4 clients on a dual-stack socket as IPv4-mapped IPv6 (`::ffff:203.0.113.7`); send the
 * plain IPv4 form.
 */
export function toCustomerIp(requestIp: string): string {
  return requestIp.startsWith('::ffff:') ? requestIp.slice('::ffff:'.length) : requestIp;
}
