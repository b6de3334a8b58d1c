/**
 * Why a queued webhook job's attempt failed, in words safe to store in the queue (BullMQ keeps it as the
 * job's `failedReason`) and to log: the event type, the handler's name and the error's class name, never the
 * handler's error message (it may hold personal data) nor the event.
 * @publicApi
 */
export class PortOneWebhookJobError extends Error {
  override readonly name = 'PortOneWebhookJobError';

  /**
   * An attempt's failure, as the queue worker reports it.
   * @param message what failed, in safe words (no error message of the app's, no event data)
   * @param eventType the event type, when known
   * @param handler the handler that threw, when one did
   */
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
