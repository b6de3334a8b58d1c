import {
  Body,
  ConflictException,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { ApiPortOneErrorAnswers } from '../common/error-answers';
import { ChannelKeys } from '../config/channel-keys';
import { CertificationService, PortOneApiError } from '../portone';
import {
  CertificationDeletedView,
  CertificationView,
  OtpRequestedView,
  toCertificationView,
} from './certification.view';
import { ConfirmOtpBodyDto } from './dto/confirm-otp-body.dto';
import { RequestOtpBodyDto } from './dto/request-otp-body.dto';

/**
 * PortOne V1 identity verification through the API-only OTP flow: request an SMS code, confirm it, read the
 * result, then delete it from PortOne once you have stored what you need.
 */
@ApiPortOneErrorAnswers()
@Controller('certifications')
export class CertificationController {
  constructor(
    private readonly certifications: CertificationService,
    private readonly channelKeys: ChannelKeys,
  ) {}

  /** Step 1: PortOne checks the person with the carrier and texts a code. Answers the `impUid` to confirm. */
  @Post('otp')
  @ApiCreatedResponse({ type: OtpRequestedView, description: 'the code is on its way' })
  async requestOtp(@Body() body: RequestOtpBodyDto): Promise<OtpRequestedView> {
    const { impUid } = await this.certifications.requestOtp({ ...body, channelKey: this.channelKeys.danal });
    return { impUid };
  }

  /** Step 2: the person typed the code. */
  @Post(':impUid/confirm')
  @ApiOkResponse({ type: CertificationView, description: 'certified; the person is masked' })
  @HttpCode(HttpStatus.OK)
  async confirm(
    @Param('impUid') impUid: string,
    @Body() body: ConfirmOtpBodyDto,
  ): Promise<CertificationView> {
    try {
      return toCertificationView(await this.certifications.confirmOtp(impUid, { otp: body.otp }));
    } catch (error) {
      throw await this.explainConfirmFailure(impUid, error);
    }
  }

  @Get(':impUid')
  @ApiOkResponse({ type: CertificationView })
  async get(@Param('impUid') impUid: string): Promise<CertificationView> {
    return toCertificationView(await this.certifications.get(impUid));
  }

  /** Removes the person's data from PortOne. Do it as soon as you have stored what you need. */
  @Delete(':impUid')
  @ApiOkResponse({ type: CertificationDeletedView })
  async delete(@Param('impUid') impUid: string): Promise<CertificationDeletedView> {
    await this.certifications.delete(impUid);
    return { impUid, deleted: true };
  }

  /**
   * V1 answers 400 both for a wrong code and for a request that is already confirmed, and its messages are
   * not a stable contract. Reading the record tells the two apart: an already certified one is a 409, not
   * something the person can fix by typing again.
   */
  private async explainConfirmFailure(impUid: string, error: unknown): Promise<unknown> {
    if (!(error instanceof PortOneApiError) || error.status !== 400) return error;
    const current = await this.certifications.get(impUid).catch(() => undefined);
    if (!current?.certified) return error;
    return new ConflictException({
      statusCode: HttpStatus.CONFLICT,
      error: 'Conflict',
      message: 'This certification is already confirmed.',
      portOne: { code: error.code, requestId: error.requestId },
    });
  }
}
