// One workload run by one contender in a fresh Node or Deno process (so that /usr/bin/time -v
// reports the peak RSS of exactly that run). Argument: a JSON job from main.mjs. Prints one JSON
// line: { ms } or { na }.
import { runWorkload } from './workloads.js';

const args = globalThis.Deno ? Deno.args : process.argv.slice(2);
const job = JSON.parse(args[0]);

async function load() {
  if (job.kind === 'plain') return undefined;
  if (job.kind === 'official' && job.umd) {
    // The UMD browser bundle: as an ES module it assigns globalThis.Apify; Deno 2 loads a .js
    // file of a package without "type": "module" as CommonJS, so it is module.exports there.
    const m = await import(job.lib);
    return (globalThis.Apify ?? m.default).ApifyClient;
  }
  return (await import(job.lib)).ApifyClient;
}

const result = await runWorkload(job.workload, job.kind, load, job.env, job.counts);
console.log(JSON.stringify(result));
