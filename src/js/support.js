// The few pieces of the package that must be JavaScript: Error subclasses (so that
// `instanceof` and stack traces work as users expect) and the async-iterable Promise of list().

function defineFields(target, fields) {
  for (const [k, v] of Object.entries(fields)) {
    if (k !== 'message' && v !== undefined) target[k] = v;
  }
}

/** An error response from the Apify API (status >= 300, after retries). */
export class ApifyApiError extends Error {
  constructor(fields) {
    super(fields.message, fields.cause === undefined ? undefined : { cause: fields.cause });
    this.name = 'ApifyApiError';
    defineFields(this, fields);
  }
  toJSON() {
    const { name, message, clientMethod, statusCode, type, attempt, httpMethod, path, data } = this;
    return { name, message, clientMethod, statusCode, type, attempt, httpMethod, path, data };
  }
}

/** The API could not be reached (after retries), or it did not answer in time. */
export class ApifyNetworkError extends Error {
  constructor(fields) {
    super(fields.message, fields.cause === undefined ? undefined : { cause: fields.cause });
    this.name = 'ApifyNetworkError';
    defineFields(this, fields);
  }
  toJSON() {
    const { name, message, code, clientMethod, attempt, httpMethod, path } = this;
    return { name, message, code, clientMethod, attempt, httpMethod, path };
  }
}

/** The API answered with a body that does not parse as its content type says (after retries). */
export class InvalidResponseBodyError extends Error {
  constructor(fields) {
    super(fields.message, fields.cause === undefined ? undefined : { cause: fields.cause });
    this.name = 'InvalidResponseBodyError';
    this.code = 'invalid-response-body';
    defineFields(this, fields);
  }
}

// list() results: the Promise itself carries its source under a symbol, and the iterator
// methods are shared functions. A plain assignment keeps the Promise's hidden class shared by
// every call (defineProperty with a fresh closure per call cost 2-3 % of a list() call in Node).
const SOURCE = Symbol('apify-client-wasm list source');

function iteratePages() {
  return this[SOURCE].iterator(this);
}

function iterateItems() {
  return listItems(this[SOURCE].cursor(this));
}

export function attachAsyncIterator(promise, source) {
  promise[SOURCE] = source;
  promise[Symbol.asyncIterator] = iteratePages;
  return promise;
}

/** As attachAsyncIterator, iterating the items of every page `source.cursor(promise)` gives. */
export function attachItemIterator(promise, source) {
  promise[SOURCE] = source;
  promise[Symbol.asyncIterator] = iterateItems;
  return promise;
}

// Every item of every page, with one call into wasm per page. An async generator queues
// overlapping next() calls in order, and return() (a `break` in `for await`) stops it before
// the next page is fetched.
async function* listItems(cursor) {
  try {
    for (let items; (items = await cursor.next()) !== undefined; ) {
      for (let i = 0; i < items.length; i++) yield items[i];
    }
  } finally {
    cursor.free();
  }
}

// Every key ending in `At` (or named `also`) whose value is a string that parses as a date
// becomes a Date, down to depth 3, as the official client's parseDateFields. In JavaScript so
// that a response costs one call, not a wasm crossing (and a string copy) per key. Cheapest test
// first: most values are not strings, most strings are not under an `…At` key.
export function parseDates(value, also, depth = 0) {
  if (depth > 3 || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) parseDates(value[i], also, depth + 1);
    return;
  }
  if (value instanceof Date) return;
  for (const k in value) {
    const v = value[k];
    if (typeof v === 'string') {
      if (v !== '' && (k.endsWith('At') || k === also) && Object.hasOwn(value, k)) {
        // The platform's parser: a JS one reading the digits was faster only once the JIT had
        // optimized it, after ~20,000 dates, and twice as slow before (docs/performance.md).
        const d = new Date(v);
        if (!Number.isNaN(d.getTime())) value[k] = d;
      }
    } else if (typeof v === 'object' && v !== null && Object.hasOwn(value, k)) {
      parseDates(v, also, depth + 1);
    }
  }
}

