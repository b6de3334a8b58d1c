export type { PortOneCallOptions, PortOneIdempotentCallOptions } from './call-options.interface';
