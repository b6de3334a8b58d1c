// health/portone-health.e2e-spec.ts again, every app on @nestjs/platform-fastify (see test/support/http-adapter.ts).
import '../support/on-fastify';
import '../health/portone-health.e2e-spec';
