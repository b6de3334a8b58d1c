import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { PortOneError } from '../portone';
import { toPortOneErrorBody } from './portone-error-response';

/**
 * Turns every error the PortOne module throws into an HTTP answer (see `toPortOneErrorBody` for the mapping).
 * Without it, Nest would answer 500 for all of them, including the client's own mistakes.
 *
 * Registered with `APP_FILTER` in `AppModule`, so it also applies in tests that boot `AppModule`.
 */
@Catch(PortOneError)
export class PortOneExceptionFilter implements ExceptionFilter<PortOneError> {
  private readonly logger = new Logger(PortOneExceptionFilter.name);

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(error: PortOneError, host: ArgumentsHost): void {
    const body = toPortOneErrorBody(error);
    // Server-side problems need someone to look at them. toJSON() is the module's redacted view: safe to log,
    // and it keeps the details the client does not get. (The module's own logger already records every call.)
    if (body.statusCode >= 500) this.logger.error(error.message, JSON.stringify(error.toJSON()));
    const { httpAdapter } = this.adapterHost;
    httpAdapter.reply(host.switchToHttp().getResponse(), body, body.statusCode);
  }
}
