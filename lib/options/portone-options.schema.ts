import { Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  IsArray,
  IsBoolean,
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
import { MAX_TIMER_MS } from '../core/max-timer';
import { messages } from '../errors/messages';

// class-validator rules for PortOneModuleOptions. Kept apart from the public interface so that the
// interface stays a plain type an app can write by hand or build in a ConfigService factory.
// `require_tld: false` lets baseUrl point at the emulator on 127.0.0.1 or localhost.
const URL_RULES = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/** A pool larger than this is a typo, not a plan; PortOne rate-limits long before. */
const MAX_SOCKETS = 10_000;

/** @internal */
class V1OptionsSchema {
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
  @Matches(/^[A-Z0-9]{3}$/, { message: messages.rules.tierCode })
  tierCode?: string;

  @IsOptional()
  @IsBoolean()
  includeSandbox?: boolean;
}

/** @internal */
class V2OptionsSchema {
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

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  webhookSecrets?: string[];
}

/** @internal */
class RetryOptionsSchema {
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  maxRetries?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_TIMER_MS)
  baseDelayMs?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_TIMER_MS)
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
  @Max(MAX_TIMER_MS)
  timeoutMs?: number;

  @IsOptional()
  @ValidateIf((_, value) => value !== false)
  @ValidateNested()
  @Type(() => RetryOptionsSchema)
  retry?: RetryOptionsSchema | false;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_SOCKETS)
  maxSockets?: number;

  @IsOptional()
  @IsInt()
  @Min(1024)
  @Max(1024 * 1024 * 1024)
  maxResponseBytes?: number;

  /** Checked by `resolveModuleOptions` (a boolean or a LoggerService); listed so it is a known key. */
  @Allow()
  logger?: unknown;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_TIMER_MS)
  shutdownGraceMs?: number;
}
