// ApifyClient itself: options, the fetch it uses, what goes on the wire, stats, errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ApifyClient, ApifyApiError, ApifyNetworkError } from './client.mjs';
import { startEmulator, account, lines } from './emulator.mjs';

let emu;
before(async () => {
  emu = await startEmulator();
});
after(() => emu.stop());

/** A fetch that records what the client hands it, then calls the real one. */
function recordingFetch() {
  const calls = [];
  const fetchFn = (url, init) => {
    calls.push({ url, method: init.method, headers: Object.fromEntries(new Headers(init.headers)) });
    return fetch(url, init);
  };
  return { calls, fetchFn };
}

test('the token goes only in the Authorization header; a custom fetch is used', async () => {
  const acc = account(emu.url);
  const { calls, fetchFn } = recordingFetch();
  const client = new ApifyClient({ token: acc.token, baseUrl: `${emu.url}/`, fetch: fetchFn, userAgentSuffix: ['sfx1', 'sfx2'] });
  assert.equal(client.baseUrl, `${emu.url}/v2`);
  assert.equal(client.token, acc.token);
  await client.datasets().getOrCreate('wire');
  assert.equal(calls.length, 1);
  assert.equal(calls[0].url, `${emu.url}/v2/datasets?name=wire`);
  assert.equal(calls[0].method, 'POST');
  assert.equal(calls[0].headers.authorization, `Bearer ${acc.token}`);
  assert.match(calls[0].headers['user-agent'], /^ApifyClientWasm\/\d+\.\d+\.\d+; sfx1; sfx2$/);
  assert.ok(!calls[0].url.includes(acc.token));
});

test('ids and keys are percent-encoded as one path segment', async () => {
  const acc = account(emu.url);
  const { calls, fetchFn } = recordingFetch();
  const client = new ApifyClient({ token: acc.token, baseUrl: emu.url, fetch: fetchFn });
  assert.equal(await client.dataset('../users/me?x=1#y').get(), undefined);
  assert.equal(await client.dataset('someone/my data').get(), undefined);
  assert.deepEqual(calls.map((c) => c.url.slice(emu.url.length)), [
    '/v2/datasets/..~users%2Fme%3Fx%3D1%23y',
    '/v2/datasets/someone~my%20data',
  ]);
  assert.deepEqual(lines(await acc.requests()), ['GET /v2/datasets/..~users%2Fme%3Fx%3D1%23y', 'GET /v2/datasets/someone~my%20data']);
});

test('stats count calls, requests and rate-limit errors per attempt', async () => {
  const acc = account(emu.url);
  const client = new ApifyClient({ token: acc.token, baseUrl: emu.url, minDelayBetweenRetriesMillis: 1 });
  const ds = await client.datasets().getOrCreate();
  await acc.fault({ method: 'GET', path: `/v2/datasets/${ds.id}`, times: 2, fault: { type: 'status', status: 429 } });
  await client.dataset(ds.id).get();
  assert.deepEqual(client.stats, { calls: 2, requests: 4, rateLimitErrors: [1, 1] });
});

test('option errors name the option', () => {
  assert.throws(() => new ApifyClient({ token: 1 }), { name: 'TypeError', message: /"token" must be a string, got number/ });
  assert.throws(() => new ApifyClient({ baseUrl: 'api.apify.com' }), { name: 'TypeError', message: /"baseUrl" must be an http\(s\) URL/ });
  assert.throws(() => new ApifyClient({ maxRetries: 1.5 }), { name: 'RangeError', message: /maxRetries/ });
  assert.throws(() => new ApifyClient({ timeoutSecs: -1 }), { name: 'RangeError', message: /timeoutSecs/ });
  assert.throws(() => new ApifyClient({ fetch: 'no' }), { name: 'TypeError', message: /"fetch" must be a function/ });
  assert.throws(() => new ApifyClient({ requestInterceptors: [() => {}] }), { name: 'TypeError', message: /pass a custom "fetch"/ });
  assert.throws(() => new ApifyClient('token'), { name: 'TypeError', message: /options must be an object/ });
  new ApifyClient({ requestInterceptors: [] });
  new ApifyClient();
  const client = new ApifyClient();
  assert.throws(() => client.dataset(''), { name: 'TypeError', message: /id must be a non-empty string/ });
  assert.throws(() => client.datasets().list({ limit: -1 }), { name: 'RangeError', message: /"limit" must be a whole number/ });
  assert.throws(() => client.datasets().list({ chunkSize: 10 }), { name: 'TypeError', message: /unknown option "chunkSize"/ });
});

