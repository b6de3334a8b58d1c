import { IsNotEmpty, IsOptional, IsString } from 'class-validator';

/** Chooses the store of a call (`get`, `resend`). @publicApi */
export class PortOneStoreScopeDto {
  /** Store; defaults to the module's `v2.storeId`, then to the store of the API secret. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  storeId?: string;
}
