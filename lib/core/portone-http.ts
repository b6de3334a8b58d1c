import './nest-axios-guard';
import { HttpService } from '@nestjs/axios';
import axios, { AxiosHeaders, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import { PortOneValidationError } from '../errors';
import { messages } from '../errors/messages';
import type { PortOneClient } from './portone-client';

/** Methods that change nothing; other requests are retried only when they carry an Idempotency-Key. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The injectable `HttpService` of one API generation, for endpoints the module does not wrap. Its axios
 * instance hands every request to the module's transport (through a custom `adapter`), so the request gets
 * the module's authentication, timeouts, retries, logging and typed errors. Paths are relative to the API's
 * base URL; the answer's `data` is PortOne's body as sent (V1: the whole `{ code, message, response }`).
 * @internal
 */
export function createPortOneHttpService(client: PortOneClient): HttpService {
  return new HttpService(axios.create({ adapter: config => forward(client, config) }));
}

async function forward(client: PortOneClient, config: InternalAxiosRequestConfig): Promise<AxiosResponse> {
  const url = config.url ?? '';
  // An absolute URL would carry the module's credentials to another host.
  if (!url.startsWith('/') || url.startsWith('//')) {
    throw new PortOneValidationError('url', [
      { field: 'url', rules: ['isRelativePath'], messages: [messages.input.urlNotAPath] },
    ]);
  }
  const method = (config.method ?? 'get').toUpperCase();
  const headers = AxiosHeaders.from(config.headers).toJSON(true);
  // The path alone names the request in errors and logs; a query written into the url joins `params`.
  const [path, query] = url.split('?', 2);
  const params = { ...Object.fromEntries(new URLSearchParams(query)), ...(config.params as object) };
  const { response } = await client.exchange({
    operation: 'HttpService',
    method,
    path,
    // Only the first segment: the rest may hold ids, which telemetry must never record.
    urlTemplate: path.replace(/^(\/[^/]*)\/.*$/, '$1/{path}'),
    params,
    data: config.data,
    headers,
    retrySafe: SAFE_METHODS.has(method) || config.headers.has('Idempotency-Key'),
    options: { timeoutMs: config.timeout || undefined, signal: config.signal as AbortSignal | undefined },
  });
  return {
    data: response.data,
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
    config,
    request: response.request as unknown,
  };
}
