// Browsers, bundlers and Deno: instantiate the wasm next to this file, then export the API.
// `import { ApifyClient } from 'apify-client-wasm'` needs no init call.
import init from './apify_client_wasm.js';

await init({ module_or_path: new URL('./apify_client_wasm_bg.wasm', import.meta.url) });

export * from './apify_client_wasm.js';
export * from './errors.js';
