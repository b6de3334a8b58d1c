import { Controller, HttpCode, HttpException, Inject, Post, Req, Res, type Type } from '@nestjs/common';
import type { WebhookAnswer } from './http/webhook-answer';
import type { WebhookHttpRequest } from './http/webhook-request';
import { WebhookReceiver } from './webhook-receiver.service';

/**
 * A controller class mounted at `path` (each registration gets its own, since Nest reads the path from the
 * class). The routes take the raw request so that the body can be read before any framework pipe touches it.
 * @internal
 */
export function createWebhookController(path: string): Type<unknown> {
  @Controller(path)
  class PortOneWebhookController {
    constructor(@Inject(WebhookReceiver) private readonly receiver: WebhookReceiver) {}

    @Post()
    @HttpCode(200)
    async receive(
      @Req() req: WebhookHttpRequest,
      @Res({ passthrough: true }) res: HeaderSettable,
    ): Promise<WebhookAnswer['body']> {
      return respond(await this.receiver.receiveDelivery(req), res);
    }

    @Post('cvs-confirm')
    @HttpCode(200)
    async confirm(
      @Req() req: WebhookHttpRequest,
      @Res({ passthrough: true }) res: HeaderSettable,
    ): Promise<WebhookAnswer['body']> {
      return respond(await this.receiver.receiveCvsConfirm(req), res);
    }
  }
  return PortOneWebhookController;
}

/** Express's `res.header(name, value)` and Fastify's `reply.header(name, value)` alike. */
interface HeaderSettable {
  header(name: string, value: string): unknown;
}

function respond(result: WebhookAnswer, res: HeaderSettable): WebhookAnswer['body'] {
  for (const [name, value] of Object.entries(result.headers ?? {})) res.header(name, value);
  if (result.status === 200) return result.body;
  // HttpException is not logged by Nest's default filter: the receiver has logged the one safe line already.
  throw new HttpException(result.body, result.status);
}
