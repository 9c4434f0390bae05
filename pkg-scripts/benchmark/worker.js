// workerd: runs one workload per POST (body: the job as JSON) and answers with its timing.
// Only the tested contender's modules are in the bundle; it is imported on the first job, so
// `cold` (always the first job of a fresh workerd) times import + instantiate + first call.
import { runWorkload } from './workloads.js';

const LOAD = {
  plain: async () => undefined,
  wasm: async () => (await import('../pkg/workerd.js')).ApifyClient,
  // The UMD bundle, registered as a CommonJS module: its default export is module.exports.
  official: async () => (await import('../official/bundle.js')).default.ApifyClient,
};

export default {
  async fetch(request) {
    const job = await request.json();
    try {
      return Response.json(await runWorkload(job.workload, job.kind, LOAD[job.kind], job.env, job.counts));
    } catch (e) {
      return Response.json({ error: String((e && e.stack) || e) }, { status: 500 });
    }
  },
};
