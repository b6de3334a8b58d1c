import { SetMetadata } from '@nestjs/common';
import { PORTONE_CVS_CONFIRM_HANDLER } from '../webhook.constants';

/**
 * Marks the method that decides whether a convenience store may take a CVS payment (PortOne's `confirm_url`
 * call). It receives a {@link CvsConfirmRequest} and returns (or resolves to) `true` to allow, `false` to
 * refuse. Throwing, or taking longer than `webhookReceiver.confirmDeadlineMs`, refuses. Without such a
 * handler every payment is allowed, as PortOne does without `confirm_url`. At most one per app.
 * @publicApi
 */
export function OnCvsConfirm(): MethodDecorator {
  return SetMetadata(PORTONE_CVS_CONFIRM_HANDLER, true);
}
