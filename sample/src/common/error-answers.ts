import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { PortOneErrorResponseBody } from '../portone';

/** Nest's own error answer (`NotFoundException`, `ConflictException`…): what the sample throws itself. */
export class HttpErrorAnswer {
  @ApiProperty({ example: 404 })
  statusCode!: number;

  @ApiProperty({ example: 'Not Found', description: "the status's reason phrase" })
  error!: string;

  @ApiProperty({ example: 'No order order-1' })
  message!: string;
}

/** Nest's ValidationPipe answer: the request body or query broke the sample's DTO rules. */
export class InvalidRequestAnswer {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({ example: 'Bad Request' })
  error!: string;

  @ApiProperty({ type: [String], example: ['otp must be a string'] })
  message!: string[];
}

/** One broken field of a `PortOneValidationError`: its name and rules, never its value. */
export class PortOneIssueAnswer {
  @ApiProperty({ example: 'customer.phoneNumber' })
  field!: string;

  @ApiProperty({ type: [String], example: ['matches'] })
  rules!: string[];
}

type PortOneErrorDetails = PortOneErrorResponseBody['portOne'];

/** What `PortOneExceptionFilter` says about PortOne's side of a failure. */
export class PortOneErrorDetailsAnswer implements PortOneErrorDetails {
  @ApiPropertyOptional({ example: 'IDENTITY_VERIFICATION_NOT_FOUND', description: 'V2 error type' })
  type?: string;

  @ApiPropertyOptional({ example: -1, description: 'V1 envelope code' })
  code?: number;

  @ApiPropertyOptional({ description: "V2 PG_PROVIDER only: the PG's own code (e.g. a wrong OTP)" })
  pgCode?: string;

  @ApiPropertyOptional({ description: "PortOne's request id, to quote in a support ticket" })
  requestId?: string;

  @ApiPropertyOptional({ type: [PortOneIssueAnswer], description: 'validation errors only' })
  issues?: PortOneIssueAnswer[];
}

/** The body `PortOneExceptionFilter` answers a `PortOneError` with (`PortOneErrorResponseBody`). */
export class PortOneErrorAnswer extends HttpErrorAnswer implements PortOneErrorResponseBody {
  @ApiProperty({ type: PortOneErrorDetailsAnswer })
  portOne!: PortOneErrorDetailsAnswer;
}

/**
 * The statuses `PortOneExceptionFilter` answers with (see `toPortOneErrorResponse`), each with the errors
 * that lead to it. 400 is either the sample's ValidationPipe or the module's own input check.
 */
const FILTER_ANSWERS: readonly { status: number; description: string }[] = [
  { status: 404, description: 'PortOne has no such record' },
  {
    status: 409,
    description: 'the record is not in a state that allows the call (already sent, verified, paid, revoked…)',
  },
  { status: 422, description: 'PortOne rejected the input' },
  { status: 429, description: 'PortOne rate limit or transaction count reached' },
  { status: 500, description: "this server's PortOne setup is wrong (credentials, channel key)" },
  { status: 502, description: 'PortOne, the PG or the carrier failed, or answered something unreadable' },
  { status: 503, description: 'the call was cancelled, or this server is shutting down: try again' },
  { status: 504, description: 'PortOne did not answer in time' },
];

/**
 * Declares the error answers of a route that calls PortOne: the sample's ValidationPipe 400 and every status
 * the module's `PortOneExceptionFilter` can give, with their bodies.
 */
export function ApiPortOneErrorAnswers(): ClassDecorator & MethodDecorator {
  return applyDecorators(
    ApiExtraModels(InvalidRequestAnswer, PortOneErrorAnswer),
    ApiResponse({
      status: 400,
      description: "the input broke the sample's DTO rules, or PortOne's own rules checked before sending",
      schema: {
        oneOf: [{ $ref: getSchemaPath(InvalidRequestAnswer) }, { $ref: getSchemaPath(PortOneErrorAnswer) }],
      },
    }),
    ...FILTER_ANSWERS.map(({ status, description }) =>
      ApiResponse({ status, description, type: PortOneErrorAnswer }),
    ),
  );
}
