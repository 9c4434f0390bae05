// pkg-scripts/bench: apify-client-wasm vs apify-client@2.25.0 vs a plain fetch loop, in Node,
// Deno, workerd and headless Chromium, against one release emulator on this machine.
// A benchmark, not a test: it prints medians (min–max) and ratios, writes bench-results/<date>.json.
//
//   pkg-scripts/bench [--quick] [--runs N] [--runtimes node,deno,workerd,chromium]
//                     [--workloads list,items,records,push,batch,cold] [--pkg DIR] [--emulator BIN]
//                     [--warmup FRACTION]   (untimed calls first, 0.1 of each count; 0 for none)
//                     [--alternate [--rounds N]]  (all contenders in one process/isolate/page,
//                                                 taking turns over N slices; no cold start)
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { once } from 'node:events';
import { readFileSync, writeFileSync, mkdirSync, mkdtempSync, readdirSync, copyFileSync, symlinkSync, rmSync, existsSync } from 'node:fs';
import { join, dirname, extname, resolve } from 'node:path';
import { tmpdir, cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import { COUNTS, WORKLOADS } from './workloads.js';

const BENCH = dirname(fileURLToPath(import.meta.url));
const SCRIPTS = dirname(BENCH);
const ROOT = dirname(SCRIPTS);
const MODULES = join(SCRIPTS, 'node_modules');
const RUNTIMES = ['node', 'deno', 'workerd', 'chromium'];
const CONTENDERS = ['plain', 'wasm', 'official'];
const LABEL = { plain: 'plain fetch', wasm: 'apify-client-wasm', official: 'apify-client 2.25.0', behaved: 'fetch + official behaviour' };
const TITLE = {
  list: '2,000 × `actors().list()`',
  items: '`for await` over 100,000 dataset items, pages of 1,000',
  records: '1,000 × `keyValueStore(id).getRecord(key)`, 10 kB JSON',
  push: '200 × `dataset(id).pushItems(100 items)`',
  batch: '`requestQueue(id).batchAddRequests(10,000 requests)`',
  cold: 'cold start: import + instantiate + first call (`dataset(id).get()`)',
};
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  // performance.memory is bucketed to ~100 kB steps without it.
  '--enable-precise-memory-info'];

// ---- options ----
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i < 0 ? dflt : argv[i + 1];
};
const quick = argv.includes('--quick');
// Untimed calls of each workload before its timed ones (a fraction of its count, every
// contender alike): per-call figures are steady-state ones; `cold` measures the first call.
const counts = { ...(quick ? COUNTS.quick : COUNTS.full), warmup: Number(opt('warmup', 0.1)) };
const runs = Number(opt('runs', quick ? 1 : 3));
const runtimes = opt('runtimes', RUNTIMES.join(',')).split(',');
const workloads = opt('workloads', WORKLOADS.join(',')).split(',');
// --alternate: the per-call workloads with every contender in one process, isolate or page,
// taking turns over `rounds` slices of each workload (rotating order), so that the machine's
// slow spells fall on all of them alike. One heap is shared: no memory figures, and each
// contender's garbage is collected partly in the others' time. 40 slices (50 `list()` calls
// each) by default: a slow spell of the machine covers fewer calls of one contender, and 5 runs
// give 200 pairs of slices for the paired ratio (docs/performance.md, finding 30).
const alternate = argv.includes('--alternate');
// Alternating, a fourth contender takes its turns too: the plain loop doing per request what
// apify-client does beyond fetch (workloads.js, `behaved`), so that each run shows how much of
// a per-call ratio any client with the official behaviour spends before its own code runs.
const TURNS = alternate ? [...CONTENDERS, 'behaved'] : CONTENDERS;
const rounds = Number(opt('rounds', 40));
const pkgDir = resolve(opt('pkg', process.env.PKG_OUT || join(ROOT, 'pkg')));
const emulatorBin = resolve(opt('emulator', process.env.APIFY_EMULATOR_BIN || join(ROOT, 'target/release/apify-emulator')));
for (const r of runtimes) if (!RUNTIMES.includes(r)) throw new Error(`unknown runtime ${r}`);
for (const w of workloads) if (!WORKLOADS.includes(w)) throw new Error(`unknown workload ${w}`);
if (alternate && workloads.includes('cold')) workloads.splice(workloads.indexOf('cold'), 1); // a first call is one contender's
for (const f of [join(pkgDir, 'index.js'), emulatorBin, join(MODULES, 'apify-client')])
  if (!existsSync(f)) throw new Error(`missing ${f} (build with PKG_OUT=… pkg-scripts/build, cargo build --release -p apify-emulator, pkg-scripts/setup)`);
