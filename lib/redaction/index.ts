export { MASK, collectSensitiveValues, scrubText } from './redact';
export { isSensitiveField } from './sensitive-fields';
