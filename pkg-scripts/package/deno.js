// Deno: the wasm is imported as a module (a Wasm source-phase import gives a compiled
// WebAssembly.Module), so loading needs no --allow-read or --allow-env, only --allow-net for
// the API itself. No init call and no top-level await.
import source wasmModule from './apify_client_wasm_bg.wasm';
import { initSync } from './apify_client_wasm.js';

initSync({ module: wasmModule });

export * from './apify_client_wasm.js';
export * from './errors.js';
