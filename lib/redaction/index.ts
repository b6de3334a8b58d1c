export { MASK } from './text-patterns';
export { MAX_KEPT_TEXT_CHARS, collectSensitiveValues, scrubText } from './redact';
export { escapeControlCharacters } from './escape-control-characters';
export { HeldSecrets } from './held-secrets';
export { isSensitiveField } from './sensitive-fields';
