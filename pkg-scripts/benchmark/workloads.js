// The benchmark's workloads, written once against the official `apify-client` API shape and run
// unchanged in Node, Deno, workerd and Chromium by every contender: this package, apify-client
// and `plain`, a bare fetch loop sending the same requests (the floor); with `--alternate` also
// `behaved`, that loop doing per request what apify-client does beyond fetch.
// Pure ES module: no Node, Deno or DOM APIs, only fetch, performance/Date, JSON and timers (and
// a check of which runtime it is in, for the User-Agent the official client sends).

export const COUNTS = {
  full: { list: 2000, items: 100000, page: 1000, records: 1000, push: 200, pushSize: 100, requests: 10000 },
  quick: { list: 200, items: 10000, page: 1000, records: 100, push: 20, pushSize: 100, requests: 1000 },
};

export const WORKLOADS = ['list', 'items', 'records', 'push', 'batch', 'cold'];

// workerd only advances clocks on I/O; every workload ends with a response, so the
// difference still covers the CPU time spent in between.
const now = () => (typeof performance !== 'undefined' && performance.now ? performance.now() : Date.now());

// Where apify-client runs its main build (Node), it sends a User-Agent; its browser build, which
// the bench loads everywhere else, sends none.
const inNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string' && typeof Deno === 'undefined' &&
  globalThis.navigator?.userAgent !== 'Cloudflare-Workers';

// The official client turns every string under a key ending in `At` into a Date, down to depth
// 3, in the responses of resource methods (not in records or dataset items). In place here.
// Not support.js's parseDates: the floor must not run any of this package's code.
function parseDates(v, depth = 0) {
  if (depth > 3 || typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) {
    for (const x of v) parseDates(x, depth + 1);
    return v;
  }
  for (const k of Object.keys(v)) {
    const x = v[k];
    if (k.endsWith('At')) {
      if (typeof x === 'string' && x !== '') {
        const d = new Date(x);
        if (!Number.isNaN(d.getTime())) v[k] = d;
      }
    } else parseDates(x, depth + 1);
  }
  return v;
}

/**
 * A minimal client doing exactly the requests the official client sends, with fetch. `behaved`:
 * also what apify-client does per request beyond fetch, and no more: an AbortController and a
 * timer for the request's timeout, its User-Agent in Node, the response's content type read,
 * and its dates parsed where the official client parses them. What a client with the official
 * behaviour costs before any client code runs (finding 36 of docs/performance.md).
 */
export class PlainClient {
  constructor({ baseUrl, token, behaved = false }) {
    this.base = `${baseUrl}/v2`;
    this.auth = { authorization: `Bearer ${token}` };
    if (behaved && inNode) this.auth['user-agent'] = 'ApifyClient/2.25.0 (linux; Node/v20); isAtHome/false';
    this.behaved = behaved;
  }
  async req(method, path, body) {
    const headers = body === undefined ? this.auth : { ...this.auth, 'content-type': 'application/json' };
    if (!this.behaved) return this.read(method, path, await fetch(this.base + path, { method, headers, body }));
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 360_000);
    try {
      const r = await fetch(this.base + path, { method, headers, body, signal: controller.signal });
      r.headers.get('content-type');
      return await this.read(method, path, r);
    } finally {
      clearTimeout(timer);
    }
  }
  async read(method, path, r) {
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    const text = await r.text();
    return text ? JSON.parse(text) : undefined;
  }
  // The API's `data`, with its dates parsed when behaving as the official client.
  data(r) {
    return this.behaved ? parseDates(r.data) : r.data;
  }
  listActors() {
    return this.req('GET', '/actors').then((r) => this.data(r));
  }
  getDataset(id) {
    return this.req('GET', `/datasets/${id}`).then((r) => this.data(r));
  }
  async *items(id, page, total) {
    for (let offset = 0; ; offset += page) {
      const items = await this.req('GET', `/datasets/${id}/items?offset=${offset}&limit=${page}`);
      yield* items;
      if (items.length < page || offset + page >= total) return;
    }
  }
  // `attachment=true`: apify-client ≥ 2.22 always sends it, and the API answers it more slowly
  // (the emulator: +33 µs a request), so the floor has to ask for it too.
  getRecord(store, key) {
    return this.req('GET', `/key-value-stores/${store}/records/${encodeURIComponent(key)}?attachment=true`).then((value) => ({ key, value }));
  }
  pushItems(id, items) {
    return this.req('POST', `/datasets/${id}/items`, JSON.stringify(items));
  }
  // As the official client: chunks of 25, 5 in flight.
  async batchAddRequests(queue, requests) {
    const chunks = [];
    for (let i = 0; i < requests.length; i += 25) chunks.push(requests.slice(i, i + 25));
    const processed = [];
    let next = 0;
    const worker = async () => {
      while (next < chunks.length) {
        const chunk = chunks[next++];
        const r = await this.req('POST', `/request-queues/${queue}/requests/batch`, JSON.stringify(chunk));
        processed.push(...this.data(r).processedRequests);
      }
    };
    await Promise.all(Array.from({ length: 5 }, worker));
    return { processedRequests: processed, unprocessedRequests: [] };
  }
}

