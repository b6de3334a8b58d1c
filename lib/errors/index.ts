// The `*Init` constructor types stay in their files: they describe what the module passes when it throws,
// which apps never do.
export { PortOneError, type PortOneErrorDetails, type PortOneRequestSummary } from './portone.error';
export { PortOneValidationError, type PortOneValidationIssue } from './portone-validation.error';
export { PortOneApiError } from './portone-api.error';
export { PortOneAuthError } from './portone-auth.error';
export { PortOneConfigurationError } from './portone-configuration.error';
export {
  PortOneNetworkError,
  PortOneTimeoutError,
  type PortOneNetworkFailure,
} from './portone-network.error';
export { PortOneAbortedError } from './portone-aborted.error';
export { PortOneResponseTooLargeError } from './portone-response-too-large.error';
export { PortOneShutdownError } from './portone-shutdown.error';
