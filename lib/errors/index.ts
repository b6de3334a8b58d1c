export { PortOneError, type PortOneErrorDetails, type PortOneRequestSummary } from './portone.error';
export { PortOneValidationError, type PortOneValidationIssue } from './portone-validation.error';
export { PortOneApiError, type PortOneApiErrorInit } from './portone-api.error';
export { PortOneAuthError, type PortOneAuthErrorInit } from './portone-auth.error';
export { PortOneConfigurationError } from './portone-configuration.error';
export {
  PortOneNetworkError,
  PortOneTimeoutError,
  type PortOneNetworkErrorInit,
  type PortOneNetworkFailure,
} from './portone-network.error';
export { PortOneAbortedError } from './portone-aborted.error';
export {
  PortOneResponseTooLargeError,
  type PortOneResponseTooLargeErrorInit,
} from './portone-response-too-large.error';
