// KeyValueStoreClient and KeyValueStoreCollectionClient through the packed API, against the emulator.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
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

// The official algorithm (@apify/utilities createHmacSignature / createStorageContentSignature),
// re-implemented here on node:crypto's HMAC and BigInt, independently of the Rust code.
const B62 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
function hmacSignature(secret, message) {
  let n = BigInt(`0x${crypto.createHmac('sha256', secret).update(message).digest('hex').substring(0, 30)}`);
  let out = '';
  while (n > 0n) {
    out = B62[Number(n % 62n)] + out;
    n /= 62n;
  }
  return out || '0';
}
function storageSignature(id, secret, expiresAt) {
  return Buffer.from(`0.${expiresAt}.${hmacSignature(secret, `0.${expiresAt}.${id}`)}`).toString('base64url');
}

test('list, getOrCreate, get, update, delete', async () => {
  const { acc, client } = setup();
  const kvs = await client.keyValueStores().getOrCreate('kvs-crud');
  assert.equal(kvs.name, 'kvs-crud');
  assert.ok(kvs.createdAt instanceof Date);
  assert.equal((await client.keyValueStores().getOrCreate('kvs-crud')).id, kvs.id);
  const page = await client.keyValueStores().list({ unnamed: false, desc: true });
  assert.deepEqual(page.items.map((s) => s.id), [kvs.id]);
  const all = [];
  for await (const s of client.keyValueStores().list()) all.push(s.id);
  assert.deepEqual(all, [kvs.id]);
  assert.equal((await client.keyValueStore(kvs.id).get()).id, kvs.id);
  const updated = await client.keyValueStore(kvs.id).update({ name: 'kvs-renamed' });
  assert.equal(updated.name, 'kvs-renamed');
  await client.keyValueStore(kvs.id).delete();
  assert.equal(await client.keyValueStore(kvs.id).get(), undefined);
  // Deleting is idempotent, as the official client's _delete (catchNotFoundOrThrow).
  assert.equal(await client.keyValueStore(kvs.id).delete(), undefined);
  assert.deepEqual(lines(await acc.requests()), [
    'POST /v2/key-value-stores?name=kvs-crud',
    'POST /v2/key-value-stores?name=kvs-crud',
    // golden: GET /v2/key-value-stores?unnamed=0&desc=1 (booleans as true/false here)
    'GET /v2/key-value-stores?desc=true&unnamed=false',
    'GET /v2/key-value-stores',
    `GET /v2/key-value-stores/${kvs.id}`,
    `PUT /v2/key-value-stores/${kvs.id}`,
    `DELETE /v2/key-value-stores/${kvs.id}`,
    `GET /v2/key-value-stores/${kvs.id}`,
    `DELETE /v2/key-value-stores/${kvs.id}`,
  ]);
});

test('records: binary byte-exact, text and JSON decoding, content types on the wire', async () => {
  const { acc, client } = setup();
  const { id } = await client.keyValueStores().getOrCreate();
  const store = client.keyValueStore(id);
  const bytes = new Uint8Array(256 * 4);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7 + 3) & 255;
  await store.setRecord({ key: 'bin', value: bytes });
  await store.setRecord({ key: 'ab', value: bytes.buffer.slice(0, 10), contentType: 'image/png' });
  await store.setRecord({ key: 'blob', value: new Blob([bytes.subarray(0, 5)]) });
  await store.setRecord({ key: 'txt', value: 'žluťoučký kůň' });
  await store.setRecord({ key: 'obj', value: { a: [1, 2], b: 'x' } }, { timeoutSecs: 10, doNotRetryTimeouts: true });
  await store.setRecord({ key: 'num', value: 5 });
  await store.setRecord({ key: 'pre', value: '{"pre":1}', contentType: 'application/json' });

  const bin = await store.getRecord('bin');
  assert.equal(bin.contentType, 'application/octet-stream');
  assert.ok(bin.value instanceof Uint8Array);
  assert.deepEqual(new Uint8Array(bin.value), bytes);
  const ab = await store.getRecord('ab');
  assert.equal(ab.contentType, 'image/png');
  assert.deepEqual([...ab.value], [...bytes.subarray(0, 10)]);
  assert.deepEqual([...(await store.getRecord('blob')).value], [...bytes.subarray(0, 5)]);
  assert.deepEqual(await store.getRecord('txt'), { key: 'txt', value: 'žluťoučký kůň', contentType: 'text/plain; charset=utf-8' });
  assert.deepEqual((await store.getRecord('obj')).value, { a: [1, 2], b: 'x' });
  assert.equal((await store.getRecord('num')).value, 5);
  assert.deepEqual((await store.getRecord('pre')).value, { pre: 1 });
  // buffer: true gives bytes whatever the type; the JSON is pretty-printed with 2 spaces.
  const raw = await store.getRecord('obj', { buffer: true });
  assert.ok(raw.value instanceof Uint8Array);
  assert.equal(new TextDecoder().decode(raw.value), JSON.stringify({ a: [1, 2], b: 'x' }, null, 2));
  // stream: true gives the body as a web ReadableStream.
  const streamed = await store.getRecord('bin', { stream: true });
  assert.ok(streamed.value instanceof ReadableStream);
  const chunks = [];
  for await (const c of streamed.value) chunks.push(...c);
  assert.deepEqual(new Uint8Array(chunks), bytes);

  // Appendix B: the content type each value goes out with.
  const puts = (await acc.requests()).filter((r) => r.method === 'PUT');
  assert.deepEqual(
    puts.map((r) => `${r.path.split('/').pop()} ${r.contentType}`),
    [
      'bin application/octet-stream',
      'ab image/png',
      'blob application/octet-stream',
      'txt text/plain; charset=utf-8',
      'obj application/json; charset=utf-8',
      'num application/json; charset=utf-8',
      'pre application/json',
    ],
  );
  assert.deepEqual(
    lines(await acc.requests()).filter((l) => l.startsWith('GET')).slice(0, 2),
    [`GET /v2/key-value-stores/${id}/records/bin?attachment=true`, `GET /v2/key-value-stores/${id}/records/ab?attachment=true`],
  );
  assert.ok(lines(await acc.requests()).includes(`PUT /v2/key-value-stores/${id}/records/obj`));
});

