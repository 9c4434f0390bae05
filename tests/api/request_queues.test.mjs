// RequestQueueClient and RequestQueueCollectionClient through the packed API, against the emulator.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ApifyClient, ApifyApiError } from './client.mjs';
import { startEmulator, account, lines } from './emulator.mjs';

let emu;
before(async () => {
  emu = await startEmulator();
});
after(() => emu.stop());

function setup(extra = {}) {
  const acc = account(emu.url);
  return { acc, client: new ApifyClient({ token: acc.token, baseUrl: emu.url, ...extra }) };
}

const reqs = (n, prefix = 'r') =>
  Array.from({ length: n }, (_, i) => ({ url: `https://example.com/${prefix}/${i}`, uniqueKey: `${prefix}-${i}` }));

test('list, getOrCreate, get, update, delete (no clientKey on these)', async () => {
  const { acc, client } = setup();
  const q = await client.requestQueues().getOrCreate('rq-crud');
  assert.equal(q.name, 'rq-crud');
  assert.ok(q.createdAt instanceof Date);
  assert.equal((await client.requestQueues().getOrCreate('rq-crud')).id, q.id);
  assert.deepEqual((await client.requestQueues().list({ limit: 1 })).items.map((x) => x.id), [q.id]);
  const rq = client.requestQueue(q.id, { clientKey: 'ck' });
  assert.equal((await rq.get()).id, q.id);
  assert.equal((await rq.update({ name: 'rq-renamed' })).name, 'rq-renamed');
  await rq.delete();
  assert.equal(await rq.get(), undefined);
  assert.deepEqual(lines(await acc.requests()), [
    'POST /v2/request-queues?name=rq-crud',
    'POST /v2/request-queues?name=rq-crud',
    'GET /v2/request-queues?limit=1',
    `GET /v2/request-queues/${q.id}`,
    `PUT /v2/request-queues/${q.id}`,
    `DELETE /v2/request-queues/${q.id}`,
    `GET /v2/request-queues/${q.id}`,
  ]);
});

test('add, get, update, delete requests; head', async () => {
  const { acc, client } = setup();
  const { id } = await client.requestQueues().getOrCreate();
  const rq = client.requestQueue(id, { clientKey: 'ck' });
  const added = await rq.addRequest({ url: 'https://a.example', uniqueKey: 'a' });
  assert.equal(added.wasAlreadyPresent, false);
  const again = await rq.addRequest({ url: 'https://a.example', uniqueKey: 'a' }, { forefront: true });
  assert.deepEqual(again, { requestId: added.requestId, wasAlreadyPresent: true, wasAlreadyHandled: false });
  const got = await rq.getRequest(added.requestId);
  assert.equal(got.url, 'https://a.example');
  assert.equal(await rq.getRequest('nope'), undefined);
  const upd = await rq.updateRequest({ ...got, handledAt: new Date().toISOString() }, { forefront: false });
  assert.equal(upd.requestId, added.requestId);
  await rq.addRequest({ url: 'https://b.example', uniqueKey: 'b' });
  const head = await rq.listHead({ limit: 5 });
  assert.deepEqual(head.items.map((i) => i.uniqueKey), ['b']);
  assert.ok(head.queueModifiedAt instanceof Date);
  await rq.deleteRequest(head.items[0].id);
  assert.equal((await rq.listHead()).items.length, 0);
  await assert.rejects(rq.addRequest({ id: 'x', url: 'https://c.example' }), TypeError);
  assert.deepEqual(lines(await acc.requests()).slice(1), [
    `POST /v2/request-queues/${id}/requests?clientKey=ck`,
    `POST /v2/request-queues/${id}/requests?forefront=true&clientKey=ck`,
    `GET /v2/request-queues/${id}/requests/${added.requestId}`,
    `GET /v2/request-queues/${id}/requests/nope`,
    `PUT /v2/request-queues/${id}/requests/${added.requestId}?forefront=false&clientKey=ck`,
    `POST /v2/request-queues/${id}/requests?clientKey=ck`,
    `GET /v2/request-queues/${id}/head?limit=5&clientKey=ck`,
    `DELETE /v2/request-queues/${id}/requests/${head.items[0].id}?clientKey=ck`,
    `GET /v2/request-queues/${id}/head?clientKey=ck`,
  ]);
});

