import { SetMetadata } from '@nestjs/common';
import { PORTONE_CVS_CONFIRM_HANDLER } from '../webhook.constants';
import type { PortOneWebhookHandlerOptions } from './on-portone-webhook.decorator';

/** The metadata `@OnCvsConfirm()` leaves on a method. @internal */
export interface CvsConfirmHandlerMetadata {
  /** Only this registration's confirm calls; undefined: those of every registration without its own. */
  readonly registration?: string;
}

/**
 * Marks the method that decides whether a convenience store may take a CVS payment (PortOne's `confirm_url`
 * call). It receives a {@link CvsConfirmRequest} and returns (or resolves to) `true` to allow, `false` to
 * refuse. Throwing, or taking longer than `webhookReceiver.confirmDeadlineMs`, refuses. Without such a
 * handler every payment is allowed, as PortOne does without `confirm_url`.
 *
 * One per registration: `@OnCvsConfirm({ registration: 'agency' })` answers the confirm calls of the
 * registration named `agency`; `@OnCvsConfirm()` those of every registration that has none of its own
 * (`request.registration` names it). Two for the same registration, or two without one, stop the boot.
 * @publicApi
 */
export function OnCvsConfirm(options: PortOneWebhookHandlerOptions = {}): MethodDecorator {
  const metadata: CvsConfirmHandlerMetadata = { registration: options.registration };
  return SetMetadata(PORTONE_CVS_CONFIRM_HANDLER, metadata);
}
