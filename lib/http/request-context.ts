import type { InternalAxiosRequestConfig } from 'axios';
import type { PortOneRequestSummary } from '../errors';

/**
 * What the module's interceptors need to know about one request. It rides on the axios config under the
 * `portone` key (axios keeps unknown config keys through mergeConfig), so no global axios types are augmented.
 * @internal
 */
export interface PortOneRequestContext {
  readonly summary: PortOneRequestSummary;
  /** The token request itself: the auth interceptors leave it alone. */
  readonly skipAuth?: boolean;
  /** Set once the call was replayed after a 401, so a second 401 is not replayed again. */
  authReplayed?: boolean;
  /** The credential this attempt carried, so a 401 invalidates exactly that one. */
  usedCredential?: string;
}

/** @internal */
export type PortOneRequestConfig = InternalAxiosRequestConfig & { portone?: PortOneRequestContext };
