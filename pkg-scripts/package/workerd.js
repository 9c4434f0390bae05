// Cloudflare Workers: Workers cannot compile wasm from bytes at run time, so the module is
// imported (wrangler and workerd turn a `.wasm` import into a WebAssembly.Module).
import wasmModule from './apify_client_wasm_bg.wasm';
import { initSync } from './apify_client_wasm.js';

initSync({ module: wasmModule });

export * from './apify_client_wasm.js';
export * from './errors.js';
