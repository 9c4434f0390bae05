// Prints the bytes (raw, gzip, brotli) of what a browser downloads for the package and writes
// them to pkg/size.json, which the size-budget test reads.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const out = process.argv[2];
const snippetDir = join(out, 'snippets');
const snippet = readdirSync(snippetDir, { recursive: true }).find((f) => String(f).endsWith('support.js'));
const files = ['apify_client_wasm_bg.wasm', 'apify_client_wasm.js', 'index.js', 'errors.js', join('snippets', String(snippet))];
const rows = files.map((f) => {
  const b = readFileSync(join(out, f));
  return {
    file: f,
    raw: b.length,
    gzip: gzipSync(b, { level: 9 }).length,
    brotli: brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
const total = rows.reduce((t, r) => ({ file: 'total', raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const pad = (s, n) => String(s).padStart(n);
console.log(`${'what a browser downloads'.padEnd(60)} ${pad('raw', 9)} ${pad('gzip', 9)} ${pad('brotli', 9)}`);
for (const r of [...rows, total]) console.log(`${r.file.padEnd(60)} ${pad(r.raw, 9)} ${pad(r.gzip, 9)} ${pad(r.brotli, 9)}`);
writeFileSync(join(out, 'size.json'), JSON.stringify({ files: rows, total }, null, 2));
