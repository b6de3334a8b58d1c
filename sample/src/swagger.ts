import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/** Where the sample serves its OpenAPI document; Swagger UI is at the root. */
export const OPENAPI_JSON_PATH = '/openapi.json';

/**
 * Serves the sample's API description: Swagger UI at `/` (try every flow from the browser) and the OpenAPI
 * document at {@link OPENAPI_JSON_PATH}. The emulator's own inspector page is on the emulator's port.
 */
export function setUpSwagger(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('nestjs-portone sample')
    .setDescription(
      'PortOne V2 identity verification, V1 OTP certification and convenience-store barcodes through ' +
        'nestjs-portone. Without PortOne credentials the sample runs on the embedded emulator: read the OTP it ' +
        '"texted" on the emulator inspector page.',
    )
    .setVersion('0.1.0')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('/', app, document, {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    yamlDocumentUrl: '/openapi.yaml',
  });
  return document;
}