/** The API's `{data}` envelope unwrapped (as the official `pluckData`), its dates parsed. */
export function shapeData(body) {
  const data = typeof body === 'object' && body !== null && body.data !== undefined ? body.data : body;
  parseDates(data);
  return data;
}

/** What `KeyValueStoreClient.getRecord` resolves to. */
export function record(key, value, contentType) {
  return { key, value, contentType };
}

// How fetchAndRead reads a body; the numbers are `ResponseKind as u8` in src/js/transport.rs.
const AUTO = 0;
const BYTES = 1;
const EMPTY = 2;
const STREAM = 3;

// `Method as u8` in src/core/request.rs: a number crosses from wasm for free, a string is decoded.
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD'];

// How an attempt ended, as `settle` tells Rust: the numbers are matched in transport.rs.
const SUCCEEDED = 0;
const INVALID_BODY = 1;
const TIMED_OUT = 2;
const FAILED = 3;

class InvalidBody {
  constructor(cause) {
    this.cause = cause;
  }
}

// Rust's one callback for every outcome (src/js/settle.rs):
// settle(slot, failure, status, a, b, contentType).
let settle;

/** Registers Rust's outcome callback; once per instance. */
export function setSettle(f) {
  settle = f;
}

// The Promises of tasks still running in wasm, by task slot (src/js/executor.rs): Rust holds
// a number, not two JS functions per call. A slot is reused only after taskDone.
const resolvers = [];
const rejecters = [];

export function taskPromise(slot) {
  return new Promise((resolve, reject) => {
    resolvers[slot] = resolve;
    rejecters[slot] = reject;
  });
}

export function taskDone(slot, ok, value) {
  const settleTask = ok ? resolvers[slot] : rejecters[slot];
  resolvers[slot] = rejecters[slot] = undefined;
  settleTask(value);
}

// Rust's executor drain, run a microtask after a wake from a timer or a promise reaction.
let drain;

export function setDrain(f) {
  drain = f;
}

export function queueDrain() {
  Promise.resolve().then(drain);
}

/**
 * One attempt, all in JavaScript so that it costs Rust one call and no per-await closures: fetch
 * (the caller's, or the global one looked up now, so that tests and polyfills can replace it)
 * under the attempt's timeout and the caller's signal, then the body read as `kind` says. Decodes
 * as the official client does: `application/json` parsed by JSON.parse, text and XML as strings,
 * anything else as bytes (a Buffer in Node); an empty body is undefined. Reports to `slot`:
 * SUCCEEDED with the status, the Response, the body and its content type (read here anyway, and
 * wanted by getRecord); INVALID_BODY with the parse error; TIMED_OUT; or FAILED with the
 * platform's error or the caller's abort reason.
 *
 * The timeout covers reading the body, except for a stream, which the caller reads later. It
 * stops applying when the attempt ends (unwatch), and a finished attempt is never aborted:
 * abort() builds a DOMException and runs fetch's abort listeners, about 5% of a call in Node's
 * CPU profile. Its controller then serves a later attempt (takeController).
 */
export async function fetchAndRead(slot, fetchFn, url, method, headers, body, userSignal, timeoutMs, kind) {
  let lease, res, type, value;
  // Everything inside: whatever throws (even AbortSignal.any missing from an old runtime) is
  // reported, since Rust waits for this slot's report and nothing else.
  try {
    lease = takeController();
    const { controller } = lease;
    watch(lease, timeoutMs);
    const init = {
      method: METHODS[method],
      headers,
      signal: userSignal === undefined ? controller.signal : AbortSignal.any([userSignal, controller.signal]),
    };
    if (body !== undefined) init.body = body;
    res = await (fetchFn === undefined ? fetch(url, init) : fetchFn(url, init));
    type = kind === EMPTY ? undefined : res.headers.get('content-type') ?? undefined;
    value = await readBody(res, kind, type ?? '');
  } catch (e) {
    if (lease !== undefined) unwatch(lease);
    const timedOut = lease?.controller.signal.aborted;
    if (lease !== undefined && !timedOut) releaseController(lease);
    if (timedOut && !userSignal?.aborted) settle(slot, TIMED_OUT, 0, e, undefined, undefined);
    else if (e instanceof InvalidBody) settle(slot, INVALID_BODY, 0, e.cause, undefined, undefined);
    else settle(slot, FAILED, 0, e, undefined, undefined);
    return;
  }
  unwatch(lease);
  // A stream is read after this, still under the controller: it stays with it.
  if (kind !== STREAM) releaseController(lease);
  settle(slot, SUCCEEDED, res.status, res, value, type);
}

