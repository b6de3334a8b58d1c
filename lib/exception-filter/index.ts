export { PortOneExceptionFilter } from './portone-exception.filter';
export { toPortOneErrorResponse, type PortOneErrorResponseBody } from './portone-error-response';
