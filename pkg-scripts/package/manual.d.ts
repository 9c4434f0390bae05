export * from './index.js';
/** Instantiates the wasm from a URL, a Response, bytes or a compiled module. Call once. */
export function initialize(
    moduleOrUrl?: string | URL | Response | BufferSource | WebAssembly.Module,
): Promise<void>;
