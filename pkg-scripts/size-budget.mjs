// Fails when what a browser downloads (gzip) grows past the budget in size-budget.json.
// The budget starts at the measured size + 5% and is lowered as the package shrinks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const budget = JSON.parse(readFileSync(new URL('./size-budget.json', import.meta.url), 'utf8'));
const size = JSON.parse(readFileSync(join(process.argv[2], 'size.json'), 'utf8'));
const gz = size.total.gzip;
console.log(`browser download: ${gz} B gzip, budget ${budget.gzipTotal} B (goal ${budget.goalGzipTotal} B)`);
if (gz > budget.gzipTotal) {
  console.error(`over budget by ${gz - budget.gzipTotal} B: find what grew (twiggy, wasm-opt flags) or, if it is worth it, raise the budget in pkg-scripts/size-budget.json with a reason in the commit`);
  process.exit(1);
}