test('locking: listAndLockHead, prolongRequestLock, deleteRequestLock, unlockRequests', async () => {
  const { acc, client } = setup();
  const { id } = await client.requestQueues().getOrCreate();
  const rq = client.requestQueue(id, { clientKey: 'ck' });
  const other = client.requestQueue(id, { clientKey: 'other' });
  await rq.batchAddRequests(reqs(6));
  await acc.clearRequests();
  const locked = await rq.listAndLockHead({ lockSecs: 60, limit: 3 });
  assert.equal(locked.items.length, 3);
  assert.equal(locked.lockSecs, 60);
  assert.equal(locked.clientKey, 'ck');
  assert.ok(locked.items[0].lockExpiresAt instanceof Date);
  // Locked requests leave the head; another client cannot prolong them.
  assert.deepEqual((await other.listHead()).items.map((i) => i.uniqueKey), ['r-3', 'r-4', 'r-5']);
  await assert.rejects(other.prolongRequestLock(locked.items[0].id, { lockSecs: 10 }), (e) => e instanceof ApifyApiError && e.statusCode === 409);
  const prolonged = await rq.prolongRequestLock(locked.items[0].id, { lockSecs: 30, forefront: true });
  assert.ok(prolonged.lockExpiresAt instanceof Date);
  assert.ok(prolonged.lockExpiresAt.getTime() > Date.now() + 20_000);
  assert.equal(await rq.deleteRequestLock(locked.items[1].id, { forefront: true }), undefined);
  assert.equal((await rq.listHead({ limit: 1 })).items[0].uniqueKey, 'r-1');
  assert.deepEqual(await rq.unlockRequests(), { unlockedCount: 2 });
  assert.equal((await rq.listHead({ limit: 10 })).items.length, 6);
  await assert.rejects(rq.listAndLockHead({ limit: 1 }), TypeError);
  const r0 = locked.items[0].id;
  assert.deepEqual(lines(await acc.requests()), [
    `POST /v2/request-queues/${id}/head/lock?limit=3&lockSecs=60&clientKey=ck`,
    `GET /v2/request-queues/${id}/head?clientKey=other`,
    `PUT /v2/request-queues/${id}/requests/${r0}/lock?lockSecs=10&clientKey=other`,
    `PUT /v2/request-queues/${id}/requests/${r0}/lock?forefront=true&lockSecs=30&clientKey=ck`,
    `DELETE /v2/request-queues/${id}/requests/${locked.items[1].id}/lock?forefront=true&clientKey=ck`,
    `GET /v2/request-queues/${id}/head?limit=1&clientKey=ck`,
    `POST /v2/request-queues/${id}/requests/unlock?clientKey=ck`,
    `GET /v2/request-queues/${id}/head?limit=10&clientKey=ck`,
  ]);
});

test('batchAddRequests: 10,000 requests in batches of 25, at most 5 in flight', async () => {
  const { acc, client } = setup();
  const { id } = await client.requestQueues().getOrCreate();
  const rq = client.requestQueue(id, { clientKey: 'ck' });
  const input = reqs(10_000);
  const result = await rq.batchAddRequests(input, { forefront: false });
  assert.equal(result.processedRequests.length, 10_000);
  assert.equal(result.unprocessedRequests.length, 0);
  assert.deepEqual(new Set(result.processedRequests.map((p) => p.uniqueKey)), new Set(input.map((r) => r.uniqueKey)));
  const sent = lines(await acc.requests());
  assert.equal(sent.length, 1 + 400);
  assert.ok(sent.slice(1).every((l) => l === `POST /v2/request-queues/${id}/requests/batch?forefront=false&clientKey=ck`));
  const q = await rq.get();
  assert.equal(q.totalRequestCount, 10_000);
});

