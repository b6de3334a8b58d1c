import type { BeforeApplicationShutdown, OnApplicationShutdown } from '@nestjs/common';
import type { ClassConstructor } from 'class-transformer';
import { PortOneConfigurationError } from '../errors';
import { messages } from '../errors/messages';
import { collectSensitiveValues } from '../redaction';
import type { CallStatistics } from '../observability/call-statistics';
import type { PortOneIdempotentCallOptions } from './call-options';
import { idempotencyHeader } from './idempotency-key';
import type { CallScope, Operation, PathParams } from './operation';
import type { PortOneTransport, TransportRequest, TransportResult } from './transport';
import { validateInput, validatePathParam } from './validate-input';

/**
 * The services' handle on one PortOne API generation: `call` turns a declared operation and the caller's
 * arguments into one transport request. When the generation is not configured, every call rejects with
 * `PortOneConfigurationError` naming the missing option, and nothing is sent.
 * @internal
 */
export class PortOneClient implements BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    readonly api: 'v1' | 'v2',
    private readonly transport: PortOneTransport | undefined,
    /** What the health indicator reads: the last calls and token fetches. Undefined when not configured. */
    readonly statistics?: CallStatistics,
    /** V2: the store used when a call does not name one. */
    private readonly defaultStoreId?: string,
  ) {}

  /**
   * Calls a declared operation: checks the path parameters and the input DTO, fills the default store,
   * builds the query or body, adds the Idempotency-Key, collects the sensitive values, and sends it.
   */
  async call<TPath extends string, TInput, TResult>(
    operation: Operation<TPath, TInput, TResult>,
    params: PathParams<TPath>,
    input: TInput | undefined,
    options?: PortOneIdempotentCallOptions,
  ): Promise<TResult> {
    const transport = this.configured(operation.name);
    const path = buildPath(operation.pathParts, params);
    const dto = operation.input
      ? (validateInput(operation.input as ClassConstructor<object>, input) as TInput)
      : (undefined as TInput);
    const payload = await transport.request(this.toRequest(operation, path, dto, options));
    return (operation.map ? payload : undefined) as TResult;
  }

  /**
   * Sends a token request (V1 getToken, V2 login or refresh) and resolves to its model. `credential` says
   * what PortOne refuses when it answers 401 (`the API key or secret`): see `TransportRequest.tokenCredential`.
   * The input is the module's own credentials, checked when the options were resolved.
   */
  async requestToken<TInput, TResult>(
    operation: Operation<string, TInput, TResult>,
    input: TInput,
    credential: string,
  ): Promise<TResult> {
    const transport = this.configured(operation.name);
    const request = this.toRequest(operation, operation.path, input, undefined);
    return (await transport.request({ ...request, tokenCredential: credential })) as TResult;
  }

  private toRequest<TPath extends string, TInput, TResult>(
    operation: Operation<TPath, TInput, TResult>,
    path: string,
    dto: TInput,
    options: PortOneIdempotentCallOptions | undefined,
  ): TransportRequest {
    const scope: CallScope = {
      storeId: (dto as { storeId?: string } | undefined)?.storeId ?? this.defaultStoreId,
    };
    return {
      operation: operation.name,
      method: operation.method,
      path,
      urlTemplate: operation.urlTemplate,
      params: operation.query?.(dto, scope),
      data: operation.body?.(dto, scope),
      headers:
        operation.idempotency === 'key'
          ? { 'Idempotency-Key': idempotencyHeader(options?.idempotencyKey) }
          : undefined,
      retrySafe: operation.idempotency !== 'none',
      sensitiveValues: sensitiveValuesAt(dto, operation.sensitivePaths),
      options,
      // Mapped inside the attempt, so that an answer that is not what the type promises is a typed failure.
      map: operation.map,
    };
  }

  /** Sends a request that is not a declared operation (the injectable HttpService's). */
  exchange(request: TransportRequest): Promise<TransportResult> {
    return this.configured(request.operation).exchange(request);
  }

  /** Shutdown, step 1: refuse new calls, let the ones on the wire finish (bounded by `shutdownGraceMs`). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.transport?.close();
  }

  /** Shutdown, step 2: close the sockets (cutting off whatever outlived the grace period). */
  async onApplicationShutdown(): Promise<void> {
    // Also reached without step 1 (a module closed on its own): the drain still comes first.
    await this.transport?.close();
    await this.transport?.destroy();
  }

  private configured(operation: string): PortOneTransport {
    if (this.transport) return this.transport;
    const problem = messages.apiNotConfigured(operation, this.api);
    throw new PortOneConfigurationError([problem], problem);
  }
}

/** Fills the template's parameters, each validated and URL-encoded, so an id like `a/b?c` cannot change the endpoint. */
function buildPath(parts: readonly string[], params: Readonly<Record<string, string>>): string {
  let path = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    path += encodeURIComponent(validatePathParam(parts[i], params[parts[i]])) + parts[i + 1];
  }
  return path;
}

/** The values at the declared sensitive paths, in the form the redaction module scrubs. */
function sensitiveValuesAt(input: unknown, paths: readonly (readonly string[])[]): string[] {
  if (paths.length === 0) return [];
  const fields = paths.map(path => ({
    [path[path.length - 1]]: path.reduce<unknown>(
      (value, key) =>
        typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined,
      input,
    ),
  }));
  return collectSensitiveValues(fields);
}
