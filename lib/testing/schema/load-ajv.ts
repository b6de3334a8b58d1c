import type * as AjvModule from 'ajv';
import type * as AjvFormatsModule from 'ajv-formats';

/** The install line the error gives when an optional peer the emulator needs is missing. */
export const INSTALL_AJV = 'npm i -D ajv ajv-formats';

/**
 * Requires an optional peer of `nestjs-portone/testing`. ajv and ajv-formats are optional peers (only apps
 * that run the emulator need them), so a missing one gets an error that says how to install it instead of
 * a bare "Cannot find module".
 * @internal
 */
export function requireOptionalPeer<T>(name: string): T {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(name) as T;
  } catch (error) {
    const missing =
      (error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && String(error).includes(`'${name}'`);
    if (!missing) throw error;
    throw new Error(
      `nestjs-portone/testing needs '${name}' (the emulator validates requests with ajv and ajv-formats, ` +
        `optional peer dependencies): ${INSTALL_AJV}`,
      { cause: error },
    );
  }
}

/** ajv's constructor, loaded through {@link requireOptionalPeer}. @internal */
export const Ajv = requireOptionalPeer<typeof AjvModule>('ajv').default;
/** ajv-formats' plugin, loaded through {@link requireOptionalPeer}. @internal */
export const addFormats = requireOptionalPeer<typeof AjvFormatsModule>('ajv-formats').default;
