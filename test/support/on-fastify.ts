import { useHttpAdapter } from './http-adapter';

// Imported first by the test/fastify/ files: the spec they import next starts its apps on Fastify.
useHttpAdapter('fastify');
