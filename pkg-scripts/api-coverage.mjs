// Prints how many of the official spec's 231 operations the client reached, measured from the
// emulator's request log of a test run (`--request-log`), not from a hand-kept list.
// Usage: node pkg-scripts/api-coverage.mjs requests.jsonl [--list]
import { readFileSync } from 'node:fs';

const [logFile, flag] = process.argv.slice(2);
const spec = readFileSync(new URL('../tests/emulator/endpoints.tsv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t'))
  .map(([method, path, operationId]) => ({ method, path, operationId }));
const reached = new Set();
for (const line of readFileSync(logFile, 'utf8').split('\n')) {
  if (!line) continue;
  let entry;
  try {
    entry = JSON.parse(line);
  } catch {
    continue; // a line cut short by a killed emulator
  }
  if (entry.operationId) reached.add(entry.operationId);
}
const missing = spec.filter((op) => !reached.has(op.operationId));
console.log(`the client reached ${spec.length - missing.length} of ${spec.length} operations of the Apify API spec`);
if (flag === '--list' || missing.length <= 60) {
  for (const op of missing) console.log(`  not reached: ${op.method} ${op.path} (${op.operationId})`);
}
