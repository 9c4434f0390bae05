#!/usr/bin/env node
// Packaging test: the packed npm package (`npm pack` of pkg/) installed into throwaway projects
// and exercised against the emulator in every runtime it promises to support, each importing it
// with the same `import { ApifyClient } from 'apify-client-wasm'` and no init call:
// Node ESM and CommonJS, Deno, workerd, an esbuild bundle and a plain module page in Chromium,
// plus `apify-client-wasm/manual` with initialize(url) in Node and Chromium, and the TypeScript
// declarations as tsc resolves them.
//
//   PKG_DIR=…/pkg APIFY_EMULATOR_BIN=…/apify-emulator node tests/packaging/run.mjs [runtime…]
//
// Prints one line per runtime (`node-esm: 7 passed, 0 failed`) and `packaging: N passed, M
// failed`; exits non-zero on any failure or any runtime that ran no test. Every server and
// process it starts listens on 127.0.0.1 only and is stopped before it exits.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { createHash, randomUUID } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkgDir = process.env.PKG_DIR ?? join(root, 'pkg');
const emulatorBin = process.env.APIFY_EMULATOR_BIN ?? join(root, 'target/debug/apify-emulator');
const tools = join(root, 'pkg-scripts/node_modules');
const toolBin = (name) => join(tools, '.bin', name);
const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const chromiumPath = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';

const SECOND = 1000;
const RUNTIME_TIMEOUT = 90 * SECOND; // a whole runtime: install, build, run
const STEP_TIMEOUT = 60 * SECOND; // one command or page
const WHOLE_RUN_TIMEOUT = 6 * 60 * SECOND;

// ---- processes and servers, all stopped in `cleanup()` ---------------------------------------

const cleanups = [];
const atCleanup = (fn) => cleanups.push(fn);
const running = new Set(); // commands of run() not finished yet
let stopping = false;
let cleaning;
/** Stops everything, once; callers that come later wait for the same run. */
const cleanup = () => (cleaning ??= stopAll());
async function stopAll() {
  stopping = true;
  for (const child of running) child.kill('SIGKILL');
  for (const fn of cleanups.splice(0).reverse()) {
    try {
      await fn();
    } catch (err) {
      console.error(`cleanup: ${err?.message ?? err}`);
    }
  }
}

/** Resolves when `child` has exited; sends SIGTERM, then SIGKILL after `graceMs`. */
function stopChild(child, graceMs = 5 * SECOND) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Runs a command to completion with a timeout; rejects on a non-zero exit. */
function run(cmd, args, { cwd, env, timeoutMs = STEP_TIMEOUT } = {}) {
  return new Promise((resolve, reject) => {
    if (stopping) return reject(new Error('stopping'));
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let stdout = '';
    let stderr = '';
    let lastOutput = performance.now();
    child.stdout.on('data', (d) => {
      stdout += d;
      lastOutput = performance.now();
    });
    child.stderr.on('data', (d) => (stderr += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('error', (err) => {
      running.delete(child);
      clearTimeout(timer);
      reject(err);
    });
    child.once('close', (code, signal) => {
      running.delete(child);
      clearTimeout(timer);
      const what = `${cmd.split('/').pop()} ${args.join(' ')}`.slice(0, 200);
      if (timedOut) reject(new Error(`${what}: timed out after ${timeoutMs / SECOND}s\n${stderr}`));
      else if (code !== 0) reject(new Error(`${what}: exit ${code ?? signal}\n${stderr}${stdout}`));
      else resolve({ stdout, stderr, lingerMs: performance.now() - lastOutput });
    });
  });
}

/** Starts a long-running process; resolves with it once `ready(line, fd)` returns a value. */
function startProcess(cmd, args, { cwd, readyFd = 1, ready, timeoutMs = 20 * SECOND }) {
  if (stopping) return Promise.reject(new Error('stopping'));
  const stdio = ['ignore', 'pipe', 'pipe'];
  if (readyFd === 3) stdio.push('pipe');
  const child = spawn(cmd, args, { cwd, stdio });
  atCleanup(() => stopChild(child));
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  if (readyFd !== 1) child.stdout.resume();
  return new Promise((resolve, reject) => {
    const fail = (why) => {
      clearTimeout(timer);
      reject(new Error(`${cmd.split('/').pop()}: ${why}\n${stderr}`));
    };
    const timer = setTimeout(() => fail(`not ready after ${timeoutMs / SECOND}s`), timeoutMs);
    createInterface({ input: child.stdio[readyFd] }).on('line', (line) => {
      const value = ready(line);
      if (value !== undefined) {
        clearTimeout(timer);
        resolve({ child, value });
      }
    });
    child.once('error', (err) => fail(err.message));
    child.once('exit', (code, signal) => fail(`exited (${code ?? signal}) before it was ready`));
  });
}

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/** A static file server for `dir` on 127.0.0.1; `log` lists the paths it was asked for. */
async function staticServer(dir) {
  const log = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    log.push(path);
    const file = normalize(join(dir, path));
    try {
      if (!file.startsWith(dir + sep)) throw new Error('outside');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((resolve, reject) => server.listen(0, '127.0.0.1', resolve).once('error', reject));
  atCleanup(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });
  return { url: `http://127.0.0.1:${server.address().port}`, log };
}

/** A one-package npm registry on 127.0.0.1 serving the packed tarball (for Deno's `npm:`). */
async function npmRegistry(tgzPath) {
  const tgz = await readFile(tgzPath);
  const manifest = JSON.parse(await readFile(join(pkgDir, 'package.json'), 'utf8'));
  const file = basename(tgzPath);
  let url;
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === `/${manifest.name}`) {
      const dist = {
        tarball: `${url}/${manifest.name}/-/${file}`,
        shasum: createHash('sha1').update(tgz).digest('hex'),
        integrity: `sha512-${createHash('sha512').update(tgz).digest('base64')}`,
      };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ name: manifest.name, 'dist-tags': { latest: manifest.version }, versions: { [manifest.version]: { ...manifest, dist } } }));
    } else if (path === `/${manifest.name}/-/${file}`) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(tgz);
    } else {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"not found"}');
    }
  });
  await new Promise((resolve, reject) => server.listen(0, '127.0.0.1', resolve).once('error', reject));
  atCleanup(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });
  url = `http://127.0.0.1:${server.address().port}`;
  return { url, name: manifest.name, version: manifest.version };
}

