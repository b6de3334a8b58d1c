import { Body, Controller, Get, HttpCode, HttpStatus, Ip, Param, Post, Query } from '@nestjs/common';
import { toCustomerIp } from '../common/client-ip';
import { ChannelKeys } from '../config/channel-keys';
import { ApiOkResponse, ApiCreatedResponse } from '@nestjs/swagger';
import { ApiPortOneErrorAnswers } from '../common/error-answers';
import { IdentityVerificationService } from '../portone';
import { ConfirmVerificationBodyDto } from './dto/confirm-verification-body.dto';
import { ListVerificationsQueryDto } from './dto/list-verifications-query.dto';
import { SendVerificationBodyDto } from './dto/send-verification-body.dto';
import {
  IdentityVerificationPageView,
  IdentityVerificationView,
  toIdentityVerificationView,
} from './identity-verification.view';

/**
 * PortOne V2 identity verification (본인인증) without the browser SDK: send a code to the person's phone,
 * then confirm it with the code they type in.
 *
 * The `:id` is chosen by your server. In a real app, create it per signed-in user and keep it in their
 * session, so one user cannot confirm or read another user's verification.
 */
@ApiPortOneErrorAnswers()
@Controller('identity-verifications')
export class IdentityVerificationController {
  constructor(
    private readonly identityVerifications: IdentityVerificationService,
    private readonly channelKeys: ChannelKeys,
  ) {}

  /** Step 1: PortOne asks the carrier to text a code to the person. */
  @Post(':id/send')
  @ApiCreatedResponse({ type: IdentityVerificationView, description: 'the code is on its way' })
  async send(
    @Param('id') id: string,
    @Body() body: SendVerificationBodyDto,
    @Ip() ip: string,
  ): Promise<IdentityVerificationView> {
    await this.identityVerifications.send(id, {
      channelKey: this.channelKeys.danal,
      customer: { ...body.customer, ipAddress: toCustomerIp(ip) },
      operator: body.operator,
      method: body.method,
    });
    return { id, status: 'READY' };
  }

  /** Step 2: the person typed the code. Answers the verified record, masked. */
  @Post(':id/confirm')
  @ApiOkResponse({ type: IdentityVerificationView, description: 'verified; the person is masked' })
  @HttpCode(HttpStatus.OK)
  async confirm(
    @Param('id') id: string,
    @Body() body: ConfirmVerificationBodyDto,
  ): Promise<IdentityVerificationView> {
    const verified = await this.identityVerifications.confirm(id, { otp: body.otp });
    // This is where your app would save verified.verifiedCustomer.ci / .di with the user (see the view file).
    return toIdentityVerificationView(verified);
  }

  /** The code did not arrive or expired: text a new one. */
  @Post(':id/resend')
  @ApiOkResponse({ type: IdentityVerificationView, description: 'a new code is on its way' })
  @HttpCode(HttpStatus.OK)
  async resend(@Param('id') id: string): Promise<IdentityVerificationView> {
    await this.identityVerifications.resend(id);
    return { id, status: 'READY' };
  }

  @Get(':id')
  @ApiOkResponse({ type: IdentityVerificationView })
  async get(@Param('id') id: string): Promise<IdentityVerificationView> {
    return toIdentityVerificationView(await this.identityVerifications.get(id));
  }

  /** Newest first, in the module's defaults (the last 90 days) unless `from`/`until` say otherwise. */
  @Get()
  @ApiOkResponse({ type: IdentityVerificationPageView })
  async list(@Query() query: ListVerificationsQueryDto): Promise<IdentityVerificationPageView> {
    const { items, page } = await this.identityVerifications.list({
      filter: {
        statuses: query.status && [query.status],
        from: query.from,
        until: query.until,
      },
      page: { number: query.page, size: query.size },
    });
    return { items: items.map(toIdentityVerificationView), page };
  }
}
