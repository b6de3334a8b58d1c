// exception-filter/portone-exception-filter.e2e-spec.ts again, every app on @nestjs/platform-fastify (see test/support/http-adapter.ts).
import '../support/on-fastify';
import '../exception-filter/portone-exception-filter.e2e-spec';