/** A 127.0.0.1 URL nothing listens on (a port just bound and released). */
async function deadUrl() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms / SECOND}s`)), ms))),
  ]).finally(() => clearTimeout(timer));
}

// ---- the shared pieces of every runtime ------------------------------------------------------

let work; // temp dir holding the tarball and one project per runtime
let tarball;
let emulator; // base URL
let nowhere; // URL nothing listens on
let files; // static server over `work`
let browser; // playwright persistent context, started on first use

/** A throwaway project with the packed tarball installed and the named fixtures copied in. */
async function project(name, fixtureFiles) {
  if (stopping) throw new Error('stopping');
  const dir = join(work, name);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: `packaging-${name}`, private: true, version: '0.0.0' }));
  await run('npm', ['install', tarball, '--no-audit', '--no-fund', '--offline', '--loglevel=error'], { cwd: dir });
  for (const f of ['scenario.mjs', ...fixtureFiles]) await cp(join(fixtures, f), join(dir, basename(f)));
  return dir;
}

/** What each runtime's scenario needs: the emulator, a fresh account, a dead URL. */
const scenarioEnv = (extra = {}) => ({ baseUrl: emulator, token: `packaging-${randomUUID()}`, deadUrl: nowhere, ...extra });

function resultsFrom(stdout) {
  const line = stdout.split('\n').find((l) => l.startsWith('@@results '));
  if (!line) throw new Error(`no results in the output:\n${stdout}`);
  return JSON.parse(line.slice('@@results '.length));
}

// Node and Deno share one timer among attempts and let go of it between calls: held, it would
// keep a finished script alive until the last attempt's timeout (5 s and up) had passed.
const LINGER_LIMIT_MS = 2500;

/** The results a scenario process printed, and whether it exited once they were printed. */
function processResults({ stdout, lingerMs }) {
  const results = resultsFrom(stdout);
  const ok = lingerMs < LINGER_LIMIT_MS;
  const error = ok ? undefined : `the process exited ${Math.round(lingerMs)} ms after printing its results`;
  results.push({ name: 'the process exits as soon as its calls are done', ok, error });
  return results;
}

async function chromiumPage(url) {
  if (stopping) throw new Error('stopping');
  if (!browser) {
    const { chromium } = createRequire(join(tools, 'noop.js'))('playwright-core');
    const userDataDir = await mkdtemp(join(work, 'chromium-profile-'));
    browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      timeout: 30 * SECOND,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    atCleanup(() => withTimeout(browser.close(), 10 * SECOND, 'closing chromium'));
  }
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => msg.type() === 'error' && problems.push(`console: ${msg.text()}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));
  try {
    await page.goto(url, { timeout: STEP_TIMEOUT });
    await page.waitForFunction(() => window.__results !== undefined, null, { timeout: STEP_TIMEOUT, polling: 100 });
    return await page.evaluate(() => window.__results);
  } catch (err) {
    throw new Error(`${err.message.split('\n')[0]}\n${problems.join('\n')}`);
  } finally {
    await page.close();
  }
}

