export { MASK, redact, collectSensitiveValues, scrubText } from './redact';
export { isSensitiveField } from './sensitive-fields';
