/**
 * The answer to an OTP request: the id of the pending certification, to confirm with the OTP.
 * @publicApi
 */
export class CertificationOtpRequest {
  /** PortOne's certification id. */
  impUid!: string;
}
