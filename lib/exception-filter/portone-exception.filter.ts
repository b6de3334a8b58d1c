import { Catch, Logger, Optional, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { PortOneError } from '../errors';
import { toPortOneErrorResponse } from './portone-error-response';

/** What Express's `res` and Fastify's `reply` both offer. */
interface ReplyLike {
  status(code: number): { send(body: unknown): unknown };
}

/**
 * Turns every `PortOneError` into the HTTP answer an API in front of PortOne should give (see
 * `toPortOneErrorResponse` for the table): 400 with the field list for invalid input, 404, 409 for records in
 * the wrong state, 502 when PortOne or the PG failed, 504 on timeouts, 500 for this server's misconfiguration.
 * Bodies carry PortOne's error type and request id for support, never a secret or personal data. Answers of
 * 500 and above are logged with the error's redacted `toJSON()`.
 *
 * Opt in globally with `{ provide: APP_FILTER, useClass: PortOneExceptionFilter }` in a module, or
 * `app.useGlobalFilters(new PortOneExceptionFilter(app.get(HttpAdapterHost)))`. Works with Express and Fastify.
 * Only HTTP contexts are answered; in others (RPC, WebSockets, GraphQL) the error is thrown on unchanged.
 * @publicApi
 */
@Catch(PortOneError)
export class PortOneExceptionFilter implements ExceptionFilter<PortOneError> {
  private readonly logger = new Logger('PortOneExceptionFilter');

  /** The adapter host lets the filter answer on Express and Fastify alike; Nest passes it to an `APP_FILTER`. */
  constructor(@Optional() private readonly adapterHost?: HttpAdapterHost) {}

  catch(error: PortOneError, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const body = toPortOneErrorResponse(error);
    // Server-side problems need someone to look at them. toJSON() is the module's redacted view: safe to log,
    // and it keeps the details the client does not get.
    if (body.statusCode >= 500) this.logger.error(error.message, JSON.stringify(error.toJSON()));
    const response: unknown = host.switchToHttp().getResponse();
    const adapter = this.adapterHost?.httpAdapter;
    if (adapter) adapter.reply(response, body, body.statusCode);
    else (response as ReplyLike).status(body.statusCode).send(body);
  }
}