test('header values fetch would refuse are errors before any request, never retried', async () => {
  assert.throws(() => new ApifyClient({ token: 'a\nb' }), { name: 'TypeError', message: /"token" must be usable as a header value/ });
  assert.throws(() => new ApifyClient({ userAgentSuffix: ['ok', 'smile 🙂'] }), { name: 'TypeError', message: /"userAgentSuffix".*entry 1 has a line break or a character beyond Latin-1/ });
  let requests = 0;
  const fetchFn = async () => {
    requests++;
    return new Response(null, { status: 201 });
  };
  const client = new ApifyClient({ fetch: fetchFn, minDelayBetweenRetriesMillis: 1 });
  await assert.rejects(client.keyValueStore('s').setRecord({ key: 'k', value: 'v', contentType: 'text/plain\r\nx-evil: 1' }), {
    name: 'TypeError',
    message: /KeyValueStoreClient.setRecord: the content-type header value has a line break/,
  });
  assert.equal(requests, 0);
});

test('numbers go into messages and queries as JavaScript writes them', async () => {
  // The wasm carries no float formatting: fractions are written by the platform (String(n)).
  assert.throws(() => new ApifyClient({ maxRetries: 1.5 }), { name: 'RangeError', message: /from 0 to 100, got 1\.5$/ });
  assert.throws(() => new ApifyClient({ timeoutSecs: -0.25 }), { name: 'RangeError', message: /got -0\.25$/ });
  const client = new ApifyClient();
  assert.throws(() => client.datasets().list({ limit: 2.5 }), { name: 'RangeError', message: /whole number from 0 to 2\^53 - 1, got 2\.5$/ });
  // Beyond Number.MAX_SAFE_INTEGER a count would not survive the trip to an integer.
  assert.throws(() => client.datasets().list({ limit: 1e300 }), { name: 'RangeError', message: /got 1e\+300$/ });
  assert.throws(() => client.datasets().list({ offset: -Infinity }), { name: 'RangeError', message: /must be finite, got -Infinity$/ });
  await assert.rejects(client.actor('a/b').start({}, { memory: -1e-7 }), { name: 'RangeError', message: /"memory" must be ≥ 0, got -1e-7$/ });
  const urls = [];
  const fetchFn = async (url) => {
    urls.push(url);
    return new Response('{"data":{"id":"r"}}', { status: 201, headers: { 'content-type': 'application/json' } });
  };
  await new ApifyClient({ fetch: fetchFn }).actor('a/b').start({}, { timeout: 1e21, memory: 2 ** 53, maxTotalChargeUsd: 0.1 + 0.2 });
  assert.equal(urls.length, 1);
  assert.ok(
    urls[0].endsWith('/v2/actors/a~b/runs?timeout=1e%2B21&memory=9007199254740992&maxTotalChargeUsd=0.30000000000000004'),
    urls[0],
  );
});

test('async methods reject (not throw) on bad options, like the official client', async () => {
  const client = new ApifyClient();
  const p = client.dataset('x').get({ bogus: true });
  assert.ok(p instanceof Promise);
  await assert.rejects(p, { name: 'TypeError', message: /DatasetClient.get: unknown option "bogus"/ });
  await assert.rejects(client.dataset('x').get({ signal: 'nope' }), { name: 'TypeError', message: /"signal" must be an AbortSignal/ });
});

