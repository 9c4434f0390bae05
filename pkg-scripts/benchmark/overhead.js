// What the client itself costs per call, without a network: `actors().list()` through a `fetch`
// that answers at once with the same ready response, against a plain loop doing fetch + text +
// JSON.parse on it. A benchmark (it prints numbers), not a test; the real-network benchmark is
// main.mjs. Runs in Node and Deno:
//   node pkg-scripts/benchmark/overhead.js [PKG_DIR]
//   deno run --allow-read --allow-env pkg-scripts/benchmark/overhead.js [PKG_DIR]
// A tight loop keeps everything in the CPU's caches, so these are lower bounds: between real
// requests the same code runs colder (see docs/performance.md).
const isDeno = typeof Deno !== 'undefined';
const args = isDeno ? Deno.args : process.argv.slice(2);
const cwd = `file://${isDeno ? Deno.cwd() : process.cwd()}/`;
const pkg = args[0] ? new URL(`${args[0]}/`, cwd) : new URL('../../pkg/', import.meta.url);
const { ApifyClient } = await import(new URL(isDeno ? 'deno.js' : 'node.mjs', pkg).href);

const item = (id) => ({ id, name: `actor-${id}`, username: 'bench', createdAt: '2026-01-01T00:00:00.000Z', modifiedAt: '2026-01-02T00:00:00.000Z' });
const body = JSON.stringify({ data: { total: 2, offset: 0, limit: 1000, count: 2, desc: false, items: [item('a'), item('b')] } });
const headers = new Headers({ 'content-type': 'application/json; charset=utf-8' });
// One response object reused by every call, so that neither side pays for building a Response.
const response = { status: 200, headers, text: async () => body, arrayBuffer: async () => new TextEncoder().encode(body).buffer };
const fetchFn = async () => response;

const auth = { authorization: 'Bearer bench-token' };
const plain = async () => {
  const r = await fetchFn('http://127.0.0.1:9/v2/actors', { headers: auth });
  if (r.status >= 300) throw new Error(String(r.status));
  return JSON.parse(await r.text()).data;
};
const client = new ApifyClient({ baseUrl: 'http://127.0.0.1:9', token: 'bench-token', fetch: fetchFn });
const wasm = () => client.actors().list();

const calls = 20000;
const rounds = 7;
const times = { plain: [], wasm: [] };
for (let round = 0; round < rounds; round++) {
  for (const [name, f] of [['plain', plain], ['wasm', wasm]]) {
    const t = performance.now();
    for (let i = 0; i < calls; i++) await f();
    times[name].push(((performance.now() - t) * 1000) / calls);
    // A macrotask turn between rounds, as a real request gives: FinalizationRegistry callbacks
    // (wasm-bindgen frees its objects there) only run on one.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
const median = (v) => [...v].sort((a, b) => a - b)[v.length >> 1];
const runtime = isDeno ? `deno ${Deno.version.deno}` : `node ${process.version}`;
console.log(`${runtime}: µs per actors().list() with an instant fetch, median of ${rounds} rounds of ${calls} (min–max)`);
for (const [name, v] of Object.entries(times)) {
  console.log(`  ${name.padEnd(6)} ${median(v).toFixed(1).padStart(6)} (${Math.min(...v).toFixed(1)}–${Math.max(...v).toFixed(1)})`);
}
console.log(`  client overhead: ${(median(times.wasm) - median(times.plain)).toFixed(1)} µs per call`);
