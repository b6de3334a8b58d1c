import type { Attributes } from '@opentelemetry/api';
import { PortOneApiError, PortOneNetworkError } from '../../errors';
import type { ObservedCall } from '../call-observer';

/** Where an API lives, as OpenTelemetry's `server.*` attributes want it. @internal */
export interface ServerAddress {
  readonly address: string;
  readonly port: number;
}

/** @internal */
export function serverAddressOf(baseUrl: string): ServerAddress {
  const url = new URL(baseUrl);
  const port = url.port ? Number(url.port) : url.protocol === 'http:' ? 80 : 443;
  return { address: url.hostname, port };
}

/**
 * Attributes known when a call starts, after OpenTelemetry's HTTP client conventions: the method, the
 * server, and `url.template` (never the real path, which holds ids), plus what PortOne call this is.
 * @internal
 */
export function callAttributes(call: ObservedCall, server: ServerAddress): Attributes {
  return {
    'http.request.method': call.method,
    'server.address': server.address,
    'server.port': server.port,
    'url.template': call.urlTemplate,
    'portone.api': call.api,
    'portone.operation': call.operation,
  };
}

/**
 * `error.type` for a failure: PortOne's V2 error type when it gave one (`IDENTITY_VERIFICATION_NOT_FOUND`),
 * else the HTTP status (the convention's choice for HTTP errors), else the network failure (`timeout`,
 * `connection`, `invalid-response`), else the error class.
 * @internal
 */
export function errorTypeOf(error: Error): string {
  if (error instanceof PortOneApiError && typeof error.type === 'string') return error.type;
  const status = (error as { status?: unknown }).status;
  if (typeof status === 'number') return String(status);
  if (error instanceof PortOneNetworkError) return error.failure;
  return error.name;
}

/** The attributes of a failure: its type, class and whether repeating the call may help. @internal */
export function errorAttributes(error: Error): Attributes {
  return {
    'error.type': errorTypeOf(error),
    'portone.error.class': error.name,
    'portone.error.retryable': (error as { retryable?: boolean }).retryable === true,
  };
}
