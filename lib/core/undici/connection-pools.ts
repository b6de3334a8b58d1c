import type { Agent, Dispatcher } from 'undici';
import { isLoopbackHost } from '../loopback';
import { loadUndici } from './load-undici';

const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'] as const;

/**
 * The keep-alive socket pools of one axios instance (one module registration, one API host), created on the
 * first request.
 *
 * Proxies: when `HTTPS_PROXY`/`HTTP_PROXY` (either case) is set as the first request is made, calls go
 * through undici's `EnvHttpProxyAgent`, which honours `NO_PROXY` and reaches an `https:` API through a
 * CONNECT tunnel, so TLS runs end to end between this process and PortOne and the proxy sees only the host
 * name. Loopback hosts (the emulator) are always reached directly. `ALL_PROXY` and `npm_config_*_proxy` are
 * not read.
 * @internal
 */
export class ConnectionPools {
  private direct?: Dispatcher;
  /** null: no proxy variable was set. */
  private proxied?: Dispatcher | null;
  private closed = false;

  constructor(private readonly maxSockets: number) {}

  /** The dispatcher for a request to `hostname`, or undefined once the pools were closed. */
  dispatcherFor(hostname: string): Dispatcher | undefined {
    if (this.closed) return undefined;
    if (this.proxied === undefined) this.open();
    return this.proxied && !isLoopbackHost(hostname) ? this.proxied : this.direct;
  }

  /** Closes every socket now (requests still in flight fail); later requests are refused. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([this.direct?.destroy(), this.proxied?.destroy()]);
  }

  private open(): void {
    const { Agent, EnvHttpProxyAgent } = loadUndici();
    const options: Agent.Options = {
      connections: this.maxSockets,
      // The adapter runs one wall-clock deadline over the whole attempt; undici's per-phase timers
      // (which tick at about 1 s) would only fire later, with errors of their own.
      headersTimeout: 0,
      bodyTimeout: 0,
    };
    this.direct = new Agent(options);
    this.proxied = PROXY_VARIABLES.some(name => process.env[name]) ? new EnvHttpProxyAgent(options) : null;
  }
}
