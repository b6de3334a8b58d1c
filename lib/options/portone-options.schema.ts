import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

// class-validator rules for PortOneModuleOptions. Kept apart from the public interface so that the
// interface stays a plain type an app can write by hand or build in a ConfigService factory.
// `require_tld: false` lets baseUrl point at the emulator on 127.0.0.1 or localhost.
const URL_RULES = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/** @internal */
export class V1OptionsSchema {
  @IsString()
  @IsNotEmpty()
  apiKey!: string;

  @IsString()
  @IsNotEmpty()
  apiSecret!: string;

  @IsOptional()
  @IsUrl(URL_RULES)
  baseUrl?: string;

  @IsOptional()
  @Matches(/^[A-Z0-9]{3}$/, { message: 'tierCode must be 3 upper-case letters or digits' })
  tierCode?: string;
}

/** @internal */
export class V2OptionsSchema {
  @IsString()
  @IsNotEmpty()
  apiSecret!: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  storeId?: string;

  @IsOptional()
  @IsUrl(URL_RULES)
  baseUrl?: string;

  @IsOptional()
  @IsIn(['secret', 'token'])
  auth?: 'secret' | 'token';
}

/** @internal */
export class RetryOptionsSchema {
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  maxRetries?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  baseDelayMs?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  maxDelayMs?: number;
}

/** @internal */
export class PortOneOptionsSchema {
  @IsOptional()
  @ValidateNested()
  @Type(() => V1OptionsSchema)
  v1?: V1OptionsSchema;

  @IsOptional()
  @ValidateNested()
  @Type(() => V2OptionsSchema)
  v2?: V2OptionsSchema;

  @IsOptional()
  @IsInt()
  @Min(1)
  timeoutMs?: number;

  @IsOptional()
  @ValidateIf((_, value) => value !== false)
  @ValidateNested()
  @Type(() => RetryOptionsSchema)
  retry?: RetryOptionsSchema | false;

  @IsOptional()
  @IsInt()
  @Min(1)
  maxSockets?: number;
}
