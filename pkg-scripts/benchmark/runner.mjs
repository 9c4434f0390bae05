// One workload in a fresh Node or Deno process (so that /usr/bin/time -v reports the peak RSS
// of exactly that run): run by one contender, or with `--alternate` by all of them in turn
// (job.libs). Argument: a JSON job from main.mjs. Prints one JSON line: { ms } or { na }, or
// { kind: { ms } } when alternating.
import { runWorkload, runAlternating } from './workloads.js';

const args = globalThis.Deno ? Deno.args : process.argv.slice(2);
const job = JSON.parse(args[0]);

async function load({ kind, lib, umd }) {
  if (kind === 'plain' || kind === 'behaved') return undefined;
  if (kind === 'official' && umd) {
    // The UMD browser bundle: as an ES module it assigns globalThis.Apify; Deno 2 loads a .js
    // file of a package without "type": "module" as CommonJS, so it is module.exports there.
    const m = await import(lib);
    return (globalThis.Apify ?? m.default).ApifyClient;
  }
  return (await import(lib)).ApifyClient;
}

const result = job.libs
  ? await runAlternating(job.workload, Object.fromEntries(job.libs.map((l) => [l.kind, () => load(l)])), job.env, job.counts, job.rounds)
  : await runWorkload(job.workload, job.kind, () => load(job), job.env, job.counts);
console.log(JSON.stringify(result));