test('setRecord rejects what it cannot send, and values it cannot stringify', async () => {
  const { client } = setup();
  const { id } = await client.keyValueStores().getOrCreate();
  const store = client.keyValueStore(id);
  await assert.rejects(store.setRecord({ key: 'a' }), TypeError);
  await assert.rejects(store.setRecord({ key: 'a', value: 1, extra: 1 }), TypeError);
  await assert.rejects(store.setRecord({ key: 'a', value: new ReadableStream() }), TypeError);
  await assert.rejects(store.setRecord({ key: 'a', value: { n: 1n } }), /cannot be stringified to JSON/);
  await assert.rejects(store.setRecord({ key: 'a', value: 1 }, { timeoutSecs: 'x' }), TypeError);
});

test('an empty key is refused before any request (it would address the record list itself)', async () => {
  const { acc, client } = setup();
  const store = client.keyValueStore('any-store');
  for (const call of [
    () => store.getRecord(''),
    () => store.setRecord({ key: '', value: 1 }),
    () => store.recordExists(''),
    () => store.deleteRecord(''),
  ]) {
    await assert.rejects(call(), { name: 'TypeError', message: /key must be a non-empty string/ });
  }
  assert.deepEqual(await acc.requests(), []);
});

test('getRecord, recordExists and deleteRecord: 404s', async () => {
  const { acc, client } = setup();
  const { id } = await client.keyValueStores().getOrCreate();
  const store = client.keyValueStore(id);
  await store.setRecord({ key: 'k', value: 'v' });
  assert.equal(await store.recordExists('k'), true);
  assert.equal(await store.recordExists('missing'), false);
  assert.equal(await store.getRecord('missing'), undefined);
  assert.equal(await client.keyValueStore('nonexistent-store').recordExists('k'), false);
  assert.equal(await client.keyValueStore('nonexistent-store').getRecord('k'), undefined);
  await store.deleteRecord('k');
  assert.equal(await store.recordExists('k'), false);
  await assert.rejects(store.deleteRecord('k'), (e) => e instanceof ApifyApiError && e.statusCode === 404 && e.type === 'record-not-found');
  assert.deepEqual(lines(await acc.requests()).slice(1), [
    `PUT /v2/key-value-stores/${id}/records/k`,
    `HEAD /v2/key-value-stores/${id}/records/k`,
    `HEAD /v2/key-value-stores/${id}/records/missing`,
    `GET /v2/key-value-stores/${id}/records/missing?attachment=true`,
    'HEAD /v2/key-value-stores/nonexistent-store/records/k',
    'GET /v2/key-value-stores/nonexistent-store/records/k?attachment=true',
    `DELETE /v2/key-value-stores/${id}/records/k`,
    `HEAD /v2/key-value-stores/${id}/records/k`,
    `DELETE /v2/key-value-stores/${id}/records/k`,
  ]);
});

test('keys are percent-encoded path segments', async () => {
  const { acc, client } = setup();
  const { id } = await client.keyValueStores().getOrCreate();
  const store = client.keyValueStore(id);
  await store.setRecord({ key: 'a b(1)', value: 'x' });
  assert.equal((await store.getRecord('a b(1)')).value, 'x');
  assert.deepEqual(lines(await acc.requests()).slice(1), [
    `PUT /v2/key-value-stores/${id}/records/a%20b%281%29`,
    `GET /v2/key-value-stores/${id}/records/a%20b%281%29?attachment=true`,
  ]);
});

