import axios, { type AxiosInstance } from 'axios';
import { setInstanceDefaults } from './instance-defaults';
import { createUndiciAdapter } from './undici/undici-adapter';

/** @internal */
export interface AxiosInstanceSettings {
  readonly baseURL: string;
  readonly timeoutMs: number;
  readonly maxSockets: number;
  readonly maxResponseBytes: number;
}

/** An axios instance of the module's own, with the keep-alive pools it owns. @internal */
export interface OwnedAxiosInstance {
  readonly axios: AxiosInstance;
  /** Closes the pooled sockets; called when the Nest app shuts down. */
  destroy(): Promise<void>;
}

/**
 * Builds a dedicated axios instance (never the process-global default) whose requests go out through
 * undici keep-alive pools (see `createUndiciAdapter`), so consecutive calls reuse TLS connections and each
 * attempt is bounded in time and size. The app's global axios and its other instances keep their adapter
 * and defaults; none of the global defaults reach this instance.
 * @internal
 */
export function createAxiosInstance(settings: AxiosInstanceSettings): OwnedAxiosInstance {
  const instance = axios.create();
  const transport = createUndiciAdapter(settings, () => instance);
  setInstanceDefaults(instance, {
    baseURL: settings.baseURL,
    timeoutMs: settings.timeoutMs,
    adapter: transport.adapter,
  });
  return { axios: instance, destroy: () => transport.close() };
}
