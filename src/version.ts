declare const __QARNOT_VERSION__: string | undefined;

/** Injected by the esbuild bundle; falls back for code run from source (tests). */
export const VERSION: string = typeof __QARNOT_VERSION__ === 'string' ? __QARNOT_VERSION__ : '0.0.0-dev';