test('batchAddRequests sends runs of 25, the last one shorter, in order; own toJSON is honoured', async () => {
  const bodies = [];
  const { client } = setup({
    fetch: (url, init) => {
      if (init.method === 'POST' && String(url).includes('/requests/batch')) bodies.push(JSON.parse(init.body));
      return fetch(url, init);
    },
  });
  const { id } = await client.requestQueues().getOrCreate();
  const rq = client.requestQueue(id);
  const input = reqs(60, 'runs');
  const r = await rq.batchAddRequests(input, { maxParallel: 1 });
  assert.equal(r.processedRequests.length, 60);
  assert.deepEqual(bodies.map((b) => b.length), [25, 25, 10]);
  assert.deepEqual(bodies.flat(), input);
  // A request serializing itself through toJSON goes as it says; one whose toJSON gives
  // nothing is refused, not sent as null inside the array.
  bodies.length = 0;
  const own = { url: 'https://example.com/own', uniqueKey: 'own', toJSON() { return { url: this.url, uniqueKey: this.uniqueKey, method: 'POST' }; } };
  await rq.batchAddRequests([...reqs(3, 'tj'), own]);
  assert.deepEqual(bodies, [[...reqs(3, 'tj'), { url: 'https://example.com/own', uniqueKey: 'own', method: 'POST' }]]);
  const none = { url: 'https://example.com/none', toJSON: () => undefined };
  await assert.rejects(rq.batchAddRequests([...reqs(2, 'n'), none]), TypeError);
  assert.equal(bodies.length, 1, 'nothing sent for the refused call');
});

test('batchAddRequests keeps at most maxParallel batches in flight', async () => {
  const { acc, client } = setup();
  const { id } = await client.requestQueues().getOrCreate();
  const rq = client.requestQueue(id);
  let inFlight = 0;
  let peak = 0;
  const counting = new ApifyClient({
    token: acc.token,
    baseUrl: emu.url,
    fetch: async (url, init) => {
      peak = Math.max(peak, ++inFlight);
      try {
        return await fetch(url, init);
      } finally {
        inFlight--;
      }
    },
  });
  await acc.fault({ method: 'POST', path: `/v2/request-queues/${id}/requests/batch`, times: 1000, fault: { type: 'latency', ms: 20 } });
  const r = await counting.requestQueue(id).batchAddRequests(reqs(300), { maxParallel: 3 });
  assert.equal(r.processedRequests.length, 300);
  assert.equal(peak, 3);
  peak = 0;
  await counting.requestQueue(id).batchAddRequests(reqs(300, 's'));
  assert.equal(peak, 5);
  assert.ok(rq);
});

test('batchAddRequests under 429/500 faults: retried, nothing lost', async () => {
  const { acc, client } = setup({ minDelayBetweenRetriesMillis: 1 });
  const { id } = await client.requestQueues().getOrCreate();
  const path = `/v2/request-queues/${id}/requests/batch`;
  await acc.fault({ method: 'POST', path, times: 15, fault: { type: 'status', status: 429 } });
  await acc.fault({ method: 'POST', path, times: 15, fault: { type: 'status', status: 500 } });
  const input = reqs(1000);
  const r = await client.requestQueue(id).batchAddRequests(input);
  assert.equal(r.processedRequests.length, 1000);
  assert.equal(r.unprocessedRequests.length, 0);
  assert.equal((await client.requestQueue(id).get()).totalRequestCount, 1000);
  assert.ok(client.stats.rateLimitErrors[0] >= 1);
  // 40 batches + 30 retried attempts.
  assert.equal((await acc.requests()).filter((x) => x.path === path).length, 70);
});

test('batchAddRequests when retries run out: every request accounted for exactly once', async () => {
  const { acc, client } = setup({ maxRetries: 0 });
  const { id } = await client.requestQueues().getOrCreate();
  const path = `/v2/request-queues/${id}/requests/batch`;
  await acc.fault({ method: 'POST', path, times: 7, fault: { type: 'status', status: 500 } });
  const input = reqs(500);
  const r = await client.requestQueue(id).batchAddRequests(input, { maxParallel: 1 });
  assert.equal(r.unprocessedRequests.length, 7 * 25);
  assert.equal(r.processedRequests.length, 500 - 7 * 25);
  const keys = [...r.processedRequests, ...r.unprocessedRequests].map((x) => x.uniqueKey).sort();
  assert.deepEqual(keys, input.map((x) => x.uniqueKey).sort());
  assert.deepEqual(Object.keys(r.unprocessedRequests[0]).sort(), ['method', 'uniqueKey', 'url']);
  assert.equal(r.unprocessedRequests[0].url, 'https://example.com/r/0');
  assert.equal((await client.requestQueue(id).get()).totalRequestCount, 500 - 7 * 25);
});