/** The same operations through an `ApifyClient` (ours or the official one). */
class SdkAdapter {
  constructor(client) {
    this.c = client;
  }
  has(op) {
    const need = { list: 'actors', records: 'keyValueStore', batch: 'requestQueue' }[op];
    return !need || typeof this.c[need] === 'function';
  }
  listActors() {
    return this.c.actors().list();
  }
  getDataset(id) {
    return this.c.dataset(id).get();
  }
  items(id, page, limit) {
    return this.c.dataset(id).listItems(limit === undefined ? { chunkSize: page } : { chunkSize: page, limit });
  }
  getRecord(store, key) {
    return this.c.keyValueStore(store).getRecord(key);
  }
  pushItems(id, items) {
    return this.c.dataset(id).pushItems(items);
  }
  batchAddRequests(queue, requests) {
    return this.c.requestQueue(queue).batchAddRequests(requests);
  }
}

/** Wraps a plain client or an SDK client in the common interface. */
export function adapter(kind, ClientClass, env) {
  if (kind === 'plain' || kind === 'behaved') {
    const p = new PlainClient({ ...env, behaved: kind === 'behaved' });
    p.has = () => true;
    return p;
  }
  return new SdkAdapter(new ClientClass({ baseUrl: env.baseUrl, token: env.token }));
}

const pushBatch = (j, size) =>
  Array.from({ length: size }, (_, i) => ({ n: j * size + i, url: `https://example.com/p/${j}/${i}`, title: `Pushed item ${i}`, tags: ['a', 'b'] }));

const check = (ok, what) => {
  if (!ok) throw new Error(`bench check failed: ${what}`);
};

/** `counts.warmup` (a fraction) of a workload's calls, untimed, on the same data. */
async function warmUp(name, a, env, counts) {
  const n = (count) => Math.round(count * (counts.warmup ?? 0));
  switch (name) {
    case 'list':
      for (let i = 0; i < n(counts.list); i++) await a.listActors();
      return;
    case 'items': {
      let left = n(counts.items);
      if (left === 0) return;
      // eslint-disable-next-line no-unused-vars
      for await (const _ of a.items(env.dataset, counts.page, counts.items)) if (--left <= 0) break;
      return;
    }
    case 'records':
      for (let i = 0; i < n(counts.records); i++) await a.getRecord(env.store, env.key);
      return;
    case 'push':
      for (let j = 0; j < n(counts.push); j++) await a.pushItems(env.pushDataset, pushBatch(counts.push + j, counts.pushSize));
      return;
    case 'batch': {
      const requests = Array.from({ length: n(counts.requests) }, (_, i) => ({ url: `https://example.com/warm/${i}`, uniqueKey: `warm${i}`, method: 'GET' }));
      if (requests.length > 0) await a.batchAddRequests(env.queue, requests);
      return;
    }
  }
}

/** How many calls (`items`: items) a workload makes in all. */
const total = (name, counts) => ({ list: counts.list, items: counts.items, records: counts.records, push: counts.push, batch: counts.requests })[name];

/**
 * `n` calls of a workload (`items`: `n` items, whole pages), timed; its input is built before
 * the clock starts. `tag` keeps pushed items and request keys distinct between the slices of
 * `--alternate`. Returns the milliseconds.
 */
