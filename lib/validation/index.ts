export { IsJsonObject, IsStringOrObject } from './is-string-or-object.decorator';
export { ToDate } from './to-date.decorator';
