// Operations of the API the official client has no method for, added with official-style names:
// `actor(id).runSync` / `runSyncGetDatasetItems`, the task equivalents (`…/run-sync`,
// `…/run-sync-get-dataset-items`: GET without input, POST with it), and
// `keyValueStore(id).downloadRecords()` (`GET …/records`, a ZIP of the records).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ApifyClient, ApifyApiError } from './client.mjs';
import { startEmulator, account, lines } from './emulator.mjs';
import { assertLines } from './golden.mjs';

let emu;
before(async () => {
  emu = await startEmulator();
});
after(() => emu.stop());

function setup() {
  const acc = account(emu.url);
  return { acc, client: new ApifyClient({ token: acc.token, baseUrl: emu.url }) };
}

test('actor(id).runSync: POST with the input, GET without; the OUTPUT record as its content type says', async () => {
  const { acc, client } = setup();
  const a = client.actor('apify/hello-world');
  assert.deepEqual(await a.runSync({ hello: 'sync' }, { memory: 256, build: 'latest', timeout: 30 }), { hello: 'sync' });
  assert.equal(await a.runSync('plain text', { contentType: 'text/plain' }), 'plain text');
  const bytes = await a.runSync(new Uint8Array([1, 2, 3]));
  assert.ok(bytes instanceof Uint8Array);
  assert.deepEqual([...bytes], [1, 2, 3]);
  assert.deepEqual(await a.runSync(), { message: 'Hello, world!' });
  assert.equal(await a.runSync({ x: 1 }, { outputRecordKey: 'NOTHING' }), undefined);
  const reqs = await acc.requests();
  assertLines(lines(reqs), [
    'POST /v2/actors/apify~hello-world/run-sync?timeout=30&memory=256&build=latest',
    'POST /v2/actors/apify~hello-world/run-sync',
    'POST /v2/actors/apify~hello-world/run-sync',
    'GET /v2/actors/apify~hello-world/run-sync',
    'POST /v2/actors/apify~hello-world/run-sync?outputRecordKey=NOTHING',
  ]);
  assert.deepEqual(reqs.map((r) => r.contentType), ['application/json', 'text/plain', 'application/octet-stream', null, 'application/json']);
});

test('actor(id).runSyncGetDatasetItems: the items, filtered; a failed run rejects; bad options reject', async () => {
  const { acc, client } = setup();
  const a = client.actor('apify/hello-world');
  const items = await a.runSyncGetDatasetItems({ count: 3 }, { limit: 2, offset: 1, fields: ['index'], desc: true, maxItems: 10 });
  assert.deepEqual(items, [{ index: 1 }, { index: 0 }]);
  assert.deepEqual(await a.runSyncGetDatasetItems(), [{ message: 'Hello, world!', index: 0 }]);
  await assert.rejects(client.actor('apify/failer').runSyncGetDatasetItems({ message: 'boom' }), (e) => e instanceof ApifyApiError && e.statusCode === 400);
  await assert.rejects(a.runSync({}, { waitForFinish: 5 }), TypeError);
  await assert.rejects(a.runSyncGetDatasetItems({}, { outputRecordKey: 'X' }), TypeError);
  assertLines(lines(await acc.requests()), [
    'POST /v2/actors/apify~hello-world/run-sync-get-dataset-items?maxItems=10&desc=true&fields=index&offset=1&limit=2',
    'GET /v2/actors/apify~hello-world/run-sync-get-dataset-items',
    'POST /v2/actors/apify~failer/run-sync-get-dataset-items',
  ]);
});

test('task(id).runSync and runSyncGetDatasetItems: the input overrides the task input', async () => {
  const { acc, client } = setup();
  const actor = await client.actor('apify/hello-world').get();
  const task = await client.tasks().create({ actId: actor.id, name: 'sync-task', input: { count: 2, from: 'task' } });
  await acc.clearRequests();
  const t = client.task(task.id);
  assert.deepEqual(await t.runSync(), { count: 2, from: 'task' });
  assert.deepEqual(await t.runSync({ from: 'call' }, { memory: 512 }), { count: 2, from: 'call' });
  assert.equal((await t.runSyncGetDatasetItems()).length, 2);
  assert.deepEqual(await t.runSyncGetDatasetItems({ count: 4 }, { limit: 1, offset: 3, clean: true }), [{ message: 'Hello, world!', index: 3 }]);
  await assert.rejects(t.runSync('text'), TypeError);
  await assert.rejects(t.runSync({}, { contentType: 'text/plain' }), TypeError);
  const reqs = await acc.requests();
  assertLines(lines(reqs), [
    `GET /v2/actor-tasks/${task.id}/run-sync`,
    `POST /v2/actor-tasks/${task.id}/run-sync?memory=512`,
    `GET /v2/actor-tasks/${task.id}/run-sync-get-dataset-items`,
    `POST /v2/actor-tasks/${task.id}/run-sync-get-dataset-items?clean=true&offset=3&limit=1`,
  ]);
  assert.equal(reqs[1].contentType, 'application/json');
});

test('keyValueStore(id).downloadRecords: a ZIP with one file per record, filtered by prefix', async () => {
  const { acc, client } = setup();
  const store = await client.keyValueStores().getOrCreate('zip-me');
  const kv = client.keyValueStore(store.id);
  await kv.setRecord({ key: 'page-1', value: 'one', contentType: 'text/plain' });
  await kv.setRecord({ key: 'page-2', value: { two: 2 } });
  await kv.setRecord({ key: 'other', value: 'x', contentType: 'text/plain' });
  await acc.clearRequests();
  const all = await kv.downloadRecords();
  const some = await kv.downloadRecords({ prefix: 'page-' });
  for (const zip of [all, some]) {
    assert.ok(zip instanceof Uint8Array);
    assert.deepEqual([...zip.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04]);
  }
  const names = (zip) => {
    // File names of the ZIP's central directory entries (signature PK\x01\x02).
    const out = [];
    const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let i = 0; i + 46 <= zip.length; i++) {
      if (v.getUint32(i, true) !== 0x02014b50) continue;
      const len = v.getUint16(i + 28, true);
      out.push(new TextDecoder().decode(zip.subarray(i + 46, i + 46 + len)));
    }
    return out.sort();
  };
  assert.deepEqual(names(all), ['other', 'page-1', 'page-2']);
  assert.deepEqual(names(some), ['page-1', 'page-2']);
  await assert.rejects(kv.downloadRecords({ prefx: 'p' }), TypeError);
  assert.deepEqual(lines(await acc.requests()), [
    `GET /v2/key-value-stores/${store.id}/records`,
    `GET /v2/key-value-stores/${store.id}/records?prefix=page-`,
  ]);
});