async function timed(name, a, env, counts, n, tag) {
  switch (name) {
    case 'list': {
      const t0 = now();
      let items = 0;
      for (let i = 0; i < n; i++) items += (await a.listActors()).items.length;
      const ms = now() - t0;
      check(items >= n, 'list: items came back');
      return ms;
    }
    case 'items': {
      const t0 = now();
      let seen = 0;
      let sum = 0;
      for await (const item of a.items(env.dataset, counts.page, n)) {
        seen++;
        sum += item.n;
      }
      const ms = now() - t0;
      check(seen === n, `items: iterated ${seen} of ${n}`);
      check(sum === (n * (n - 1)) / 2, 'items: every item once');
      return ms;
    }
    case 'records': {
      const t0 = now();
      let bytes = 0;
      for (let i = 0; i < n; i++) bytes += (await a.getRecord(env.store, env.key)).value.filler.length;
      const ms = now() - t0;
      check(bytes > n * 9000, 'records: values parsed');
      return ms;
    }
    case 'push': {
      const batches = Array.from({ length: n }, (_, j) => pushBatch(tag * counts.push + j, counts.pushSize));
      const t0 = now();
      for (const b of batches) await a.pushItems(env.pushDataset, b);
      return now() - t0;
    }
    case 'batch': {
      const requests = Array.from({ length: n }, (_, j) => ({ url: `https://example.com/r/${tag}/${j}`, uniqueKey: `r${tag}-${j}`, method: 'GET' }));
      const t0 = now();
      const r = await a.batchAddRequests(env.queue, requests);
      const ms = now() - t0;
      check(r.processedRequests.length === n, `batch: ${r.processedRequests.length} processed`);
      return ms;
    }
    default:
      throw new Error(`unknown workload ${name}`);
  }
}

/**
 * Runs one workload and returns `{ ms }` (or `{ na: reason }`). `load()` imports the contender
 * and returns its `ApifyClient` class (undefined for plain); only `cold` times it.
 * env: { baseUrl, token, dataset, itemsTotal, store, key, recordBytes, pushDataset, queue }.
 */
export async function runWorkload(name, kind, load, env, counts) {
  if (name === 'cold') {
    const t0 = now();
    const Client = await load();
    const a = adapter(kind, Client, env);
    const ds = await a.getDataset(env.dataset);
    const ms = now() - t0;
    check(ds && ds.id === env.dataset, 'cold: dataset.get returned the dataset');
    return { ms };
  }
  const a = adapter(kind, await load(), env);
  if (!a.has(name)) return { na: 'method missing' };
  // One call so that every contender starts with an open connection, then the warm-up: the
  // workload's own calls, untimed, so that the JIT has compiled what the timed calls run.
  await a.getDataset(env.dataset);
  await warmUp(name, a, env, counts);
  return { ms: await timed(name, a, env, counts, total(name, counts), 0) };
}

/**
 * The `--alternate` mode: every contender of `loads` ({ kind: load }) in this one process,
 * isolate or page, the workload cut into `rounds` slices that the contenders take in turn
 * (the order rotating each round), so that a slow spell of the machine falls on all of them.
 * Returns { kind: { ms, slices } }: `ms` the sum of its slices (the same work as one `runWorkload`),
 * `slices` each slice's ms in round order.
 * env.pushDatasets and env.queues hold a dataset and a queue per contender.
 */
export async function runAlternating(name, loads, env, counts, rounds) {
  const kinds = Object.keys(loads);
  const adapters = {};
  for (const k of kinds) adapters[k] = adapter(k, await loads[k](), env);
  if (kinds.some((k) => !adapters[k].has(name))) return Object.fromEntries(kinds.map((k) => [k, { na: 'method missing' }]));
  const own = (k) => ({ ...env, pushDataset: env.pushDatasets[k], queue: env.queues[k] });
  for (const k of kinds) {
    await adapters[k].getDataset(env.dataset);
    await warmUp(name, adapters[k], own(k), counts);
  }
  // Slices of whole pages for items (the plain loop reads whole pages), of calls otherwise,
  // spread so that they add up to the whole workload (100 pages in 40 slices: 2 or 3 each);
  // fewer slices than asked where the workload has fewer units (--quick).
  const unit = name === 'items' ? counts.page : 1;
  const units = Math.ceil(total(name, counts) / unit);
  const count = Math.min(rounds, units);
  const size = (r) => (Math.floor(((r + 1) * units) / count) - Math.floor((r * units) / count)) * unit;
  // Each slice's time too: a round's slices ran next to each other, so their ratios pair them.
  const slices = Object.fromEntries(kinds.map((k) => [k, []]));
  for (let r = 0; r < count; r++) {
    for (let i = 0; i < kinds.length; i++) {
      const k = kinds[(i + r) % kinds.length];
      slices[k].push(await timed(name, adapters[k], own(k), counts, size(r), r));
    }
  }
  return Object.fromEntries(kinds.map((k) => [k, { ms: slices[k].reduce((a, b) => a + b, 0), slices: slices[k] }]));
}