const log = (...a) => console.error('[bench]', ...a);

// ---- emulator and seed data (plain fetch) ----
const emu = spawn(emulatorBin, ['--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
// The emulator and any workerd are stopped on every exit, a failed job's included.
const children = new Set([emu]);
process.on('exit', () => children.forEach((c) => c.kill('SIGTERM')));
const [baseUrl] = await once(createInterface({ input: emu.stdout }), 'line');
const token = `bench-${Date.now()}`;
const api = async (method, path, body, type = 'application/json') => {
  const r = await fetch(`${baseUrl}/v2${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': type }, body });
  if (r.status >= 300) throw new Error(`seed ${method} ${path}: ${r.status} ${await r.text()}`);
  const t = await r.text();
  return t ? JSON.parse(t) : undefined;
};
const seed = {};
{
  const t0 = performance.now();
  seed.dataset = (await api('POST', '/datasets?name=bench-items')).data.id;
  for (let start = 0; start < counts.items; start += 10000) {
    const items = Array.from({ length: Math.min(10000, counts.items - start) }, (_, i) => ({
      n: start + i, url: `https://example.com/items/${start + i}`, title: `Item number ${start + i}`, price: (start + i) * 1.25, inStock: i % 2 === 0,
    }));
    await api('POST', `/datasets/${seed.dataset}/items`, JSON.stringify(items));
  }
  seed.store = (await api('POST', '/key-value-stores?name=bench-records')).data.id;
  seed.key = 'record-10kB';
  const record = JSON.stringify({ kind: 'bench', filler: 'x'.repeat(9800), list: [1, 2, 3] });
  seed.recordBytes = record.length;
  await api('PUT', `/key-value-stores/${seed.store}/records/${seed.key}`, record);
  log(`emulator ${baseUrl}; seeded ${counts.items} items and a ${record.length} B record in ${(performance.now() - t0).toFixed(0)} ms`);
}
// Fresh per job: pushItems and batchAddRequests write.
const jobEnv = async () => ({
  baseUrl, token, ...seed,
  pushDataset: (await api('POST', '/datasets')).data.id,
  queue: (await api('POST', '/request-queues')).data.id,
});

// --alternate: a dataset and a queue per contender, fresh per job.
const alternateEnv = async () => {
  const env = { baseUrl, token, ...seed, pushDatasets: {}, queues: {} };
  for (const k of TURNS) {
    env.pushDatasets[k] = (await api('POST', '/datasets')).data.id;
    env.queues[k] = (await api('POST', '/request-queues')).data.id;
  }
  return env;
};

// ---- contender libraries per runtime ----
const officialBundle = join(MODULES, 'apify-client/dist/bundle.js');
const libFor = (runtime, kind) => {
  if (kind === 'plain' || kind === 'behaved') return {};
  if (kind === 'wasm') return { lib: pathToFileURL(join(pkgDir, { node: 'node.mjs', deno: 'deno.js' }[runtime] || 'index.js')).href };
  // Deno cannot load the main build without unscoped --allow-env (peer-measurements.md), and it
  // is not what Deno users can ship: the browser build, as everywhere but Node.
  if (runtime === 'node') return { lib: pathToFileURL(join(MODULES, 'apify-client/dist/index.mjs')).href };
  return { lib: pathToFileURL(officialBundle).href, umd: true };
};

