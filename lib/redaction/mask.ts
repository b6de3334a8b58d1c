/** What a masked value is replaced with. @internal */
export const MASK = '[REDACTED]';
