// workerd: runs one workload per POST (body: the job as JSON) and answers with its timing.
// Only the tested contenders' modules are in the bundle (one, or with `--alternate` all of them);
// they are imported on the first job, so `cold` (always the first job of a fresh workerd with
// one contender) times import + instantiate + first call.
import { runWorkload, runAlternating } from './workloads.js';

const LOAD = {
  plain: async () => undefined,
  behaved: async () => undefined,
  wasm: async () => (await import('../pkg/workerd.js')).ApifyClient,
  // The UMD bundle, registered as a CommonJS module: its default export is module.exports.
  official: async () => (await import('../official/bundle.js')).default.ApifyClient,
};

export default {
  async fetch(request) {
    const job = await request.json();
    try {
      const result = job.kinds
        ? await runAlternating(job.workload, Object.fromEntries(job.kinds.map((k) => [k, LOAD[k]])), job.env, job.counts, job.rounds)
        : await runWorkload(job.workload, job.kind, LOAD[job.kind], job.env, job.counts);
      return Response.json(result);
    } catch (e) {
      return Response.json({ error: String((e && e.stack) || e) }, { status: 500 });
    }
  },
};
