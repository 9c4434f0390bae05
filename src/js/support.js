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

export function attachAsyncIterator(promise, source) {
  Object.defineProperty(promise, Symbol.asyncIterator, {
    value() {
      return source.iterator(this);
    },
  });
  return promise;
}

/** As attachAsyncIterator, iterating the items of every page `source.cursor(promise)` gives. */
export function attachItemIterator(promise, source) {
  Object.defineProperty(promise, Symbol.asyncIterator, {
    value() {
      return listItems(source.cursor(this));
    },
  });
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
// that a response costs one call, not a wasm crossing (and a string copy) per key.
export function parseDates(value, also, depth = 0) {
  if (depth > 3 || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) parseDates(value[i], also, depth + 1);
    return;
  }
  if (value instanceof Date) return;
  for (const k in value) {
    if (!Object.hasOwn(value, k)) continue;
    const v = value[k];
    if ((k.endsWith('At') || k === also) && typeof v === 'string') {
      const d = new Date(v);
      if (v !== '' && !Number.isNaN(d.getTime())) value[k] = d;
      continue;
    }
    if (typeof v === 'object' && v !== null) parseDates(v, also, depth + 1);
  }
}

// How fetchAndRead reads a body; the numbers are `ResponseKind as u8` in src/js/transport.rs.
const AUTO = 0;
const BYTES = 1;
const EMPTY = 2;
const STREAM = 3;

// Why an attempt failed, as `failureKind` tells Rust: the numbers are matched in transport.rs.
const OTHER = 0;
const INVALID_BODY = 1;
const TIMED_OUT = 2;

class AttemptFailure {
  constructor(kind, cause) {
    this.kind = kind;
    this.cause = cause;
  }
}

/** How an attempt of fetchAndRead failed: INVALID_BODY (`cause` is the parse error), TIMED_OUT or OTHER. */
export function failureKind(e) {
  return e instanceof AttemptFailure ? e.kind : OTHER;
}

/**
 * One attempt, all in JavaScript so that it costs Rust one call and one await: fetch (the
 * caller's, or the global one looked up now, so that tests and polyfills can replace it) under
 * the attempt's timeout and the caller's signal, then the body read as `kind` says. Decodes as
 * the official client does: `application/json` parsed by JSON.parse, text and XML as strings,
 * anything else as bytes (a Buffer in Node); an empty body is undefined. Resolves to
 * [response, body]; rejects with the platform's error, the caller's abort reason, or an
 * AttemptFailure (timed out; body did not parse).
 *
 * The timeout covers reading the body, except for a stream, which the caller reads later. The
 * timer is cleared when the attempt ends, and a finished attempt is never aborted: abort() builds
 * a DOMException and runs fetch's abort listeners, about 5% of a call in Node's CPU profile.
 */
export async function fetchAndRead(fetchFn, url, method, headers, body, userSignal, timeoutMs, kind) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const init = {
    method,
    headers,
    signal: userSignal === undefined ? controller.signal : AbortSignal.any([userSignal, controller.signal]),
  };
  if (body !== undefined) init.body = body;
  try {
    return await readResponse(await (fetchFn === undefined ? fetch(url, init) : fetchFn(url, init)), kind);
  } catch (e) {
    if (controller.signal.aborted && !userSignal?.aborted) throw new AttemptFailure(TIMED_OUT, e);
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

async function readResponse(res, kind) {
  if (kind === EMPTY) return [res, undefined];
  if (kind === STREAM && res.status < 300) return [res, res.body ?? undefined];
  const type = res.headers.get('content-type') ?? '';
  // The API's own answer, first: no splitting and lower-casing on the common path.
  const essence = type === 'application/json' || type.startsWith('application/json;')
    ? 'application/json'
    : type.split(';')[0].trim().toLowerCase();
  const textual = essence === 'application/json' || essence.startsWith('text/') ||
    (essence.startsWith('application/') && essence.endsWith('xml'));
  if (kind !== BYTES && textual) {
    const text = await res.text();
    if (text.length === 0) return [res, undefined];
    if (essence !== 'application/json') return [res, text];
    try {
      return [res, JSON.parse(text)];
    } catch (e) {
      throw new AttemptFailure(INVALID_BODY, e);
    }
  }
  const buf = await res.arrayBuffer();
  if (buf.byteLength === 0 && kind !== BYTES) return [res, undefined];
  return [res, typeof Buffer === 'function' ? Buffer.from(buf) : new Uint8Array(buf)];
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
// lone ones): 4 bytes per pair, 2 per half.
function utf8Length(s) {
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
