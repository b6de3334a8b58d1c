import { Controller, HttpCode, HttpException, Inject, Post, Req, type Type } from '@nestjs/common';
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
    async receive(@Req() req: WebhookHttpRequest): Promise<WebhookAnswer['body']> {
      return respond(await this.receiver.receiveDelivery(req));
    }

    @Post('cvs-confirm')
    @HttpCode(200)
    async confirm(@Req() req: WebhookHttpRequest): Promise<WebhookAnswer['body']> {
      return respond(await this.receiver.receiveCvsConfirm(req));
    }
  }
  return PortOneWebhookController;
}

function respond(result: WebhookAnswer): WebhookAnswer['body'] {
  if (result.status === 200) return result.body;
  // HttpException is not logged by Nest's default filter: the receiver has logged the one safe line already.
  throw new HttpException(result.body, result.status);
}
