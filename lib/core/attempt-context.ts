import type { InternalAxiosRequestConfig } from 'axios';

/**
 * What the auth interceptors need to know about one attempt. It rides on the axios config under the
 * `portone` key (axios keeps unknown config keys through mergeConfig), so no global axios types are augmented.
 * @internal
 */
export interface AttemptContext {
  /** A token request: the auth interceptors leave it alone (fetching a token never recurses). */
  readonly skipAuth?: boolean;
  /** Set once the attempt was replayed after a 401, so a second 401 is not replayed again. */
  authReplayed?: boolean;
  /** The credential this attempt carried, so a 401 invalidates exactly that one. */
  usedCredential?: string;
  /** Called before the credential is fetched and right before sending; throws to send nothing (shutdown). */
  readonly beforeSend?: () => void;
}

/** @internal */
export type PortOneAxiosConfig = InternalAxiosRequestConfig & { portone?: AttemptContext };
