// Gives the wasm's imports and exports the short names wasm-opt's
// --minify-imports-and-exports-and-modules chose, in the JS glue and the types that refer to them.
//
//   node short-names.mjs <map.json> <minified .wasm> <glue.js | .d.ts>...
//
// wasm-bindgen names an import `__wbg_<name>_<16 hex digits>` and an export after its class and
// method (`keyvaluestoreclient_getRecordPublicUrl`): ~310 names, each written once in the wasm
// and again in the glue, where the hex digits do not compress at all (docs/performance.md,
// finding 31). The map is wasm-opt's output: `{imports: [[module, name, short]], exports:
// [[name, short]]}`; the wasm already has the short names, and its imports all come from one
// module. Fails, changing nothing, if the glue is not laid out as expected or a name is left
// over, so that a new wasm-bindgen cannot produce a package that does not instantiate.
import { readFileSync, writeFileSync } from 'node:fs';

const [mapFile, wasmFile, ...files] = process.argv.slice(2);
const fail = (msg) => {
  console.error(`short-names: ${msg}`);
  process.exit(1);
};
const mapText = readFileSync(mapFile, 'utf8');
const map = JSON.parse(mapText.slice(mapText.indexOf('{')));
const module = new WebAssembly.Module(readFileSync(wasmFile));
const wasmImports = WebAssembly.Module.imports(module);
const wasmExports = new Set(WebAssembly.Module.exports(module).map((e) => e.name));
const modules = [...new Set(wasmImports.map((i) => i.module))];
if (modules.length !== 1 || !/^[a-z]$/.test(modules[0])) fail(`expected one short import module, got ${modules.join(', ')}`);
const exportName = new Map(map.exports.map(([name, short]) => [name, short]));
for (const short of exportName.values()) if (!wasmExports.has(short)) fail(`map's export ${short} is not in the wasm`);
const BG = './apify_client_wasm_bg.js';

function glue(src, file) {
  const start = src.indexOf('function __wbg_get_imports() {');
  const end = src.indexOf('\n}\n', start);
  if (start < 0 || end < 0) fail(`${file}: no __wbg_get_imports()`);
  let body = src.slice(start, end);
  const head = '    const import0 = {\n        __proto__: null,\n';
  if (!body.includes(head)) fail(`${file}: import0 is not laid out as expected`);
  const provided = [];
  const snippets = [];
  for (const [mod, name, short] of map.imports) {
    if (mod === BG) {
      // Each import is a key of import0 written `        <name>: function(`.
      const key = new RegExp(`^        ${name.replace(/\$/g, '\\$')}: function`, 'm');
      if ((body.match(new RegExp(key.source, 'gm')) || []).length !== 1) fail(`${file}: import ${name} not found once`);
      body = body.replace(key, `        ${short}: function`);
    } else {
      // A snippet's export, imported by the wasm directly: taken from the module namespace the
      // glue already imports it as.
      const ns = new RegExp(`^        ${JSON.stringify(mod).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: (import\\d+),$`, 'm').exec(body);
      if (!ns) fail(`${file}: no namespace for ${mod}`);
      snippets.push(`        ${short}: ${ns[1]}.${name},\n`);
    }
    provided.push(short);
  }
  body = body.replace(head, head + snippets.join(''));
  const ret = /\n    return \{\n        __proto__: null,\n(?:        "[^"\n]+": import\d+,\n)+    \};$/.exec(body);
  if (!ret) fail(`${file}: the import object's modules are not laid out as expected`);
  body = body.slice(0, ret.index) + `\n    return { __proto__: null, ${modules[0]}: import0 };`;
  const wanted = new Set(wasmImports.map((i) => i.name));
  if (provided.length !== wanted.size || provided.some((n) => !wanted.has(n))) fail(`${file}: the glue would not provide exactly the wasm's imports`);
  let out = src.slice(0, start) + body + src.slice(end);
  out = out.replace(/\bwasm\.([A-Za-z_$][\w$]*)/g, (_, name) => {
    const short = exportName.get(name);
    if (short === undefined) fail(`${file}: wasm.${name} is not an export in the map`);
    return `wasm.${short}`;
  });
  return out;
}

// The .wasm.d.ts lists the exports by name. InitOutput (what init() and initSync() return)
// listed them too; with names like `Qc` that is no API to type, so it becomes the exports
// object it is, and the package's types stay the same whatever names wasm-opt picks.
function types(src, file) {
  if (file.endsWith('_bg.wasm.d.ts')) {
    return src.replace(/^(export const )([A-Za-z_$][\w$]*)(?=:)/gm, (m, pre, name) => {
      const short = exportName.get(name);
      if (short === undefined) fail(`${file}: export ${name} is not in the map`);
      return pre + short;
    });
  }
  const start = src.indexOf('export interface InitOutput {');
  const end = src.indexOf('\n}\n', start);
  if (start < 0 || end < 0) fail(`${file}: no InitOutput interface`);
  const alias = '/** The wasm module\'s exports, for the glue: their names are short and no API. */\nexport type InitOutput = WebAssembly.Exports;';
  return src.slice(0, start) + alias + src.slice(end + 2);
}

const outputs = files.map((f) => [f, (f.endsWith('.d.ts') ? types : glue)(readFileSync(f, 'utf8'), f)]);
for (const [f, text] of outputs) writeFileSync(f, text);
