/**
 * `nestjs-portone`: the module and its registration, the three services (V1 certifications, V1 convenience-store
 * payments, V2 identity verification) with their inputs and models, the options, the errors, the exception
 * filter and the webhook decorators.
 * @module nestjs-portone
 */
export { PortOneModule } from './portone.module';
export type {
  PortOneModuleAsyncOptions,
  PortOneModuleExtras,
  PortOneModuleForRootOptions,
  PortOneOptionsFactory,
} from './portone.module-definition';
export {
  PORTONE_MODULE_OPTIONS,
  InjectPortOne,
  InjectPortOneHttp,
  getPortOneHttpToken,
  getPortOneOptionsToken,
  getPortOneToken,
  type PortOneServiceClass,
} from './portone.tokens';
export * from './options';
export * from './errors';
export type { PortOneCallOptions, PortOneIdempotentCallOptions } from './core/call-options';
export * from './exception-filter';

export { CertificationService } from './certification/certification.service';
export {
  RequestCertificationOtpDto,
  V1_GENDER_DIGITS,
  V1_REQUEST_CARRIERS,
  V1_VERIFICATION_METHODS,
} from './certification/dto/request-certification-otp.dto';
export { ConfirmCertificationOtpDto } from './certification/dto/confirm-certification-otp.dto';
export { Certification, type V1Carrier } from './certification/models/certification.model';
export { CertificationOtpRequest } from './certification/models/certification-otp-request.model';

export { CvsService } from './cvs-payment/cvs.service';
export { IssueCvsPaymentDto } from './cvs-payment/dto/issue-cvs-payment.dto';
export {
  PortOnePayment,
  PortOnePaymentPromotion,
  type PortOnePaymentStatus,
} from './cvs-payment/models/payment.model';
export { PortOnePaymentCancellation } from './cvs-payment/models/payment-cancellation.model';
export { PortOneVbankDeposit } from './cvs-payment/models/vbank-deposit.model';
export type { PortOnePaymentPage } from './cvs-payment/models/payment-page.model';
export type {
  PortOnePaymentListStatus,
  PortOnePaymentSorting,
} from './cvs-payment/dto/list-payments-by-status.dto';
export type {
  PaymentLookupOptions,
  FindPaymentOptions,
  ListPaymentsByStatusOptions,
} from './cvs-payment/payment-lookup-options';

export * from './webhooks';

export { IdentityVerificationService } from './identity-verification/identity-verification.service';
export {
  SendIdentityVerificationDto,
  SendIdentityVerificationCustomerDto,
} from './identity-verification/dto/send-identity-verification.dto';
export { ConfirmIdentityVerificationDto } from './identity-verification/dto/confirm-identity-verification.dto';
export { PortOneStoreScopeDto } from './identity-verification/dto/store-scope.dto';
export {
  ListIdentityVerificationsDto,
  IdentityVerificationFilterDto,
  IdentityVerificationCustomerFilterDto,
  IdentityVerificationSortDto,
  PortOnePageInputDto,
} from './identity-verification/dto/list-identity-verifications.dto';
export * from './identity-verification/identity-verification.enums';
export * from './identity-verification/identity-verification-errors';
export {
  ReadyIdentityVerification,
  VerifiedIdentityVerification,
  FailedIdentityVerification,
  UnrecognizedIdentityVerification,
  isUnrecognizedIdentityVerification,
  type IdentityVerification,
  type IdentityVerificationPage,
} from './identity-verification/models/identity-verification.model';
export {
  PortOneSelectedChannel,
  IdentityVerificationRequestedCustomer,
  IdentityVerificationVerifiedCustomer,
  IdentityVerificationFailure,
  PortOnePageInfo,
} from './identity-verification/models/identity-verification-parts.model';
