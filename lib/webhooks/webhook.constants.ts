/** Metadata key of `@OnPortOneWebhook()`. @internal */
export const PORTONE_WEBHOOK_HANDLER = 'portone:webhook-handler';
/** Metadata key of `@OnCvsConfirm()`. @internal */
export const PORTONE_CVS_CONFIRM_HANDLER = 'portone:cvs-confirm-handler';
/** Where the webhook routes are mounted when `webhook: {}` gives no path. */
export const DEFAULT_WEBHOOK_PATH = 'portone/webhook';
/** Largest webhook body accepted; PortOne's are a few hundred bytes. @internal */
export const MAX_WEBHOOK_BODY_BYTES = 256 * 1024;