const pass = (name) => ({ name, ok: true });
const verdict = (name, ok, error) => (ok ? pass(name) : { name, ok: false, error });
const wasmRequests = (prefix) => files.log.filter((p) => p.startsWith(prefix) && p.endsWith('.wasm'));

// ---- the runtimes ----------------------------------------------------------------------------

const runtimes = {
  async 'node-esm'() {
    const dir = await project('node-esm', ['node-esm.mjs']);
    return processResults(await run('node', ['node-esm.mjs', JSON.stringify(scenarioEnv())], { cwd: dir }));
  },

  async 'node-cjs'() {
    const dir = await project('node-cjs', ['node-cjs.cjs']);
    return processResults(await run('node', ['node-cjs.cjs', JSON.stringify(scenarioEnv())], { cwd: dir }));
  },

  async 'node-manual'() {
    const dir = await project('node-manual', ['node-manual.mjs']);
    // The user hosts the .wasm: it is served from elsewhere, under another name.
    await mkdir(join(dir, 'hosted'));
    await cp(join(dir, 'node_modules/apify-client-wasm/apify_client_wasm_bg.wasm'), join(dir, 'hosted/client.wasm'));
    const env = scenarioEnv({ wasmUrl: `${files.url}/node-manual/hosted/client.wasm` });
    const results = processResults(await run('node', ['node-manual.mjs', JSON.stringify(env)], { cwd: dir }));
    const fetched = wasmRequests('/node-manual/');
    results.push(verdict('manual: the .wasm came from the URL given to initialize()', fetched.join() === '/node-manual/hosted/client.wasm', `fetched: ${fetched}`));
    return results;
  },

  async deno() {
    const dir = await project('deno', ['deno.js']);
    const denoDir = join(work, 'deno-dir');
    const env = { DENO_DIR: denoDir, DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1', NO_COLOR: '1' };
    // Only network access to the emulator: loading the package must need no --allow-read/env.
    const args = ['run', '--allow-net=127.0.0.1', 'deno.js', JSON.stringify(scenarioEnv())];
    return processResults(await run(toolBin('deno'), args, { cwd: dir, env }));
  },

  // Deno the usual way: `npm:` specifiers (here through deno.json's import map) fetched into
  // Deno's own cache, no node_modules; the registry is a local one serving the tarball.
  async 'deno-npm'() {
    if (stopping) throw new Error('stopping');
    const registry = await npmRegistry(tarball);
    const dir = join(work, 'deno-npm');
    await mkdir(dir);
    for (const f of ['scenario.mjs', 'deno.js']) await cp(join(fixtures, f), join(dir, f));
    const imports = { [registry.name]: `npm:${registry.name}@${registry.version}` };
    await writeFile(join(dir, 'deno.json'), JSON.stringify({ imports, nodeModulesDir: 'none' }));
    const env = {
      DENO_DIR: join(work, 'deno-npm-dir'),
      NPM_CONFIG_REGISTRY: `${registry.url}/`,
      DENO_NO_UPDATE_CHECK: '1',
      DENO_NO_PROMPT: '1',
      NO_COLOR: '1',
    };
    const args = ['run', '--allow-net=127.0.0.1', 'deno.js', JSON.stringify(scenarioEnv())];
    return processResults(await run(toolBin('deno'), args, { cwd: dir, env }));
  },

  async workerd() {
    const dir = await project('workerd', ['worker.js']);
    const out = join(dir, 'dist');
    // As wrangler bundles: the `workerd` condition, the .wasm left as its own module.
    await run(toolBin('esbuild'), [
      'worker.js', '--bundle', '--format=esm', '--platform=browser', '--conditions=workerd,worker,browser',
      '--external:*.wasm', `--outfile=${join(out, 'worker.js')}`, '--log-level=warning',
    ], { cwd: dir });
    await cp(join(dir, 'node_modules/apify-client-wasm/apify_client_wasm_bg.wasm'), join(out, 'apify_client_wasm_bg.wasm'));
    const bundle = await readFile(join(out, 'worker.js'), 'utf8');
    const imports = [...bundle.matchAll(/^import \w+ from "([^"]+)";$/gm)].map((m) => m[1]);
    await writeFile(join(out, 'config.capnp'), `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "internet", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "worker.js"),
    (name = "apify_client_wasm_bg.wasm", wasm = embed "apify_client_wasm_bg.wasm"),
  ],
  compatibilityDate = "2025-09-01",
  globalOutbound = "internet",
);
`);
    // workerd reports the port it bound on the control fd: {"event":"listen","socket":"http","port":…}
    const { value: port } = await startProcess(toolBin('workerd'), ['serve', 'config.capnp', '--control-fd=3'], {
      cwd: out,
      readyFd: 3,
      ready: (line) => {
        const msg = JSON.parse(line);
        return msg.event === 'listen' && msg.socket === 'http' ? msg.port : undefined;
      },
    });
    const runScenario = async () => {
      const url = `http://127.0.0.1:${port}/?env=${encodeURIComponent(JSON.stringify(scenarioEnv()))}`;
      const res = await fetch(url, { signal: AbortSignal.timeout(STEP_TIMEOUT) });
      if (!res.ok) throw new Error(`worker answered ${res.status}: ${await res.text()}`);
      return res.json();
    };
    const results = await runScenario();
    // Again, in a second request to the same isolate: the client reuses AbortControllers that
    // earlier attempts (here, of the first request) left idle, and workerd ties much of what a
    // request creates to that request; its timeout case must still time out and recover.
    for (const r of await runScenario()) results.push({ ...r, name: `${r.name} (second request)` });
    results.push(verdict('workerd: the bundle imports the .wasm as a module, nothing else', imports.join() === './apify_client_wasm_bg.wasm', `imports: ${imports}`));
    return results;
  },

  async 'chromium-bundle'() {
    const dir = await project('chromium-bundle', ['page.js']);
    const out = join(dir, 'dist');
    await run(toolBin('esbuild'), ['page.js', '--bundle', '--format=esm', '--platform=browser', `--outdir=${out}`, '--log-level=warning'], { cwd: dir });
    // esbuild does not copy assets referenced by `new URL(…, import.meta.url)`: the app does.
    await cp(join(dir, 'node_modules/apify-client-wasm/apify_client_wasm_bg.wasm'), join(out, 'apify_client_wasm_bg.wasm'));
    await cp(join(fixtures, 'bundle.html'), join(out, 'index.html'));
    const env = scenarioEnv();
    const results = await chromiumPage(`${files.url}/chromium-bundle/dist/index.html?env=${encodeURIComponent(JSON.stringify(env))}`);
    const bundle = await readFile(join(out, 'page.js'), 'utf8');
    const wasmBytes = (await stat(join(out, 'apify_client_wasm_bg.wasm'))).size;
    const fetched = wasmRequests('/chromium-bundle/');
    results.push(
      verdict('bundle: one .wasm download, from next to the bundle', fetched.join() === '/chromium-bundle/dist/apify_client_wasm_bg.wasm', `fetched: ${fetched}`),
      // "\0asm" in base64 starts with AGFzbQ; an inlined wasm would also make the bundle
      // larger than the .wasm itself, whatever the glue's size.
      verdict('bundle: no wasm inlined in the JavaScript', !bundle.includes('AGFzbQ') && bundle.length < wasmBytes, `bundle is ${bundle.length} bytes, the .wasm ${wasmBytes}`),
    );
    return results;
  },

  async 'chromium-module'() {
    await project('chromium-module', ['module.html']);
    const env = scenarioEnv();
    const results = await chromiumPage(`${files.url}/chromium-module/module.html?env=${encodeURIComponent(JSON.stringify(env))}`);
    const fetched = wasmRequests('/chromium-module/');
    results.push(verdict('module page: one .wasm download, from the package folder', fetched.join() === '/chromium-module/node_modules/apify-client-wasm/apify_client_wasm_bg.wasm', `fetched: ${fetched}`));
    return results;
  },

  async 'chromium-manual'() {
    const dir = await project('chromium-manual', ['manual.html']);
    await mkdir(join(dir, 'hosted'));
    await cp(join(dir, 'node_modules/apify-client-wasm/apify_client_wasm_bg.wasm'), join(dir, 'hosted/client.wasm'));
    const env = scenarioEnv({ wasmUrl: 'hosted/client.wasm' });
    const results = await chromiumPage(`${files.url}/chromium-manual/manual.html?env=${encodeURIComponent(JSON.stringify(env))}`);
    const fetched = wasmRequests('/chromium-manual/');
    results.push(verdict('manual: the .wasm came from the URL given to initialize()', fetched.join() === '/chromium-manual/hosted/client.wasm', `fetched: ${fetched}`));
    return results;
  },

  // The declaration files, as TypeScript users resolve them (strict, skipLibCheck off).
  async typescript() {
    const names = ['esm.mts', 'cjs.cts', 'bundler.ts', 'tsconfig.node16.json', 'tsconfig.bundler.json'];
    const dir = await project('typescript', names.map((n) => `types/${n}`));
    const results = [];
    for (const [name, config] of [
      ['tsc, Node16 resolution: import (.mts) and require (.cts)', 'tsconfig.node16.json'],
      ['tsc, bundler resolution', 'tsconfig.bundler.json'],
    ]) {
      try {
        await run(toolBin('tsc'), ['-p', config], { cwd: dir });
        results.push(pass(name));
      } catch (err) {
        results.push({ name, ok: false, error: err.message });
      }
    }
    return results;
  },
};

// ---- main ------------------------------------------------------------------------------------

async function main() {
  const only = process.argv.slice(2);
  const unknown = only.filter((n) => !(n in runtimes));
  if (unknown.length) throw new Error(`unknown runtime(s) ${unknown.join(', ')}; known: ${Object.keys(runtimes).join(', ')}`);
  const selected = only.length ? only : Object.keys(runtimes);

  await stat(join(pkgDir, 'package.json')).catch(() => {
    throw new Error(`no package in ${pkgDir}: run pkg-scripts/build (or set PKG_DIR)`);
  });
  work = await mkdtemp(join(tmpdir(), 'apify-client-wasm-packaging-'));
  atCleanup(() => rm(work, { recursive: true, force: true }));

  await run('npm', ['pack', pkgDir, '--pack-destination', work, '--loglevel=error'], { cwd: work });
  tarball = join(work, (await readdir(work)).find((f) => f.endsWith('.tgz')));

  ({ value: emulator } = await startProcess(emulatorBin, ['--port', '0', '--host', '127.0.0.1'], { ready: (line) => line.trim() || undefined }));
  nowhere = await deadUrl();
  files = await staticServer(work);

  const summary = [];
  for (const name of selected) {
    if (stopping) break;
    const started = Date.now();
    let results;
    try {
      results = await withTimeout(runtimes[name](), RUNTIME_TIMEOUT, name);
    } catch (err) {
      results = [{ name: 'runtime set-up', ok: false, error: err?.stack ?? String(err) }];
    }
    for (const r of results.filter((r) => !r.ok)) console.log(`  ✗ ${name}: ${r.name}\n${indent(r.error)}`);
    const passed = results.filter((r) => r.ok).length;
    const failed = results.length - passed;
    summary.push({ name, passed, failed, secs: (Date.now() - started) / SECOND });
    console.log(`${name}: ${passed} passed, ${failed} failed`);
  }
  console.log(`  (seconds: ${summary.map((s) => `${s.name} ${s.secs.toFixed(1)}`).join(', ')})`);
  const passed = summary.reduce((n, s) => n + s.passed, 0);
  const failed = summary.reduce((n, s) => n + s.failed, 0);
  const empty = summary.filter((s) => s.passed + s.failed === 0).map((s) => s.name);
  if (empty.length) console.log(`no tests ran in: ${empty.join(', ')}`);
  console.log(`packaging: ${passed} passed, ${failed} failed`);
  return failed === 0 && empty.length === 0;
}

const indent = (s) => String(s).split('\n').map((l) => `      ${l}`).join('\n');

// Past this, something hangs that no inner timeout caught: clean up and fail.
const watchdog = setTimeout(async () => {
  console.log(`packaging: still running after ${WHOLE_RUN_TIMEOUT / SECOND}s, giving up`);
  console.log('packaging: 0 passed, 1 failed');
  await withTimeout(cleanup(), 20 * SECOND, 'cleanup').catch(() => {});
  process.exit(1);
}, WHOLE_RUN_TIMEOUT);
watchdog.unref();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await withTimeout(cleanup(), 20 * SECOND, 'cleanup').catch(() => {});
    process.exit(1);
  });
}

let ok = false;
try {
  ok = await main();
} catch (err) {
  console.error(err?.stack ?? err);
  console.log('packaging: 0 passed, 1 failed');
} finally {
  await cleanup();
}
process.exit(ok ? 0 : 1);
