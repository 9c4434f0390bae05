// Node (ESM): read the wasm from disk synchronously; no init call and no top-level await.
import { readFileSync } from 'node:fs';
import { initSync } from './apify_client_wasm.js';

initSync({ module: readFileSync(new URL('./apify_client_wasm_bg.wasm', import.meta.url)) });

export * from './apify_client_wasm.js';
export * from './errors.js';
