import { Body, Controller, Delete, Param, Post } from '@nestjs/common';
import { ChannelKeys } from '../config/channel-keys';
import { CvsService } from '../portone';
import { toCvsPaymentView, type CvsPaymentView } from './cvs-payment.view';
import { IssueBarcodeBodyDto } from './dto/issue-barcode-body.dto';

/** Convenience-store barcode payments (Galaxia): issue one, or revoke it while it is unpaid. */
@Controller('cvs')
export class CvsController {
  constructor(
    private readonly cvs: CvsService,
    private readonly channelKeys: ChannelKeys,
  ) {}

  @Post()
  async issue(@Body() body: IssueBarcodeBodyDto): Promise<CvsPaymentView> {
    const payment = await this.cvs.issue({ ...body, channelKey: this.channelKeys.galaxia });
    return toCvsPaymentView(payment);
  }

  /** Only an unpaid barcode can be revoked; revoking it twice, or after payment, answers 409. */
  @Delete(':impUid')
  async revoke(@Param('impUid') impUid: string): Promise<CvsPaymentView> {
    return toCvsPaymentView(await this.cvs.revoke(impUid));
  }
}