test('errors are Error subclasses that serialize with their message', async () => {
  const acc = account(emu.url);
  const client = new ApifyClient({ token: acc.token, baseUrl: emu.url });
  const e = await client.dataset('missing').update({ title: 't' }).catch((x) => x);
  assert.ok(e instanceof ApifyApiError);
  assert.ok(e instanceof Error);
  assert.equal(e.name, 'ApifyApiError');
  assert.match(e.stack, /ApifyApiError/);
  const json = JSON.parse(JSON.stringify(e));
  assert.equal(json.message, e.message);
  assert.equal(json.statusCode, 404);
  assert.equal(json.httpMethod, 'put');

  const unreachable = new ApifyClient({ token: acc.token, baseUrl: 'http://127.0.0.1:9', maxRetries: 0 });
  const n = await unreachable.dataset('x').get().catch((x) => x);
  assert.ok(n instanceof ApifyNetworkError);
  assert.equal(n.code, 'network-error');
  assert.ok(n.cause instanceof Error);
  assert.ok(!JSON.stringify(n).includes(acc.token));
  assert.ok(!String(n.stack).includes(acc.token));
});

test('an aborted call rejects with the signal reason and sends nothing more', async () => {
  const acc = account(emu.url);
  const client = new ApifyClient({ token: acc.token, baseUrl: emu.url });
  const ds = await client.datasets().getOrCreate();
  const before = (await acc.requests()).length;
  const already = AbortSignal.abort(new Error('stop'));
  await assert.rejects(client.dataset(ds.id).get({ signal: already }), { message: 'stop' });
  await acc.fault({ method: 'GET', path: `/v2/datasets/${ds.id}/items`, fault: { type: 'latency', ms: 2000 } });
  const c = new AbortController();
  const p = client.dataset(ds.id).listItems({ signal: c.signal });
  setTimeout(() => c.abort(), 100);
  await assert.rejects(p, { name: 'AbortError' });
  assert.equal((await acc.requests()).length, before + 1);
});

test('whatever an attempt throws rejects the call; nothing hangs', async () => {
  const boom = new TypeError('boom');
  const client = new ApifyClient({ maxRetries: 0, fetch: () => { throw boom; } });
  await assert.rejects(client.dataset('d').get(), (e) => e.name === 'ApifyNetworkError' && e.cause === boom);
  // A runtime without AbortSignal.any (Node < 20.3) and a caller's signal: the TypeError from
  // setting up the attempt is reported like any other failure.
  const any = AbortSignal.any;
  AbortSignal.any = undefined;
  try {
    const c = new ApifyClient({ maxRetries: 0, fetch: async () => new Response('{}') });
    await assert.rejects(c.dataset('d').get({ signal: new AbortController().signal }), (e) => e.cause instanceof TypeError);
  } finally {
    AbortSignal.any = any;
  }
});

/** A fetch answering from `respond(url, init, n)` that, like fetch, rejects once init.signal aborts. */
function signalFetch(respond) {
  const signals = [];
  const fetchFn = (url, init) => {
    signals.push(init.signal);
    const n = signals.length;
    return new Promise((resolve, reject) => {
      if (init.signal.aborted) return reject(init.signal.reason);
      init.signal.addEventListener('abort', () => reject(init.signal.reason));
      Promise.resolve(respond(url, init, n)).then((r) => r !== undefined && resolve(r));
    });
  };
  return { signals, fetchFn };
}
const json = (v) => new Response(JSON.stringify({ data: v }), { headers: { 'content-type': 'application/json' } });