// Attempts' AbortControllers, reused one attempt after another (never by two at once): in Node
// a new one is about half of what a signal adds to a fetch, 10-15 µs of CPU per call
// (docs/performance.md, finding 20). undici keeps a listener on a signal it was given until
// that request is garbage-collected, so a controller serves at most CONTROLLER_USES attempts
// (Node warns past the 1,500 listeners undici allows a signal). An aborted controller is never
// reused.
const CONTROLLER_USES = 32;
const MAX_IDLE_CONTROLLERS = 16;
const idleControllers = [];

function takeController() {
  // Every field a lease gets, from the start: one object shape for all of them.
  return idleControllers.pop() ?? { controller: new AbortController(), uses: 0, timer: undefined, deadline: 0 };
}

function releaseController(lease) {
  if (++lease.uses < CONTROLLER_USES && idleControllers.length < MAX_IDLE_CONTROLLERS) idleControllers.push(lease);
}

// Attempt timeouts. A setTimeout + clearTimeout per attempt cost Deno 8-20 µs a call against
// the emulator, while a timer merely pending costs nothing (docs/performance.md, finding 34). So
// where a timer can be told not to keep the process alive (Node, Bun, Deno 2), one shared timer
// serves every attempt in flight: armed for the earliest deadline, left armed when an attempt
// ends, and unref'ed while no attempt is in flight, so that a script still exits as soon as its
// calls are done. When it fires it aborts what is due and re-arms for the next deadline.
// Elsewhere each attempt keeps a timer of its own: workerd ties a timer to the request that set
// it and drops it when that request ends, so a shared one could leave another request's attempt
// with no timeout; browsers would allow a shared one, but there the per-call overhead already
// meets its goal, and they keep the simpler path.
let sharedTimer; // undefined until the first attempt asks; then true or false
const watched = new Set(); // the leases of attempts in flight, with the shared timer
let armed; // the shared timer while it is set: { at, handle, held }

// Node's, Bun's and Deno 2's setTimeout return an object with ref() and unref(). workerd is
// excluded by name: its timers are numbers today, but Node-compatible ones would have both.
function usesSharedTimer() {
  if (globalThis.navigator?.userAgent === 'Cloudflare-Workers') return false;
  const probe = setTimeout(noop, 0);
  clearTimeout(probe);
  return typeof probe?.unref === 'function' && typeof probe.ref === 'function';
}

function noop() {}

/** Aborts the attempt of `lease` once `ms` have passed, unless unwatch(lease) comes first. */
function watch(lease, ms) {
  sharedTimer ??= usesSharedTimer();
  if (!sharedTimer) {
    lease.timer = setTimeout(() => lease.controller.abort(), ms);
    return;
  }
  lease.deadline = performance.now() + ms;
  watched.add(lease);
  if (armed === undefined || lease.deadline < armed.at) arm(lease.deadline);
  else if (!armed.held) hold(true);
}

function unwatch(lease) {
  if (!sharedTimer) {
    clearTimeout(lease.timer);
    return;
  }
  watched.delete(lease);
  if (watched.size === 0 && armed?.held) hold(false);
}

function arm(at) {
  if (armed !== undefined) clearTimeout(armed.handle);
  // Timers fire up to a millisecond early by this clock: sweep() then arms again.
  armed = { at, handle: setTimeout(sweep, Math.max(0, at - performance.now())), held: true };
}

function hold(on) {
  armed.held = on;
  if (on) armed.handle.ref();
  else armed.handle.unref();
}

