// Fails when what a browser downloads (gzip) grows past the budget in size-budget.json, or stops
// being smaller than apify-client's browser bundle minified (what the README claims).
// The budget starts at the measured size + 5% and is lowered as the package shrinks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';

const modules = new URL('./node_modules/', import.meta.url);
const budget = JSON.parse(readFileSync(new URL('./size-budget.json', import.meta.url), 'utf8'));
const size = JSON.parse(readFileSync(join(process.argv[2], 'size.json'), 'utf8'));
const gz = size.total.gzip;
// The official bundle as a user's bundler would ship it: minified by esbuild, gzip level 9 (as
// size.mjs measures ours).
const bundle = new URL('apify-client/dist/bundle.js', modules).pathname;
const version = JSON.parse(readFileSync(new URL('apify-client/package.json', modules), 'utf8')).version;
const minified = execFileSync(new URL('.bin/esbuild', modules).pathname, [bundle, '--minify', '--log-level=error'], { maxBuffer: 64 << 20 });
const official = gzipSync(minified, { level: 9 }).length;
console.log(`browser download: ${gz} B gzip, budget ${budget.gzipTotal} B (goal ${budget.goalGzipTotal} B); apify-client ${version} browser bundle minified: ${official} B gzip`);
let failed = false;
if (gz > budget.gzipTotal) {
  console.error(`over budget by ${gz - budget.gzipTotal} B: find what grew (twiggy, wasm-opt flags) or, if it is worth it, raise the budget in pkg-scripts/size-budget.json with a reason in the commit`);
  failed = true;
}
if (gz >= official) {
  console.error(`not smaller than apify-client's browser bundle (${gz} ≥ ${official} B gzip): the README says it is; find what grew`);
  failed = true;
}
process.exit(failed ? 1 : 0);
