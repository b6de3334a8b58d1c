import { messages } from './messages';
import { PortOneError } from './portone.error';

/** One field that failed validation. */
export interface PortOneValidationIssue {
  /** Dotted path of the field, e.g. `customer.phoneNumber`. */
  readonly field: string;
  /** The rules it broke, by class-validator constraint name (e.g. `matches`, `isIn`). */
  readonly rules: readonly string[];
  /** Human-readable sentence per rule. Never contains the rejected value. */
  readonly messages: readonly string[];
}

/**
 * Input (a DTO or a path parameter) broke a rule of PortOne's contract. Thrown before any request is sent.
 * @publicApi
 */
export class PortOneValidationError extends PortOneError {
  /** Every failing field with the rules it broke. */
  readonly issues: readonly PortOneValidationIssue[];
  /** The DTO or parameter that was checked, e.g. `RequestCertificationOtpDto`. */
  readonly target: string;

  /** @internal The module throws these; apps catch them and read the fields. */
  constructor(target: string, issues: readonly PortOneValidationIssue[]) {
    super(messages.invalidInput(target, issues), { retryable: false });
    this.target = target;
    this.issues = issues;
  }

  protected override describe(): Record<string, unknown> {
    return { target: this.target, issues: this.issues };
  }
}