test('every attempt runs under a signal of its own: a timed-out one is not reused, concurrent ones differ', async () => {
  // Attempt 1 hangs until its timeout aborts it; attempt 2 must start with a live signal.
  const { signals, fetchFn } = signalFetch((url, init, n) => (n === 1 ? undefined : json({ id: 'd' })));
  const client = new ApifyClient({ fetch: fetchFn, timeoutSecs: 0.05, maxRetries: 1, minDelayBetweenRetriesMillis: 1 });
  assert.deepEqual(await client.dataset('d').get(), { id: 'd' });
  assert.equal(signals.length, 2);
  assert.equal(signals[0].aborted, true);
  assert.equal(signals[1].aborted, false);

  const concurrent = signalFetch(() => new Promise((r) => setTimeout(() => r(json({})), 5)));
  const c2 = new ApifyClient({ fetch: concurrent.fetchFn });
  await Promise.all([c2.dataset('a').get(), c2.dataset('b').get(), c2.dataset('c').get()]);
  await Promise.all([c2.dataset('a').get(), c2.dataset('b').get(), c2.dataset('c').get()]);
  for (const wave of [concurrent.signals.slice(0, 3), concurrent.signals.slice(3)]) {
    assert.equal(new Set(wave).size, 3, 'two attempts in flight at once never share a signal');
  }
});

test('many overlapping attempts, some answered and some hung, each end at their own time', { timeout: 10_000 }, async () => {
  // Twenty calls in flight at once with timeouts from 40 to 400 ms, started in an order that
  // makes the earliest deadline move both ways; every other one is answered after 10 ms.
  const { fetchFn } = signalFetch((url) => {
    const answered = Number(new URL(url).pathname.split('/').pop()) % 2 === 0;
    return answered ? new Promise((r) => setTimeout(() => r(json({ ok: 1 })), 10)) : undefined;
  });
  const secs = [0.4, 0.04, 0.2, 0.06, 0.3, 0.1, 0.08, 0.35, 0.05, 0.25, 0.15, 0.12, 0.4, 0.07, 0.09, 0.3, 0.2, 0.045, 0.18, 0.11];
  const t0 = performance.now();
  const outcomes = await Promise.all(secs.map(async (timeoutSecs, i) => {
    const client = new ApifyClient({ fetch: fetchFn, maxRetries: 0, timeoutSecs });
    try {
      return { i, value: await client.dataset(String(i)).get(), ms: performance.now() - t0 };
    } catch (e) {
      return { i, code: e.code, ms: performance.now() - t0 };
    }
  }));
  for (const { i, value, code, ms } of outcomes) {
    if (i % 2 === 0) {
      assert.deepEqual(value, { ok: 1 }, `call ${i} was answered`);
    } else {
      assert.equal(code, 'timeout', `call ${i} timed out`);
      assert.ok(ms >= secs[i] * 1000 - 5 && ms < secs[i] * 1000 + 300, `call ${i} (${secs[i] * 1000} ms) ended after ${Math.round(ms)} ms`);
    }
  }
  // And a call after all that is timed as well.
  const late = performance.now();
  await assert.rejects(new ApifyClient({ fetch: fetchFn, maxRetries: 0, timeoutSecs: 0.05 }).dataset('1').get(), { code: 'timeout' });
  assert.ok(performance.now() - late < 400);
});

test('a streamed log keeps flowing when a later call times out', async () => {
  let push;
  const { signals, fetchFn } = signalFetch((url, init, n) => {
    if (n > 1) return undefined; // every later attempt hangs until its timeout
    const body = new ReadableStream({
      start(c) {
        push = (s) => (s === null ? c.close() : c.enqueue(new TextEncoder().encode(s)));
        init.signal.addEventListener('abort', () => c.error(init.signal.reason));
      },
    });
    return new Response(body, { headers: { 'content-type': 'text/plain' } });
  });
  const client = new ApifyClient({ fetch: fetchFn, timeoutSecs: 0.05, maxRetries: 0 });
  const stream = await client.log('r').stream();
  push('first ');
  await assert.rejects(client.dataset('d').get(), { name: 'ApifyNetworkError' });
  assert.equal(signals[0].aborted, false, "the stream's request must not follow the later call's timeout");
  push('second');
  push(null);
  let text = '';
  for await (const chunk of stream) text += chunk;
  assert.equal(text, 'first second');
});
