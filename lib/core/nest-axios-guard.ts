import { assertEsmPeerLoadable } from './esm-peer-guard';

// Imported by ./portone-http before its `import ... from '@nestjs/axios'`, so a CommonJS runtime that cannot load
// the app's ESM-only @nestjs/axios 12 (jest in a NestJS 11 app) gets the cause and the fix, not ERR_REQUIRE_ESM.
assertEsmPeerLoadable('@nestjs/axios', typeof require === 'function' ? require : undefined);
