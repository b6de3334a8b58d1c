/**
 * The one place the sample imports the library from.
 *
 * Inside this repository the sample runs against the sources in `lib/`; in your app these two lines are
 * `from 'nestjs-portone'` and `from 'nestjs-portone/testing'`. Everything else in `sample/src` imports from
 * this file, so it reads exactly like application code.
 */
export * from '../../lib';
export { PortOneEmulator } from '../../lib/testing';
