/** Injection token of the validated options with defaults applied. @internal */
export const PORTONE_RESOLVED_OPTIONS = Symbol('PORTONE:RESOLVED_OPTIONS');
/** Injection token of the V1 API (api.iamport.kr): client and HttpService. @internal */
export const PORTONE_V1_API = Symbol('PORTONE:V1_API');
/** Injection token of the V2 API (api.portone.io): client and HttpService. @internal */
export const PORTONE_V2_API = Symbol('PORTONE:V2_API');
/** Injection token of the V1 client the services call. @internal */
export const PORTONE_V1_CLIENT = Symbol('PORTONE:V1_CLIENT');
/** Injection token of the V2 client the services call. @internal */
export const PORTONE_V2_CLIENT = Symbol('PORTONE:V2_CLIENT');

/**
 * Injection token of one registration's client for one API generation, unique in the app (the
 * `PORTONE_V1_CLIENT` / `PORTONE_V2_CLIENT` tokens repeat in every registration), so that code outside the
 * registration (the health indicator) finds the client of the registration it is asked about.
 * @internal
 */
export function portOneClientToken(api: 'v1' | 'v2', name: string | undefined): string {
  return name === undefined ? `PortOne:Client:${api}` : `PortOne:${name}:Client:${api}`;
}

/**
 * Injection token of one registration's webhook reconciler (when its `webhook.reconcile` is on), unique in the
 * app, for the health indicator's report of that registration.
 * @internal
 */
export function portOneReconcilerToken(name: string | undefined): string {
  return name === undefined ? 'PortOne:WebhookReconciler' : `PortOne:${name}:WebhookReconciler`;
}
