import { Expose } from 'class-transformer';

/**
 * The answer to an OTP request: the id of the pending certification, to confirm with the OTP.
 * @publicApi
 */
export class CertificationOtpRequest {
  /** PortOne's certification id. */
  @Expose({ name: 'imp_uid' }) impUid!: string;
}
