import { messages } from './messages';
import { PortOneError } from './portone.error';

/**
 * The module's options are invalid (thrown while the app boots, listing every problem), or a service was
 * called whose API generation is not configured (e.g. `CertificationService` without `v1`).
 * @publicApi
 */
export class PortOneConfigurationError extends PortOneError {
  /** Every problem found, one sentence each. */
  readonly problems: readonly string[];

  /**
   * The module throws this while the app boots; an app may throw it too, for options of its own.
   * @param problems every problem found, one sentence each
   * @param message defaults to `Invalid PortOneModule options: <problems>`
   */
  constructor(problems: readonly string[], message: string = messages.invalidOptions(problems)) {
    super(message, { retryable: false });
    this.problems = problems;
  }

  protected override describe(): Record<string, unknown> {
    return { problems: this.problems };
  }
}