// ---- child processes (Node, Deno) with /usr/bin/time -v for the peak RSS ----
function runChild(cmd, args) {
  return new Promise((res, rej) => {
    const p = spawn('/usr/bin/time', ['-v', cmd, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => {
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(err);
      const line = out.trim().split('\n').pop();
      if (code !== 0 || !line) return rej(new Error(`${cmd} exited ${code}: ${err.slice(-2000)}`));
      res({ ...JSON.parse(line), rssKb: rss ? Number(rss[1]) : undefined });
    });
  });
}
const runner = join(BENCH, 'runner.mjs');
const denoBin = join(MODULES, '.bin/deno');
const processRuntime = (runtime) => {
  // --unsafe-proto: apify-client's browser bundle assigns Object.prototype.__proto__, which Deno
  // refuses by default; given to every contender so that all run with the same flags.
  const runJob = (job) => runtime === 'node'
    ? runChild(process.execPath, [runner, JSON.stringify(job)])
    : runChild(denoBin, ['run', '--quiet', '--unsafe-proto', '--allow-net=127.0.0.1', '--allow-read', runner, JSON.stringify(job)]);
  return {
    async session() {
      return {
        job: (kind, workload, env) => runJob({ kind, workload, env, counts, ...libFor(runtime, kind) }),
        async alternate(workload, env) {
          const libs = TURNS.map((kind) => ({ kind, ...libFor(runtime, kind) }));
          const { rssKb, ...out } = await runJob({ workload, env, counts, rounds, libs });
          return out; // rssKb is the whole process's, not one contender's
        },
        close: async () => {},
      };
    },
  };
};

// ---- workerd: a generated capnp config, one fresh workerd per (contender, run), or per run with all of them (--alternate) ----
const freePort = async () => {
  const s = createServer().listen(0, '127.0.0.1');
  await once(s, 'listening');
  const { port } = s.address();
  s.close();
  return port;
};
const workerdBin = join(MODULES, '.bin/workerd');
function workerdBundle(kinds) {
  const dir = mkdtempSync(join(tmpdir(), `bench-workerd-${kinds.join('-')}-`));
  mkdirSync(join(dir, 'bench'));
  for (const f of ['worker.js', 'workloads.js']) copyFileSync(join(BENCH, f), join(dir, 'bench', f));
  const modules = [['bench/worker.js', 'esModule'], ['bench/workloads.js', 'esModule']];
  if (kinds.includes('wasm')) {
    symlinkSync(pkgDir, join(dir, 'pkg'));
    const snippet = readdirSync(join(pkgDir, 'snippets'), { recursive: true }).find((f) => String(f).endsWith('support.js'));
    for (const f of ['workerd.js', 'apify_client_wasm.js', 'errors.js', `snippets/${snippet}`]) modules.push([`pkg/${f}`, 'esModule']);
    modules.push(['pkg/apify_client_wasm_bg.wasm', 'wasm']);
  }
  if (kinds.includes('official')) {
    mkdirSync(join(dir, 'official'));
    copyFileSync(officialBundle, join(dir, 'official/bundle.js'));
    modules.push(['official/bundle.js', 'commonJsModule']);
  }
  return { dir, modules };
}
const workerdRuntime = {
  async session(kind) {
    const { dir, modules } = workerdBundle(kind === 'all' ? CONTENDERS : [kind]);
    const port = await freePort();
    writeFileSync(join(dir, 'config.capnp'), `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .bench),
    # The emulator is on 127.0.0.1: the default outbound only allows public addresses.
    (name = "internet", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const bench :Workerd.Worker = (
  modules = [
${modules.map(([name, type]) => `    (name = "${name}", ${type} = embed "${name}"),`).join('\n')}
  ],
  compatibilityDate = "2025-09-01",
  compatibilityFlags = ["nodejs_compat"],
  globalOutbound = "internet",
);
`);
    const p = spawn(workerdBin, ['serve', join(dir, 'config.capnp')], { stdio: ['ignore', 'inherit', 'pipe'] });
    children.add(p);
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    const url = `http://127.0.0.1:${port}/`;
    for (let i = 0; ; i++) {
      try {
        await fetch(url, { method: 'HEAD' });
        break;
      } catch {
        if (i > 300 || p.exitCode !== null) throw new Error(`workerd did not start: ${err}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    const post = async (job, what) => {
      const r = await fetch(url, { method: 'POST', body: JSON.stringify({ ...job, counts }) });
      const body = await r.json();
      if (body.error) throw new Error(`workerd ${what}: ${body.error}\n${err.slice(-2000)}`);
      return body;
    };
    return {
      job: (kind, workload, env) => post({ kind, workload, env }, `${kind} ${workload}`),
      alternate: (workload, env) => post({ kinds: TURNS, workload, env, rounds }, `alternating ${workload}`),
      async close() {
        p.kill();
        await once(p, 'close');
        children.delete(p);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

// ---- Chromium: one browser, a fresh context (cache, storage) per (contender, run) ----
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.html': 'text/html', '.wasm': 'application/wasm', '.json': 'application/json' };
async function staticServer() {
  const roots = { '/benchmark/': BENCH, '/pkg/': pkgDir, '/official/': join(MODULES, 'apify-client/dist') };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const prefix = Object.keys(roots).find((p) => path.startsWith(p));
    const file = prefix && resolve(roots[prefix], path.slice(prefix.length));
    if (!file || !file.startsWith(roots[prefix]) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(readFileSync(file));
  }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  return server;
}
let browser;
let pageServer;
const chromiumRuntime = {
  async session() {
    if (!browser) {
      const { chromium } = await import(pathToFileURL(join(MODULES, 'playwright-core/index.mjs')).href);
      browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
      pageServer = await staticServer();
    }
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${pageServer.address().port}/benchmark/page.html`);
    await page.waitForFunction(() => window.benchReady === true);
    const run = async (job, what) => {
      const r = await page.evaluate((j) => window.bench(j), { ...job, counts });
      if (r.error) throw new Error(`chromium ${what}: ${r.error}`);
      return r;
    };
    return {
      job: (kind, workload, env) => run({ kind, workload, env }, `${kind} ${workload}`),
      alternate: (workload, env) => run({ kinds: TURNS, workload, env, rounds }, `alternating ${workload}`),
      close: () => context.close(),
    };
  },
};

// ---- the run: per runtime, per run, contenders in rotating order; cold start first ----
const RT = { node: processRuntime('node'), deno: processRuntime('deno'), workerd: workerdRuntime, chromium: chromiumRuntime };
const results = {}; // runtime → workload → contender → [{ ms, rssKb?, heapBytes? } | { na }]
const order = ['cold', ...workloads.filter((w) => w !== 'cold')].filter((w) => workloads.includes(w));
const started = performance.now();
const load0 = loadavg();
for (const runtime of runtimes) {
  results[runtime] = {};
  for (const w of workloads) results[runtime][w] = Object.fromEntries(TURNS.map((k) => [k, []]));
  for (let run = 0; run < runs; run++) {
    if (alternate) {
      const session = await RT[runtime].session('all');
      try {
        for (const w of order) {
          const r = await session.alternate(w, await alternateEnv());
          for (const k of TURNS) results[runtime][w][k].push(r[k]);
          log(`${runtime} run ${run + 1}/${runs} alternating ${w.padEnd(7)} ${TURNS.map((k) => (r[k].na ? `${k} n/a` : `${k} ${r[k].ms.toFixed(1)} ms`)).join(', ')}`);
        }
      } finally {
        await session.close();
      }
      continue;
    }
    for (let c = 0; c < CONTENDERS.length; c++) {
      const kind = CONTENDERS[(c + run) % CONTENDERS.length];
      const session = await RT[runtime].session(kind);
      try {
        for (const w of order) {
          const r = await session.job(kind, w, await jobEnv());
          results[runtime][w][kind].push(r);
          log(`${runtime} run ${run + 1}/${runs} ${kind.padEnd(8)} ${w.padEnd(7)} ${r.na ? 'n/a' : `${r.ms.toFixed(1)} ms`}`);
        }
      } finally {
        await session.close();
      }
    }
  }
}
if (browser) await browser.close();
if (pageServer) pageServer.close();
emu.kill('SIGTERM');
const elapsed = (performance.now() - started) / 1000;

// ---- report ----
const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
function stats(list) {
  if (!list.length || list.some((r) => r.na)) return undefined;
  const ms = list.map((r) => r.ms);
  const mem = list.map((r) => (r.rssKb ? r.rssKb / 1024 : r.heapBytes ? r.heapBytes / 2 ** 20 : undefined)).filter((x) => x !== undefined);
  return { median: median(ms), min: Math.min(...ms), max: Math.max(...ms), runs: ms.length, peakMiB: mem.length ? Math.max(...mem) : undefined };
}
// --alternate: the median, over every round of every run, of the ratio of two contenders'
// slices of that round. They ran back to back, so a slow spell that lands on one round moves
// one ratio of many, where in the sums it moves a whole run.
// workerd's clock counts whole milliseconds (and only moves on I/O): there, neighbouring rounds
// are summed until the second contender's share (plain fetch's or apify-client's) takes 50 ms
// or more, so that rounding moves a ratio by 2 % at most.
// Also each run's own median, whose spread says how far the same code moves from one process
// (isolate, page) to the next on this machine: the goals are judged against that spread.
function paired(a, b) {
  if (a.some((r) => r.na || !r.slices) || b.some((r) => r.na || !r.slices)) return undefined;
  const coarse = [...a, ...b].every((r) => r.slices.every(Number.isInteger));
  const ratios = [];
  const perRun = [];
  a.forEach((r, run) => {
    const ours = r.slices;
    const theirs = b[run].slices;
    const group = coarse ? Math.max(1, Math.ceil(50 / Math.max(1, median(theirs)))) : 1;
    const own = [];
    for (let i = 0; i + group <= ours.length; i += group) {
      const sum = (s) => s.slice(i, i + group).reduce((x, y) => x + y, 0);
      own.push(sum(ours) / sum(theirs));
    }
    if (own.length) perRun.push(median(own));
    ratios.push(...own);
  });
  return ratios.length ? { median: median(ratios), min: Math.min(...perRun), max: Math.max(...perRun) } : undefined;
}
const summary = {};
for (const rt of runtimes) {
  summary[rt] = {};
  for (const w of workloads) {
    const s = Object.fromEntries(CONTENDERS.map((k) => [k, stats(results[rt][w][k])]));
    const ratio = (a, b) => (s[a] && s[b] ? s[a].median / s[b].median : undefined);
    // Best runs too: on a shared machine a median can catch a neighbour's load; the fastest run
    // of each contender is the closest to its own cost.
    const best = (a, b) => (s[a] && s[b] ? s[a].min / s[b].min : undefined);
    summary[rt][w] = {
      ...s,
      wasmVsPlain: ratio('wasm', 'plain'),
      wasmVsOfficial: ratio('wasm', 'official'),
      officialVsPlain: ratio('official', 'plain'),
      wasmVsPlainBest: best('wasm', 'plain'),
      wasmVsPlainPaired: alternate ? paired(results[rt][w].wasm, results[rt][w].plain) : undefined,
      wasmVsOfficialPaired: alternate ? paired(results[rt][w].wasm, results[rt][w].official) : undefined,
      behavedVsPlainPaired: alternate ? paired(results[rt][w].behaved, results[rt][w].plain) : undefined,
    };
  }
}
const cpu = (readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) || [])[1] || 'unknown';
const load1 = loadavg();
const versions = {
  node: process.version,
  deno: runtimes.includes('deno') ? execFileSync(denoBin, ['--version']).toString().split('\n')[0] : undefined,
  workerd: runtimes.includes('workerd') ? execFileSync(workerdBin, ['--version']).toString().trim() : undefined,
  chromium: runtimes.includes('chromium') ? execFileSync('/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() : undefined,
  'apify-client': JSON.parse(readFileSync(join(MODULES, 'apify-client/package.json'), 'utf8')).version,
  pkgGzipBytes: existsSync(join(pkgDir, 'size.json')) ? JSON.parse(readFileSync(join(pkgDir, 'size.json'), 'utf8')).total.gzip : undefined,
};
const machine = { nproc: cpus().length, cpu, memGiB: +(totalmem() / 2 ** 30).toFixed(1), loadBefore: load0.map((x) => +x.toFixed(2)), loadAfter: load1.map((x) => +x.toFixed(2)) };

const f = (x) => (x === undefined ? 'n/a' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const cell = (s) => (s ? `${f(s.median)} (${f(s.min)}–${f(s.max)})` : 'n/a');
const rx = (x) => (x === undefined ? 'n/a' : `${x.toFixed(2)}×`);
const pairedCell = (p) => (p === undefined ? 'n/a' : `${rx(p.median)} (${p.min.toFixed(2)}–${p.max.toFixed(2)})`);
const memCell = (row) => CONTENDERS.map((k) => (row[k] && row[k].peakMiB !== undefined ? row[k].peakMiB.toFixed(0) : '–')).join(' / ');
const lines = [];
lines.push(`${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${machine.nproc} × ${cpu} · load ${machine.loadBefore.join(' ')} → ${machine.loadAfter.join(' ')} · ${quick ? 'QUICK (smaller counts)' : 'full'}, ${runs} run(s), warm-up ${counts.warmup}${alternate ? `, ALTERNATING in one process/isolate/page over ${rounds} slices` : ''} · ${elapsed.toFixed(0)} s`);
lines.push(`node ${versions.node}${versions.deno ? ` · ${versions.deno}` : ''}${versions.workerd ? ` · ${versions.workerd}` : ''}${versions.chromium ? ` · ${versions.chromium}` : ''} · apify-client ${versions['apify-client']} (browser build outside Node) · package ${versions.pkgGzipBytes ?? '?'} B gzip`);
lines.push(alternate
  ? 'ms: median (min–max) of the runs\' sums of slices; ratios of medians, of the fastest runs ("best"), and the median ratio of two contenders\' slices of one round over all rounds and runs ("paired slices"; in brackets the lowest and highest of the runs\' own medians).'
  : 'ms: median (min–max); ratios of medians, and of the fastest runs ("best"); peak memory MiB plain / wasm / official (Node, Deno: peak RSS of the process; Chromium: peak JS heap, wasm memory not included).');
for (const w of workloads) {
  const t = quick ? `${TITLE[w]} — quick: ${JSON.stringify(counts)}` : TITLE[w];
  lines.push('', `### ${w}: ${t}`, '');
  // Alternating: no memory figures (one heap), and the paired slices' ratio instead.
  const last = alternate ? `wasm / fetch, paired slices | wasm / official, paired slices | ${LABEL.behaved} / fetch, paired slices` : 'peak MiB';
  lines.push(`| runtime | ${LABEL.plain} ms | ${LABEL.wasm} ms | ${LABEL.official} ms | wasm / fetch | wasm / fetch, best | wasm / official | official / fetch | ${last} |`);
  lines.push(`|---|---|---|---|---|---|---|---|---|${alternate ? '---|---|' : ''}`);
  for (const rt of runtimes) {
    const row = summary[rt][w];
    const lastCell = alternate
      ? [row.wasmVsPlainPaired, row.wasmVsOfficialPaired, row.behavedVsPlainPaired].map(pairedCell).join(' | ')
      : memCell(row);
    lines.push(`| ${rt} | ${cell(row.plain)} | ${cell(row.wasm)} | ${cell(row.official)} | ${rx(row.wasmVsPlain)} | ${rx(row.wasmVsPlainBest)} | ${rx(row.wasmVsOfficial)} | ${rx(row.officialVsPlain)} | ${lastCell} |`);
  }
}
console.log(lines.join('\n'));
const outDir = join(ROOT, 'bench-results');
mkdirSync(outDir, { recursive: true });
const stamp = new Date().toISOString().replace(/[:]/g, '-').slice(0, 19);
const file = join(outDir, `${stamp}${quick ? '-quick' : ''}${alternate ? '-alternate' : ''}.json`);
writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), quick, alternate, rounds: alternate ? rounds : undefined, runs, counts, machine, versions, elapsedSeconds: elapsed, summary, results, table: lines.join('\n') }, null, 2));
const latest = alternate ? 'latest-alternate.md' : 'latest.md';
writeFileSync(join(outDir, latest), lines.join('\n') + '\n');
log(`wrote ${file} and bench-results/${latest}`);
