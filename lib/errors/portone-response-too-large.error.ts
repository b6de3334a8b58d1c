import type { PortOneErrorDetails } from './portone.error';
import { PortOneNetworkError } from './portone-network.error';

/** Details of an answer that was too large to read. */
export interface PortOneResponseTooLargeErrorInit extends PortOneErrorDetails {
  readonly status?: number;
  /** The bound that was crossed (`maxResponseBytes`). */
  readonly limitBytes: number;
  /** Which bytes crossed it: as received on the wire, or after decompression. */
  readonly measured: 'received' | 'decompressed';
}

/**
 * PortOne's answer (or whatever answered in its place) was larger than `maxResponseBytes`, counted as
 * received or after decompression. Reading stopped there and the connection was closed, so a huge body or
 * a compression bomb cannot exhaust the process's memory. Not retryable: the same call gets the same answer.
 * @publicApi
 */
export class PortOneResponseTooLargeError extends PortOneNetworkError {
  /** The bound that was crossed, in bytes. */
  readonly limitBytes: number;
  readonly measured: 'received' | 'decompressed';

  /** @internal The module throws these; apps catch them and read the fields. */
  constructor(message: string, init: PortOneResponseTooLargeErrorInit) {
    super(message, { ...init, failure: 'invalid-response' });
    this.limitBytes = init.limitBytes;
    this.measured = init.measured;
  }

  protected override describe(): Record<string, unknown> {
    return { ...super.describe(), limitBytes: this.limitBytes, measured: this.measured };
  }
}
