// The package under test: `apify-client-wasm` as installed (tests/api/node_modules links it to
// pkg/), or the build in $APIFY_CLIENT_WASM_PKG when a developer points the tests elsewhere.
import { pathToFileURL } from 'node:url';

const mod = process.env.APIFY_CLIENT_WASM_PKG
  ? await import(pathToFileURL(`${process.env.APIFY_CLIENT_WASM_PKG}/node.mjs`).href)
  : await import('apify-client-wasm');

export const { ApifyClient, ApifyApiError, ApifyNetworkError, InvalidResponseBodyError } = mod;
export default mod;
