/** Injection token of the validated options with defaults applied. @internal */
export const PORTONE_RESOLVED_OPTIONS = Symbol('PORTONE:RESOLVED_OPTIONS');
/** Injection token of the V1 API client (api.iamport.kr). @internal */
export const PORTONE_V1_CLIENT = Symbol('PORTONE:V1_CLIENT');
/** Injection token of the V2 API client (api.portone.io). @internal */
export const PORTONE_V2_CLIENT = Symbol('PORTONE:V2_CLIENT');
