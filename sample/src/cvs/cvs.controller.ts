import { Body, Controller, Delete, Param, Post, Req } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { ApiPortOneErrorAnswers } from '../common/error-answers';
import { ChannelKeys } from '../config/channel-keys';
import { OrdersService } from '../orders/orders.service';
import { CvsService } from '../portone';
import { CvsPaymentView, toCvsPaymentView } from './cvs-payment.view';
import { IssueBarcodeBodyDto } from './dto/issue-barcode-body.dto';

/** The parts of the HTTP request the controller reads (Express and Fastify both have them). */
interface IncomingRequest {
  readonly protocol: string;
  readonly headers: { readonly host?: string };
}

/** Where the module receives PortOne's calls (see `webhook` in app.module.ts). */
export const WEBHOOK_PATH = 'portone/webhook';

/**
 * Convenience-store barcode payments (Galaxia): issue one for an order, or revoke it while it is unpaid.
 * PortOne then calls this app back: `confirm_url` before the store takes the money, `notice_url` once paid
 * (handled in cvs-payment.events.ts).
 */
@ApiPortOneErrorAnswers()
@Controller('cvs')
export class CvsController {
  constructor(
    private readonly cvs: CvsService,
    private readonly channelKeys: ChannelKeys,
    private readonly orders: OrdersService,
    private readonly config: ConfigService,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: CvsPaymentView, description: 'the barcode to show the buyer' })
  async issue(@Body() body: IssueBarcodeBodyDto, @Req() req: IncomingRequest): Promise<CvsPaymentView> {
    const webhookUrl = `${this.publicUrl(req)}/${WEBHOOK_PATH}`;
    const payment = await this.cvs.issue({
      ...body,
      channelKey: this.channelKeys.galaxia,
      confirmUrl: `${webhookUrl}/cvs-confirm`,
      noticeUrl: [webhookUrl],
    });
    this.orders.awaitPayment(payment.merchantUid, payment.amount, payment.impUid);
    return toCvsPaymentView(payment);
  }

  /** Only an unpaid barcode can be revoked; revoking it twice, or after payment, answers 409. */
  @Delete(':impUid')
  @ApiOkResponse({ type: CvsPaymentView, description: 'revoked' })
  async revoke(@Param('impUid') impUid: string): Promise<CvsPaymentView> {
    const payment = await this.cvs.revoke(impUid);
    this.orders.cancel(payment.merchantUid);
    return toCvsPaymentView(payment);
  }

  /**
   * Where PortOne reaches this app: APP_PUBLIC_URL in production (PortOne must reach it from the internet);
   * otherwise the address this request came to, which is right for the emulator on this machine.
   */
  private publicUrl(req: IncomingRequest): string {
    const configured = this.config.get<string>('APP_PUBLIC_URL');
    if (configured) return configured.replace(/\/+$/, '');
    return `${req.protocol}://${req.headers.host ?? '127.0.0.1'}`;
  }
}