test('listKeys: first page, and for await over >1000 keys via exclusiveStartKey', async () => {
  const { acc, client } = setup();
  const { id } = await client.keyValueStores().getOrCreate();
  const store = client.keyValueStore(id);
  const keys = Array.from({ length: 2150 }, (_, i) => `k${String(i).padStart(5, '0')}`);
  for (let i = 0; i < keys.length; i += 100) {
    await Promise.all(keys.slice(i, i + 100).map((key) => store.setRecord({ key, value: 1 })));
  }
  const page = await store.listKeys({ limit: 10, exclusiveStartKey: 'k00004', prefix: 'k0' });
  assert.equal(page.count, 10);
  assert.equal(page.isTruncated, true);
  assert.equal(page.items[0].key, 'k00005');
  assert.equal(page.nextExclusiveStartKey, 'k00014');
  assert.equal(typeof page.items[0].size, 'number');
  await acc.clearRequests();
  const seen = [];
  for await (const item of store.listKeys({ exclusiveStartKey: 'k00099' })) seen.push(item.key);
  assert.deepEqual(seen, keys.slice(100));
  assert.deepEqual(lines(await acc.requests()), [
    `GET /v2/key-value-stores/${id}/keys?exclusiveStartKey=k00099`,
    `GET /v2/key-value-stores/${id}/keys?exclusiveStartKey=k01099`,
    `GET /v2/key-value-stores/${id}/keys?exclusiveStartKey=k02099`,
  ]);
  await acc.clearRequests();
  const limited = [];
  for await (const item of store.listKeys({ limit: 1500 })) limited.push(item.key);
  assert.deepEqual(limited, keys.slice(0, 1500));
  assert.deepEqual(lines(await acc.requests()), [
    `GET /v2/key-value-stores/${id}/keys?limit=1500`,
    `GET /v2/key-value-stores/${id}/keys?limit=500&exclusiveStartKey=k00999`,
  ]);
  // Golden: GET /v2/key-value-stores/K/keys?limit=10&exclusiveStartKey=a&collection=c&prefix=p&signature=s
  await acc.clearRequests();
  await store.listKeys({ prefix: 'p', signature: 's', collection: 'c', exclusiveStartKey: 'a', limit: 10 });
  assert.deepEqual(lines(await acc.requests()), [
    `GET /v2/key-value-stores/${id}/keys?limit=10&exclusiveStartKey=a&collection=c&prefix=p&signature=s`,
  ]);
  assert.throws(() => store.listKeys({ nope: 1 }), TypeError);
});

test('public URLs carry the official signatures', async () => {
  const { acc, client } = setup({ publicBaseUrl: 'https://public.example' });
  const kvs = await client.keyValueStores().getOrCreate();
  const secret = kvs.urlSigningSecretKey;
  assert.equal(typeof secret, 'string');
  const store = client.keyValueStore(kvs.id);
  const recordUrl = await store.getRecordPublicUrl('my key');
  assert.equal(
    recordUrl,
    `https://public.example/v2/key-value-stores/${kvs.id}/records/my%20key?signature=${hmacSignature(secret, 'my key')}`,
  );
  const keysUrl = await store.createKeysPublicUrl({ limit: 5, prefix: 'p' });
  assert.equal(
    keysUrl,
    `https://public.example/v2/key-value-stores/${kvs.id}/keys?signature=${storageSignature(kvs.id, secret, 0)}&limit=5&prefix=p`,
  );
  const t0 = Date.now();
  const expiring = new URL(await store.createKeysPublicUrl({ expiresInSecs: 60 }));
  const t1 = Date.now();
  const [version, expiresAt, hmac] = Buffer.from(expiring.searchParams.get('signature'), 'base64url').toString().split('.');
  assert.equal(version, '0');
  assert.ok(Number(expiresAt) >= t0 + 60_000 && Number(expiresAt) <= t1 + 60_000);
  assert.equal(hmac, hmacSignature(secret, `0.${expiresAt}.${kvs.id}`));
  // Each URL first reads the store (for its signing key).
  assert.deepEqual(lines(await acc.requests()).slice(1), [
    `GET /v2/key-value-stores/${kvs.id}`,
    `GET /v2/key-value-stores/${kvs.id}`,
    `GET /v2/key-value-stores/${kvs.id}`,
  ]);
  // A store that does not exist: an unsigned URL, as the official client.
  assert.equal(
    await client.keyValueStore('missing').getRecordPublicUrl('k'),
    'https://public.example/v2/key-value-stores/missing/records/k',
  );
  await assert.rejects(store.getRecordPublicUrl(''), TypeError);
});

// The emulator does not verify signatures, so public URLs are checked against the official
// algorithm above (and the Rust known-answer vectors in src/core/signature.rs) instead.

test('dataset createItemsPublicUrl', async () => {
  const { acc, client } = setup({ publicBaseUrl: 'https://public.example/' });
  const ds = await client.datasets().getOrCreate();
  const url = await client.dataset(ds.id).createItemsPublicUrl({ fields: ['a', 'b'], clean: true });
  assert.equal(
    url,
    `https://public.example/v2/datasets/${ds.id}/items?signature=${storageSignature(ds.id, ds.urlSigningSecretKey, 0)}&fields=a%2Cb&clean=true`,
  );
  assert.deepEqual(lines(await acc.requests()).slice(1), [`GET /v2/datasets/${ds.id}`]);
  await assert.rejects(client.dataset(ds.id).createItemsPublicUrl({ signature: 'x' }), TypeError);
});
