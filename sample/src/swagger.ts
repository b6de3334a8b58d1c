import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { WEBHOOK_PATH } from './cvs/cvs.controller';

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
  const document = withoutPortOneCallbacks(SwaggerModule.createDocument(app, config));
  SwaggerModule.setup('/', app, document, {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    yamlDocumentUrl: '/openapi.yaml',
  });
  return document;
}

/**
 * The module's webhook routes answer PortOne, on PortOne's contract (signed or re-read notices, the CVS
 * confirm call; see docs/webhooks.md): no client of this API calls them, so the document leaves them out.
 */
function withoutPortOneCallbacks(document: OpenAPIObject): OpenAPIObject {
  const callbackPrefix = `/${WEBHOOK_PATH}`;
  const paths = Object.entries(document.paths).filter(
    ([path]) => path !== callbackPrefix && !path.startsWith(`${callbackPrefix}/`),
  );
  return { ...document, paths: Object.fromEntries(paths) };
}
