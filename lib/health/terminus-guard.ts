import { assertEsmPeerLoadable } from '../core/esm-peer-guard';

// Imported first by ./index, before anything imports @nestjs/terminus: see assertEsmPeerLoadable.
assertEsmPeerLoadable('@nestjs/terminus', typeof require === 'function' ? require : undefined);
