// For hosting the .wasm yourself: nothing runs on import; call `await initialize(moduleOrUrl)`
// once with a URL, a Response, bytes or a WebAssembly.Module, then use the API.
import init, { initSync } from './apify_client_wasm.js';

export async function initialize(moduleOrUrl) {
  if (moduleOrUrl instanceof WebAssembly.Module) {
    initSync({ module: moduleOrUrl });
    return;
  }
  await init({ module_or_path: moduleOrUrl ?? new URL('./apify_client_wasm_bg.wasm', import.meta.url) });
}

export * from './apify_client_wasm.js';
export * from './errors.js';
