// Node (require): the CommonJS build that wasm-bindgen's nodejs target emits loads itself.
module.exports = { ...require('./cjs/apify_client_wasm.js'), ...require('./cjs/errors.cjs') };
