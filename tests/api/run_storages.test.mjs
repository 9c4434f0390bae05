// A run's storages through the three ways to reach them: `run(id)`, `actor(id).lastRun()` and
// `task(id).lastRun()` (the API's `/v2/actor-runs/{runId}/…`, `/v2/actors/{actorId}/runs/last/…`
// and `/v2/actor-tasks/{actorTaskId}/runs/last/…`). Every dataset, key-value store and request
// queue method runs through the sub-client against a finished run of apify/hello-world, and every
// request line is checked: the path below the prefix as the plain storage client sends it, plus
// the `lastRun` filters, which carry to every request of the sub-clients.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ApifyClient } from './client.mjs';
import { startEmulator, account, lines } from './emulator.mjs';
import { assertLines } from './golden.mjs';

let emu;
before(async () => {
  emu = await startEmulator();
});
after(() => emu.stop());

const INPUT = { count: 3, hello: 'storages' };

/** The three prefixes: each makes a finished hello-world run and the client that reaches it. */
const PREFIXES = [
  {
    name: 'run(id)',
    async make(client) {
      const run = await client.actor('apify/hello-world').call(INPUT);
      return { run, sub: () => client.run(run.id), prefix: `/v2/actor-runs/${run.id}`, params: '' };
    },
  },
  {
    name: 'actor(id).lastRun({status})',
    async make(client) {
      const run = await client.actor('apify/hello-world').call(INPUT);
      const sub = () => client.actor('apify/hello-world').lastRun({ status: 'SUCCEEDED' });
      return { run, sub, prefix: '/v2/actors/apify~hello-world/runs/last', params: 'status=SUCCEEDED' };
    },
  },
  {
    name: 'task(id).lastRun({origin})',
    async make(client) {
      const actor = await client.actor('apify/hello-world').get();
      const task = await client.tasks().create({ actId: actor.id, name: 'storages-task' });
      const run = await client.task(task.id).call(INPUT);
      const sub = () => client.task(task.id).lastRun({ origin: 'API' });
      return { run, sub, prefix: `/v2/actor-tasks/${task.id}/runs/last`, params: 'origin=API' };
    },
  },
];

function setup() {
  const acc = account(emu.url);
  return { acc, client: new ApifyClient({ token: acc.token, baseUrl: emu.url }) };
}

/** `line('GET', '/dataset/items', 'limit=2')` below the prefix, with the inherited params. */
function liner(prefix, params) {
  return (method, tail, query = '') => {
    const q = [query, params].filter(Boolean).join('&');
    return `${method} ${prefix}${tail}${q ? `?${q}` : ''}`;
  };
}

