/**
 * The one place the sample imports the library from.
 *
 * Inside this repository the sample runs against the sources in `lib/`; in your app these lines are
 * `from 'nestjs-portone'`, `from 'nestjs-portone/testing'` and `from 'nestjs-portone/health'`. Everything
 * else in `sample/src` imports from this file, so it reads exactly like application code.
 */
export * from '../../lib';
export { PortOneEmulator } from '../../lib/testing';
export { PortOneHealthIndicator, PortOneHealthModule } from '../../lib/health';