test('batchAddRequests retries what the API leaves unprocessed, then reports it', async () => {
  const { acc, client } = setup();
  const { id } = await client.requestQueues().getOrCreate();
  // The emulator leaves a request without a url unprocessed: it stays unprocessed on every try.
  const input = [...reqs(30), { uniqueKey: 'no-url' }];
  const r = await client.requestQueue(id).batchAddRequests(input, { minDelayBetweenUnprocessedRequestsRetriesMillis: 1 });
  assert.equal(r.processedRequests.length, 30);
  assert.deepEqual(r.unprocessedRequests, [{ method: undefined, uniqueKey: 'no-url', url: undefined }]);
  const calls = (await acc.requests()).filter((x) => x.path.endsWith('/requests/batch'));
  // Batch 1 (25) once; batch 2 (6) 1 + 3 times, only the unprocessed one re-sent.
  assert.equal(calls.length, 5);
  assert.deepEqual(client.stats.rateLimitErrors, [1, 1, 1, 1]);
});

test('batchAddRequests validates before sending anything', async () => {
  const { acc, client } = setup();
  const { id } = await client.requestQueues().getOrCreate();
  const rq = client.requestQueue(id);
  await assert.rejects(rq.batchAddRequests([]), TypeError);
  await assert.rejects(rq.batchAddRequests([{ url: 'https://x' }, { url: 'https://x', id: 'a' }]), {
    name: 'TypeError',
    message: /requests\[1\] must not have an id/,
  });
  await assert.rejects(rq.batchAddRequests([{ url: 'https://x' }, 'x']), { name: 'TypeError', message: /requests\[1\] must be an object/ });
  const cyclic = { url: 'https://x' };
  cyclic.self = cyclic;
  await assert.rejects(rq.batchAddRequests([cyclic]), { name: 'TypeError', message: /circular/i });
  await assert.rejects(rq.batchAddRequests([{ url: 'https://x', n: 1n }]), { name: 'TypeError', message: /BigInt/ });
  // Sizes are UTF-8 bytes: 4,718,120 × 'é' are 9,436,240 bytes (over), 2,000,000 × '🙂' 8,000,000 (under).
  await assert.rejects(rq.batchAddRequests([{ url: 'https://x', payload: 'é'.repeat(4_718_120) }]), /index: 0 exceeds/);
  const big = { url: 'https://x', uniqueKey: 'big', payload: 'x'.repeat(9_436_240) };
  await assert.rejects(
    rq.batchAddRequests([...reqs(30), big]),
    /The size of the request with index: 30 exceeds the maximum allowed size \(9436240 bytes\)/,
  );
  assert.equal(lines(await acc.requests()).length, 1);
  // Large requests: a batch is cut by bytes before 25.
  const large = Array.from({ length: 6 }, (_, i) => ({ url: `https://x/${i}`, uniqueKey: `L${i}`, payload: 'y'.repeat(3_000_000) }));
  const r = await rq.batchAddRequests(large);
  assert.equal(r.processedRequests.length, 6);
  assert.equal(lines(await acc.requests()).length, 1 + 2);
  const emoji = await rq.batchAddRequests([{ url: 'https://x/e', uniqueKey: 'emoji', payload: '🙂'.repeat(2_000_000) }]);
  assert.equal(emoji.processedRequests.length, 1);
  // The client is still usable after the errors above (no borrow left behind by a thrown exception).
  assert.equal((await rq.batchAddRequests([{ url: 'https://x/ok', uniqueKey: 'after-errors' }])).processedRequests.length, 1);
});