for (const p of PREFIXES) {
  test(`${p.name}: every dataset method`, async () => {
    const { acc, client } = setup();
    const { run, sub, prefix, params } = await p.make(client);
    const line = liner(prefix, params);
    await acc.clearRequests();
    const ds = sub().dataset();
    const got = await ds.get();
    assert.equal(got.id, run.defaultDatasetId);
    const updated = await ds.update({ title: 'Run data' });
    assert.equal(updated.title, 'Run data');
    const page = await ds.listItems({ limit: 2 });
    assert.equal(page.items.length, 2);
    assert.equal(page.total, 3);
    const csv = new TextDecoder().decode(await ds.downloadItems('csv', { fields: ['index'] }));
    assert.deepEqual(csv.trim().split(/\r?\n/), ['index', '0', '1', '2']);
    await ds.pushItems({ hello: 'pushed' });
    const stats = await ds.getStatistics();
    assert.equal(typeof stats, 'object');
    const all = await ds.listItems({ desc: true });
    assert.equal(all.items.length, 4);
    assert.deepEqual(all.items[0], { hello: 'pushed' });
    await ds.delete();
    assert.equal(await client.dataset(run.defaultDatasetId).get(), undefined);
    assertLines(lines(await acc.requests()), [
      line('GET', '/dataset'),
      line('PUT', '/dataset'),
      line('GET', '/dataset/items', 'limit=2'),
      line('GET', '/dataset/items', 'format=csv&fields=index'),
      line('POST', '/dataset/items'),
      line('GET', '/dataset/statistics'),
      line('GET', '/dataset/items', 'desc=true'),
      line('DELETE', '/dataset'),
      `GET /v2/datasets/${run.defaultDatasetId}`,
    ]);
  });

  test(`${p.name}: every key-value store method`, async () => {
    const { acc, client } = setup();
    const { run, sub, prefix, params } = await p.make(client);
    const line = liner(prefix, params);
    await acc.clearRequests();
    const kv = sub().keyValueStore();
    const got = await kv.get();
    assert.equal(got.id, run.defaultKeyValueStoreId);
    const updated = await kv.update({ title: 'Run store' });
    assert.equal(updated.title, 'Run store');
    const out = await kv.getRecord('OUTPUT');
    assert.deepEqual(out.value, INPUT);
    await kv.setRecord({ key: 'extra', value: { a: 1 } });
    assert.equal(await kv.recordExists('extra'), true);
    const keys = await kv.listKeys({ prefix: 'ex' });
    assert.deepEqual(keys.items.map((k) => k.key), ['extra']);
    const zip = await kv.downloadRecords({ prefix: 'ext' });
    assert.ok(zip instanceof Uint8Array);
    assert.deepEqual([...zip.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04]); // a ZIP local file header
    assert.ok(new TextDecoder().decode(zip).includes('extra'));
    await kv.deleteRecord('extra');
    assert.equal(await kv.recordExists('extra'), false);
    await kv.delete();
    assert.equal(await client.keyValueStore(run.defaultKeyValueStoreId).get(), undefined);
    assertLines(lines(await acc.requests()), [
      line('GET', '/key-value-store'),
      line('PUT', '/key-value-store'),
      line('GET', '/key-value-store/records/OUTPUT', 'attachment=true'),
      line('PUT', '/key-value-store/records/extra'),
      line('HEAD', '/key-value-store/records/extra'),
      line('GET', '/key-value-store/keys', 'prefix=ex'),
      line('GET', '/key-value-store/records', 'prefix=ext'),
      line('DELETE', '/key-value-store/records/extra'),
      line('HEAD', '/key-value-store/records/extra'),
      line('DELETE', '/key-value-store'),
      `GET /v2/key-value-stores/${run.defaultKeyValueStoreId}`,
    ]);
  });

  test(`${p.name}: every request queue method`, async () => {
    const { acc, client } = setup();
    const { run, sub, prefix, params } = await p.make(client);
    const line = liner(prefix, params);
    await acc.clearRequests();
    const rq = sub().requestQueue();
    const got = await rq.get();
    assert.equal(got.id, run.defaultRequestQueueId);
    const updated = await rq.update({ title: 'Run queue' });
    assert.equal(updated.title, 'Run queue');
    const a = await rq.addRequest({ url: 'https://example.com/a', uniqueKey: 'a' });
    assert.equal(a.wasAlreadyPresent, false);
    const batch = await rq.batchAddRequests([
      { url: 'https://example.com/b', uniqueKey: 'b' },
      { url: 'https://example.com/c', uniqueKey: 'c' },
    ]);
    assert.equal(batch.processedRequests.length, 2);
    assert.deepEqual(batch.unprocessedRequests, []);
    const req = await rq.getRequest(a.requestId);
    assert.equal(req.url, 'https://example.com/a');
    await rq.updateRequest({ ...req, userData: { seen: true } });
    assert.deepEqual((await rq.getRequest(a.requestId)).userData, { seen: true });
    const head = await rq.listHead({ limit: 5 });
    assert.equal(head.items.length, 3);
    const locked = await rq.listAndLockHead({ lockSecs: 60, limit: 2 });
    assert.equal(locked.items.length, 2);
    const [l0, l1] = locked.items.map((i) => i.id);
    const prolonged = await rq.prolongRequestLock(l0, { lockSecs: 30 });
    assert.ok(prolonged.lockExpiresAt instanceof Date);
    assert.equal(await rq.deleteRequestLock(l1), undefined);
    assert.deepEqual(await rq.unlockRequests(), { unlockedCount: 1 });
    const listed = await rq.listRequests({ limit: 10 });
    assert.equal(listed.items.length, 3);
    const deleted = await rq.batchDeleteRequests([{ uniqueKey: 'c' }]);
    assert.equal(deleted.processedRequests.length, 1);
    await rq.deleteRequest(a.requestId);
    assert.equal(await rq.getRequest(a.requestId), undefined);
    await rq.delete();
    assert.equal(await client.requestQueue(run.defaultRequestQueueId).get(), undefined);
    assertLines(lines(await acc.requests()), [
      line('GET', '/request-queue'),
      line('PUT', '/request-queue'),
      line('POST', '/request-queue/requests'),
      line('POST', '/request-queue/requests/batch'),
      line('GET', `/request-queue/requests/${a.requestId}`),
      line('PUT', `/request-queue/requests/${a.requestId}`),
      line('GET', `/request-queue/requests/${a.requestId}`),
      line('GET', '/request-queue/head', 'limit=5'),
      line('POST', '/request-queue/head/lock', 'limit=2&lockSecs=60'),
      line('PUT', `/request-queue/requests/${l0}/lock`, 'lockSecs=30'),
      line('DELETE', `/request-queue/requests/${l1}/lock`),
      line('POST', '/request-queue/requests/unlock'),
      line('GET', '/request-queue/requests', 'limit=10'),
      line('DELETE', '/request-queue/requests/batch'),
      line('DELETE', `/request-queue/requests/${a.requestId}`),
      line('GET', `/request-queue/requests/${a.requestId}`),
      line('DELETE', '/request-queue'),
      `GET /v2/request-queues/${run.defaultRequestQueueId}`,
    ]);
  });
}

// The run's own methods below `runs/last` (the `run(id)` forms are tested in runs.test.mjs):
// log, reboot, metamorph and abort of a running sleeper.
for (const kind of ['actor', 'task']) {
  test(`${kind}(id).lastRun(): log, reboot, metamorph, abort`, async () => {
    const { acc, client } = setup();
    let owner;
    let prefix;
    if (kind === 'actor') {
      owner = client.actor('apify/sleeper');
      prefix = '/v2/actors/apify~sleeper/runs/last';
    } else {
      const actor = await client.actor('apify/sleeper').get();
      const task = await client.tasks().create({ actId: actor.id, name: 'sleeper-task' });
      owner = client.task(task.id);
      prefix = `/v2/actor-tasks/${task.id}/runs/last`;
    }
    const run = await owner.start({ seconds: 30 });
    while ((await client.run(run.id).get()).status !== 'RUNNING') await new Promise((r) => setTimeout(r, 25));
    await acc.clearRequests();
    const last = owner.lastRun();
    assert.equal(typeof (await last.log().get()), 'string');
    assert.equal((await last.reboot()).id, run.id);
    const morphed = await last.metamorph('apify/sleeper', { seconds: 30 });
    assert.equal(morphed.id, run.id);
    const aborted = await last.abort();
    assert.equal(aborted.id, run.id);
    assert.ok(['ABORTING', 'ABORTED'].includes(aborted.status));
    assertLines(lines(await acc.requests()), [
      `GET ${prefix}/log`,
      `POST ${prefix}/reboot`,
      `POST ${prefix}/metamorph?targetActorId=apify%7Esleeper`,
      `POST ${prefix}/abort`,
    ]);
  });
}
