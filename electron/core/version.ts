import pkg from '../../package.json' with { type: 'json' }

/** Bundled at build time, so the packaged app and the CLI report the version they were built from. */
export const VERSION: string = pkg.version