function sweep() {
  armed = undefined;
  const now = performance.now();
  let next = Infinity;
  for (const lease of watched) {
    if (lease.deadline <= now) {
      watched.delete(lease);
      lease.controller.abort();
    } else if (lease.deadline < next) {
      next = lease.deadline;
    }
  }
  if (next !== Infinity) arm(next);
}

async function readBody(res, kind, type) {
  if (kind === EMPTY) return undefined;
  if (kind === STREAM && res.status < 300) return res.body ?? undefined;
  // The API's own answer, first: no splitting and lower-casing on the common path.
  const essence = type === 'application/json' || type.startsWith('application/json;')
    ? 'application/json'
    : type.split(';')[0].trim().toLowerCase();
  const textual = essence === 'application/json' || essence.startsWith('text/') ||
    (essence.startsWith('application/') && essence.endsWith('xml'));
  if (kind !== BYTES && textual) {
    const text = await res.text();
    if (text.length === 0) return undefined;
    if (essence !== 'application/json') return text;
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new InvalidBody(e);
    }
  }
  const buf = await res.arrayBuffer();
  if (buf.byteLength === 0 && kind !== BYTES) return undefined;
  return typeof Buffer === 'function' ? Buffer.from(buf) : new Uint8Array(buf);
}

// batchAddRequests' work per request stays here: a wasm crossing (and a string copy) per
// request cost more than the request's share of the API call. Rust plans the batches from the
// sizes and handles indexes only (src/js/resources/request_queue.rs).

/**
 * Each request's JSON, its UTF-8 byte length (what the payload limit counts) and the key the API
 * reports it under (`uniqueKey`, else `url`: the API's default), read once, as
 * `[jsons, Uint32Array sizes, keys]`; or the index of the first request that is not an object,
 * has an `id` or does not serialize, for Rust to describe.
 */
export function prepareBatchRequests(requests) {
  const jsons = new Array(requests.length);
  const sizes = new Uint32Array(requests.length);
  const keys = new Array(requests.length);
  for (let i = 0; i < requests.length; i++) {
    // Nothing may throw from here into wasm: a cycle, a BigInt or a throwing getter makes this
    // request the invalid one, and Rust reads it again to report the platform's own error.
    try {
      const r = requests[i];
      if (typeof r !== 'object' || r === null || Array.isArray(r) || r.id !== undefined) return i;
      const json = JSON.stringify(r);
      if (typeof json !== 'string') return i;
      jsons[i] = json;
      sizes[i] = utf8Length(json);
      keys[i] = r.uniqueKey ?? r.url;
    } catch {
      return i;
    }
  }
  return [jsons, sizes, keys];
}

// UTF-8 bytes of a string from JSON.stringify, whose surrogates are always paired (it escapes
// lone ones): 4 bytes per pair, 2 per half. An ASCII string (most requests: URLs and keys) is
// its length, which one native regex scan tells faster than a loop over its characters.
const NON_ASCII = /[^\x00-\x7f]/;

function utf8Length(s) {
  if (!NON_ASCII.test(s)) return s.length;
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
  }
  return n;
}

/** The JSON array body of the requests at `indexes`. */
export function batchBody(jsons, indexes) {
  let body = '[';
  for (let n = 0; n < indexes.length; n++) body += (n > 0 ? ',' : '') + jsons[indexes[n]];
  return body + ']';
}

/** The indexes of `pending` whose key no entry of `processed` (the API's `processedRequests`) has. */
export function stillPending(keys, pending, processed) {
  const done = new Set();
  if (Array.isArray(processed)) for (const p of processed) done.add(p?.uniqueKey);
  return pending.filter((i) => !done.has(keys[i]));
}

/** A fetch body as a stream of text: bytes decoded by the platform's TextDecoderStream. */
export function decodeTextStream(body) {
  if (typeof TextDecoderStream !== 'function') {
    throw new TypeError('LogClient.stream: this runtime has no TextDecoderStream, so logs cannot be streamed; use get()');
  }
  const source = body ?? new ReadableStream({ start(c) { c.close(); } });
  return source.pipeThrough(new TextDecoderStream());
}