test('batchDeleteRequests', async () => {
  const { acc, client } = setup();
  const { id } = await client.requestQueues().getOrCreate();
  const rq = client.requestQueue(id, { clientKey: 'ck' });
  const { processedRequests } = await rq.batchAddRequests(reqs(3));
  await acc.clearRequests();
  const r = await rq.batchDeleteRequests([{ id: processedRequests[0].requestId }, { uniqueKey: 'r-1' }]);
  assert.equal(r.processedRequests.length, 2);
  assert.deepEqual((await rq.listHead()).items.map((i) => i.uniqueKey), ['r-2']);
  await assert.rejects(rq.batchDeleteRequests(reqs(26).map((x) => ({ uniqueKey: x.uniqueKey }))), TypeError);
  assert.deepEqual(lines(await acc.requests()).slice(0, 1), [`DELETE /v2/request-queues/${id}/requests/batch?clientKey=ck`]);
});

test('listRequests: first page, for await via nextCursor; paginateRequests pages', async () => {
  const { acc, client } = setup();
  const { id } = await client.requestQueues().getOrCreate();
  const rq = client.requestQueue(id, { clientKey: 'ck' });
  const input = reqs(2500);
  await rq.batchAddRequests(input);
  await acc.clearRequests();
  const page = await rq.listRequests({ limit: 5, filter: ['pending'] });
  assert.equal(page.items.length, 5);
  assert.equal(typeof page.nextCursor, 'string');
  const seen = [];
  for await (const r of rq.listRequests({ limit: 2100 })) seen.push(r.uniqueKey);
  const all = [];
  for await (const r of rq.listRequests()) all.push(r.uniqueKey);
  // Batches land in completion order, so compare with the queue's own order.
  assert.equal(all.length, 2500);
  assert.deepEqual(new Set(all), new Set(input.map((r) => r.uniqueKey)));
  assert.deepEqual(seen, all.slice(0, 2100));
  const sent = lines(await acc.requests());
  assert.equal(sent[0], `GET /v2/request-queues/${id}/requests?limit=5&filter=pending&clientKey=ck`);
  assert.equal(sent[1], `GET /v2/request-queues/${id}/requests?limit=2100&clientKey=ck`);
  // The emulator serves 2100 at once; without a limit its pages hold 100, and later pages
  // follow the cursor with no limit, as the official client.
  assert.equal(sent[2], `GET /v2/request-queues/${id}/requests?clientKey=ck`);
  assert.match(sent[3], new RegExp(`^GET /v2/request-queues/${id}/requests\\?clientKey=ck&cursor=[^&]+$`));
  assert.equal(sent.length, 2 + 25);
  await acc.clearRequests();
  const pages = [];
  for await (const p of rq.paginateRequests({ limit: 2300, maxPageLimit: 1000, filter: ['pending'] })) pages.push(p.items.length);
  assert.deepEqual(pages, [1000, 1000, 300]);
  const pl = lines(await acc.requests());
  assert.equal(pl[0], `GET /v2/request-queues/${id}/requests?limit=1000&filter=pending&clientKey=ck`);
  assert.match(pl[2], /\?limit=300&filter=pending&clientKey=ck&cursor=/);
  assert.throws(() => rq.listRequests({ cursor: 'a', exclusiveStartId: 'b' }), TypeError);
  assert.throws(() => rq.listRequests({ filter: ['nope'] }), TypeError);
});

test('timeoutSecs of requestQueue() lowers tiers', async () => {
  const { acc, client } = setup({ maxRetries: 0 });
  const { id } = await client.requestQueues().getOrCreate();
  await acc.fault({ method: 'GET', path: `/v2/request-queues/${id}/head`, fault: { type: 'latency', ms: 1500 } });
  const t0 = Date.now();
  await assert.rejects(client.requestQueue(id, { timeoutSecs: 0.3 }).listHead(), (e) => /timed? ?out|timeout/i.test(`${e.message} ${e.code}`));
  assert.ok(Date.now() - t0 < 1400);
  assert.throws(() => client.requestQueue(id, { nope: 1 }), TypeError);
});
