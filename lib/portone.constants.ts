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
/** Injection token of the webhook reconciler (when `webhook.reconcile` is on), for the health indicator. @internal */
export const PORTONE_WEBHOOK_RECONCILER = Symbol('PORTONE:WEBHOOK_RECONCILER');
