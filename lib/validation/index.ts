export { validateInput, validatePathParam } from './validate-input';
export { IsStringOrObject, toJsonString } from './is-string-or-object.decorator';
export { validateCallOptions } from './validate-call-options';
export { ToDate } from './to-date.decorator';
