import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxDate,
  Min,
  MinDate,
  ValidateNested,
} from 'class-validator';
import { ToDate } from '../../validation';
import {
  PORTONE_GENDERS,
  IDENTITY_VERIFICATION_OPERATORS,
  IDENTITY_VERIFICATION_STATUSES,
  IDENTITY_VERIFICATION_TIME_FIELDS,
  PORTONE_VERSIONS,
  PORTONE_SORT_ORDERS,
  type PortOneGender,
  type IdentityVerificationOperator,
  type IdentityVerificationStatus,
  type IdentityVerificationTimeField,
  type PortOnePgCompany,
  type PortOnePgProvider,
  type PortOneVersion,
  type PortOneSortOrder,
} from '../identity-verification.enums';
import { messages } from '../../errors/messages';

/** RFC 3339 needs a four-digit year; nothing PortOne stores predates 1970. */
const EARLIEST = new Date('1970-01-01T00:00:00Z');
const LATEST = new Date('9999-12-31T23:59:59Z');

/** PortOne declares paging fields as int32. */
const INT32_MAX = 2_147_483_647;

/** Which page to read (0-based). @publicApi */
export class PortOnePageInputDto {
  /** Page number, from 0. @default 0 */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT32_MAX)
  number?: number;

  /** Items per page. @default 10 */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(INT32_MAX)
  size?: number;
}

/** How `IdentityVerificationService.list` orders its items: by which time, newest or oldest first. @publicApi */
export class IdentityVerificationSortDto {
  /** @default 'REQUESTED_AT' */
  @IsOptional()
  @IsIn(IDENTITY_VERIFICATION_TIME_FIELDS)
  by?: IdentityVerificationTimeField;

  /** @default 'DESC' */
  @IsOptional()
  @IsIn(PORTONE_SORT_ORDERS)
  order?: PortOneSortOrder;
}

/** Matches the requested customer of unverified records and the verified customer of verified ones. @publicApi */
export class IdentityVerificationCustomerFilterDto {
  @IsOptional() @IsString() @IsNotEmpty() name?: string;
  @IsOptional() @Matches(/^\d{4}$/, { message: messages.rules.filterBirthYear }) birthYear?: string;
  @IsOptional()
  @Matches(/^(0?[1-9]|1[0-2])$/, { message: messages.rules.filterBirthMonth })
  birthMonth?: string;
  @IsOptional()
  @Matches(/^(0?[1-9]|[12]\d|3[01])$/, { message: messages.rules.filterBirthDay })
  birthDay?: string;
  @IsOptional() @Matches(/^\d+$/, { message: messages.rules.filterPhoneNumber }) phoneNumber?: string;
  @IsOptional() @IsIn(PORTONE_GENDERS) gender?: PortOneGender;
}

/** Filters of `IdentityVerificationService.list`; all optional. @publicApi */
export class IdentityVerificationFilterDto {
  /** Store to search; defaults to the module's `v2.storeId`. Without either, the whole merchant is searched. */
  @IsOptional() @IsString() @IsNotEmpty() storeId?: string;
  /** Which timestamp `from`/`until` apply to. @default 'REQUESTED_AT' */
  @IsOptional() @IsIn(IDENTITY_VERIFICATION_TIME_FIELDS) timeRangeField?: IdentityVerificationTimeField;
  /** @default 90 days before `until` */
  @IsOptional() @ToDate() @IsDate() @MinDate(EARLIEST) @MaxDate(LATEST) from?: Date;
  /** @default now */
  @IsOptional() @ToDate() @IsDate() @MinDate(EARLIEST) @MaxDate(LATEST) until?: Date;
  /** Only this identity-verification id (for V1-era records: the imp_uid). */
  @IsOptional() @IsString() @IsNotEmpty() identityVerificationId?: string;
  /** Only this PortOne attempt id. */
  @IsOptional() @IsString() @IsNotEmpty() identityVerificationTxId?: string;
  /** Only test-channel (true) or live (false) verifications. */
  @IsOptional() @IsBoolean() isTest?: boolean;
  /** Empty means every status. */
  @IsOptional()
  @IsArray()
  @IsIn(IDENTITY_VERIFICATION_STATUSES, { each: true })
  statuses?: IdentityVerificationStatus[];
  /** Only this PG transaction id. */
  @IsOptional() @IsString() @IsNotEmpty() pgTxId?: string;
  /** Only this PG merchant id (MID). */
  @IsOptional() @IsString() @IsNotEmpty() pgMerchantId?: string;
  /** Only these PG providers. */
  @IsOptional() @IsArray() @IsString({ each: true }) pgProviders?: PortOnePgProvider[];
  /** Only these PG companies. */
  @IsOptional() @IsArray() @IsString({ each: true }) pgCompanies?: PortOnePgCompany[];
  /** Only these carriers. */
  @IsOptional()
  @IsArray()
  @IsIn(IDENTITY_VERIFICATION_OPERATORS, { each: true })
  carriers?: IdentityVerificationOperator[];
  /** Only records created through this API generation. */
  @IsOptional() @IsIn(PORTONE_VERSIONS) version?: PortOneVersion;
  /** Only records of this person. */
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => IdentityVerificationCustomerFilterDto)
  customer?: IdentityVerificationCustomerFilterDto;
}

/** Paging, sorting and filters of `IdentityVerificationService.list`. @publicApi */
export class ListIdentityVerificationsDto {
  @IsOptional() @IsObject() @ValidateNested() @Type(() => PortOnePageInputDto) page?: PortOnePageInputDto;
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => IdentityVerificationSortDto)
  sort?: IdentityVerificationSortDto;
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => IdentityVerificationFilterDto)
  filter?: IdentityVerificationFilterDto;
}
