export * from './apify_client_wasm.js';
export * from './errors.js';
