import type { LoggerService } from '@nestjs/common';
import { escapeControlCharacters } from '../redaction';

type LogMethod = 'log' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal';

/**
 * Wraps the app's logger so that every message the module logs has its control characters escaped: text
 * that came from PortOne (a message, an id) can then neither forge a second log line nor send terminal
 * escape sequences. Only the message is touched; further arguments (context, stack) pass as they are.
 * @internal
 */
export class EscapingLogger implements LoggerService {
  constructor(private readonly target: LoggerService) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.forward('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.forward('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.forward('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.forward('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.forward('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.forward('fatal', message, rest);
  }

  private forward(method: LogMethod, message: unknown, rest: unknown[]): void {
    const safe = typeof message === 'string' ? escapeControlCharacters(message) : message;
    // debug, verbose and fatal are optional on a LoggerService; fall back to log rather than dropping.
    if (this.target[method]) this.target[method](safe, ...rest);
    else this.target.log(safe, ...rest);
  }
}
