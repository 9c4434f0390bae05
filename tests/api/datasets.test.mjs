// DatasetClient and DatasetCollectionClient through the packed API, against the emulator.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ApifyClient, ApifyApiError } from './client.mjs';
import { startEmulator, account, lines } from './emulator.mjs';

let emu;
before(async () => {
  emu = await startEmulator();
});
after(() => emu.stop());

function setup() {
  const acc = account(emu.url);
  return { acc, client: new ApifyClient({ token: acc.token, baseUrl: emu.url }) };
}

test('getOrCreate, get, update, delete', async () => {
  const { acc, client } = setup();
  const ds = await client.datasets().getOrCreate('ds-crud');
  assert.equal(ds.name, 'ds-crud');
  assert.ok(ds.createdAt instanceof Date);
  const again = await client.datasets().getOrCreate('ds-crud');
  assert.equal(again.id, ds.id);
  const got = await client.dataset(ds.id).get();
  assert.equal(got.id, ds.id);
  const byName = await client.dataset(`${got.username ?? got.userId}/ds-crud`).get();
  const updated = await client.dataset(ds.id).update({ name: 'ds-renamed' });
  assert.equal(updated.name, 'ds-renamed');
  await client.dataset(ds.id).delete();
  assert.equal(await client.dataset(ds.id).get(), undefined);
  const sent = lines(await acc.requests());
  assert.deepEqual(sent.slice(0, 4), [
    'POST /v2/datasets?name=ds-crud',
    'POST /v2/datasets?name=ds-crud',
    `GET /v2/datasets/${ds.id}`,
    sent[3],
  ]);
  assert.match(sent[3], /^GET \/v2\/datasets\/[^/]+~ds-crud$/);
  assert.ok(byName === undefined || byName.id === ds.id);
  assert.deepEqual(sent.slice(4), [`PUT /v2/datasets/${ds.id}`, `DELETE /v2/datasets/${ds.id}`, `GET /v2/datasets/${ds.id}`]);
});

test('listItems: first page from headers, for await over all pages', async () => {
  const { acc, client } = setup();
  const ds = await client.datasets().getOrCreate();
  await client.dataset(ds.id).pushItems(Array.from({ length: 2500 }, (_, i) => ({ i })));
  const page = await client.dataset(ds.id).listItems({ offset: 10, limit: 5, desc: false, fields: ['i'] });
  assert.deepEqual(
    { total: page.total, offset: page.offset, limit: page.limit, count: page.count, desc: page.desc },
    { total: 2500, offset: 10, limit: 5, count: 5, desc: false },
  );
  assert.deepEqual(page.items, [{ i: 10 }, { i: 11 }, { i: 12 }, { i: 13 }, { i: 14 }]);
  await acc.clearRequests();
  const seen = [];
  for await (const item of client.dataset(ds.id).listItems({ chunkSize: 1000, offset: 100, limit: 2100 })) seen.push(item.i);
  assert.equal(seen.length, 2100);
  assert.equal(seen[0], 100);
  assert.equal(seen.at(-1), 2199);
  assert.deepEqual(lines(await acc.requests()), [
    `GET /v2/datasets/${ds.id}/items?offset=100&limit=1000`,
    `GET /v2/datasets/${ds.id}/items?offset=1100&limit=1000`,
    `GET /v2/datasets/${ds.id}/items?offset=2100&limit=100`,
  ]);
});

test('break stops fetching pages', async () => {
  const { acc, client } = setup();
  const ds = await client.datasets().getOrCreate();
  await client.dataset(ds.id).pushItems(Array.from({ length: 50 }, (_, i) => ({ i })));
  await acc.clearRequests();
  let n = 0;
  for await (const _ of client.dataset(ds.id).listItems({ chunkSize: 10 })) if (++n === 15) break;
  assert.equal((await acc.requests()).length, 2);
});

test('pushItems takes an object, an array or a JSON string', async () => {
  const { client } = setup();
  const ds = await client.datasets().getOrCreate();
  const d = client.dataset(ds.id);
  await d.pushItems({ a: 1 });
  await d.pushItems([{ a: 2 }, { a: 3 }]);
  await d.pushItems(JSON.stringify([{ a: 4 }]));
  const { items } = await d.listItems();
  assert.deepEqual(items, [{ a: 1 }, { a: 2 }, { a: 3 }, { a: 4 }]);
  await assert.rejects(() => d.pushItems(42), TypeError);
});

test('downloadItems returns bytes in the asked format', async () => {
  const { client } = setup();
  const ds = await client.datasets().getOrCreate();
  await client.dataset(ds.id).pushItems([{ a: 1, b: 'x' }, { a: 2, b: 'y' }]);
  const csv = await client.dataset(ds.id).downloadItems('csv');
  assert.ok(csv instanceof Uint8Array);
  assert.match(new TextDecoder().decode(csv), /a,b\r?\n1,x\r?\n2,y/);
  const jsonl = new TextDecoder().decode(await client.dataset(ds.id).downloadItems('jsonl', { fields: ['a'] }));
  assert.deepEqual(jsonl.trim().split('\n').map((l) => JSON.parse(l)), [{ a: 1 }, { a: 2 }]);
  await assert.rejects(client.dataset(ds.id).downloadItems('pdf'), TypeError);
});

test('datasets().list pages and iterates', async () => {
  const { acc, client } = setup();
  for (const n of ['l-a', 'l-b', 'l-c']) await client.datasets().getOrCreate(n);
  await acc.clearRequests();
  const page = await client.datasets().list({ limit: 2, desc: true, unnamed: false });
  assert.equal(page.total, 3);
  assert.equal(page.items.length, 2);
  assert.ok(page.items[0].createdAt instanceof Date);
  assert.deepEqual(lines(await acc.requests()), ['GET /v2/datasets?limit=2&desc=true&unnamed=false']);
  const names = [];
  for await (const d of client.datasets().list()) names.push(d.name);
  assert.deepEqual(names.sort(), ['l-a', 'l-b', 'l-c']);
});

test('statistics, and errors on a missing dataset', async () => {
  const { client } = setup();
  assert.equal(await client.dataset('missing-id').getStatistics(), undefined);
  const err = await client.dataset('missing-id').listItems().catch((e) => e);
  assert.ok(err instanceof ApifyApiError);
  assert.equal(err.statusCode, 404);
  assert.equal(err.type, 'record-not-found');
  assert.equal(err.httpMethod, 'get');
  assert.equal(err.clientMethod, 'DatasetClient.listItems');
  assert.equal(err.attempt, 1);
  assert.equal(err.path, '/v2/datasets/missing-id/items');
});
