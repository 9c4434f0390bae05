// wasm-bindgen declares `[Symbol.dispose]()` on every class: TypeScript needs its disposable lib
// for that, whatever `lib` the user's tsconfig has.
/// <reference lib="esnext.disposable" />
export * from './apify_client_wasm.js';
export * from './errors.js';
