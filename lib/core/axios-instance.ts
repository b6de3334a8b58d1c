import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import axios, { type AxiosInstance } from 'axios';

/** @internal */
export interface AxiosInstanceSettings {
  readonly baseURL: string;
  readonly timeoutMs: number;
  readonly maxSockets: number;
}

/** An axios instance of the module's own, with the keep-alive agents it owns. @internal */
export interface OwnedAxiosInstance {
  readonly axios: AxiosInstance;
  /** Closes the pooled sockets; called when the Nest app shuts down. */
  destroy(): void;
}

/**
 * Builds a dedicated axios instance (never the process-global default) with keep-alive socket pools, so
 * consecutive calls reuse TLS connections instead of paying a handshake each time.
 * @internal
 */
export function createAxiosInstance(settings: AxiosInstanceSettings): OwnedAxiosInstance {
  const agentOptions = { keepAlive: true, maxSockets: settings.maxSockets, scheduling: 'lifo' as const };
  const httpAgent = new HttpAgent(agentOptions);
  const httpsAgent = new HttpsAgent(agentOptions);
  const instance = axios.create({
    baseURL: settings.baseURL,
    timeout: settings.timeoutMs,
    httpAgent,
    httpsAgent,
    // PortOne never redirects API calls; 0 also skips the follow-redirects wrapper on every request.
    maxRedirects: 0,
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    // Report timeouts as ETIMEDOUT rather than the ambiguous ECONNABORTED.
    transitional: { clarifyTimeoutError: true },
  });
  return {
    axios: instance,
    destroy: () => {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
