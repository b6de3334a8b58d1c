/**
 * Why a queued webhook job's attempt failed, in words safe to store in the queue (BullMQ keeps it as the
 * job's `failedReason`) and to log: the event type, the handler's name and the error's class name, never the
 * handler's error message (it may hold personal data) nor the event.
 * @publicApi
 */
export class PortOneWebhookJobError extends Error {
  override readonly name = 'PortOneWebhookJobError';

  constructor(
    message: string,
    /** The event type, when known (a V1 notice's is known once PortOne was read). */
    readonly eventType?: string,
    /** `ClassName.method` of the handler that threw. */
    readonly handler?: string,
  ) {
    super(message);
  }
}
