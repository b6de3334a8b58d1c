import { messages } from './messages';
import { PortOneError, type PortOneErrorDetails } from './portone.error';

/** Details of a call the module's shutdown ended. */
export interface PortOneShutdownErrorInit extends Omit<PortOneErrorDetails, 'retryable'> {
  /**
   * Whether the request had reached PortOne. `false`: nothing was sent, so the call can be made again by
   * another instance (`retryable` is true). `true`: it was on the wire when the shutdown grace period ran
   * out, so PortOne may or may not have done it (`retryable` is false: check before repeating it).
   */
  readonly sent: boolean;
}

/**
 * The Nest app is shutting down: the module stopped accepting calls (`sent: false`, nothing left the
 * process), or a call still on the wire was cut off when the grace period (`shutdownGraceMs`) ran out
 * (`sent: true`, outcome unknown).
 * @publicApi
 */
export class PortOneShutdownError extends PortOneError {
  readonly sent: boolean;

  /** @internal The module throws these; apps catch them and read the fields. */
  constructor(init: PortOneShutdownErrorInit) {
    super(init.sent ? messages.shutdownCutOff(init.request) : messages.shutdownNotSent(init.request), {
      ...init,
      retryable: !init.sent,
    });
    this.sent = init.sent;
  }

  protected override describe(): Record<string, unknown> {
    return { sent: this.sent };
  }
}
