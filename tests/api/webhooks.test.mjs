// WebhookCollectionClient, WebhookClient, WebhookDispatchCollectionClient and
// WebhookDispatchClient through the packed API, against the emulator. Each request is checked
// against the official client's golden line (Appendix A).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ApifyClient, ApifyApiError } from './client.mjs';
import { startEmulator, account, lines } from './emulator.mjs';
import { assertLines, raw } from './golden.mjs';

let emu;
before(async () => {
  emu = await startEmulator();
});
after(() => emu.stop());

function setup() {
  const acc = account(emu.url);
  return { acc, client: new ApifyClient({ token: acc.token, baseUrl: emu.url }) };
}

const WEBHOOK = {
  eventTypes: ['ACTOR.RUN.SUCCEEDED', 'ACTOR.RUN.FAILED'],
  condition: { actorId: 'apify~hello-world' },
  requestUrl: 'https://example.com/hook',
  payloadTemplate: '{"run": {{resource}}}',
  description: 'test hook',
};

test('create, get, update, delete: golden lines, JSON bodies, dates', async () => {
  const { acc, client } = setup();
  const w = await client.webhooks().create(WEBHOOK);
  assert.equal(typeof w.id, 'string');
  assert.deepEqual(w.eventTypes, WEBHOOK.eventTypes);
  assert.deepEqual(w.condition, WEBHOOK.condition);
  assert.equal(w.requestUrl, WEBHOOK.requestUrl);
  assert.equal(w.payloadTemplate, WEBHOOK.payloadTemplate);
  assert.ok(w.createdAt instanceof Date && w.modifiedAt instanceof Date);

  const got = await client.webhook(w.id).get();
  assert.equal(got.id, w.id);
  assert.equal(got.description, 'test hook');
  assert.ok(got.createdAt instanceof Date);

  const updated = await client.webhook(w.id).update({ requestUrl: 'https://example.com/other', isAdHoc: false });
  assert.equal(updated.requestUrl, 'https://example.com/other');
  assert.deepEqual(updated.eventTypes, WEBHOOK.eventTypes);
  assert.ok(updated.modifiedAt instanceof Date);

  assert.equal(await client.webhook(w.id).delete(), undefined);
  assert.equal(await client.webhook(w.id).get(), undefined);

  const sent = await acc.requests();
  assertLines(lines(sent), [
    'POST /v2/webhooks', // golden: POST /v2/webhooks
    `GET /v2/webhooks/${w.id}`, // golden: GET /v2/webhooks/W
    `PUT /v2/webhooks/${w.id}`, // golden: PUT /v2/webhooks/W
    `DELETE /v2/webhooks/${w.id}`, // golden: DELETE /v2/webhooks/W
    `GET /v2/webhooks/${w.id}`,
  ]);
  assert.deepEqual(
    sent.map((r) => [r.operationId, r.contentType ?? null]),
    [
      ['webhooks_post', 'application/json'],
      ['webhook_get', null],
      ['webhook_put', 'application/json'],
      ['webhook_delete', null],
      ['webhook_get', null],
    ],
  );
});

test('create with idempotencyKey returns the first webhook again', async () => {
  const { client } = setup();
  const a = await client.webhooks().create({ ...WEBHOOK, idempotencyKey: 'once' });
  const b = await client.webhooks().create({ ...WEBHOOK, idempotencyKey: 'once' });
  assert.equal(a.id, b.id);
  const { total } = await client.webhooks().list();
  assert.equal(total, 1);
});

test('list: one page, then every webhook with for await', async () => {
  const { acc, client } = setup();
  const ids = [];
  for (let i = 0; i < 3; i++) ids.push((await client.webhooks().create({ ...WEBHOOK, description: `w${i}` })).id);
  await acc.clearRequests();
  const page = await client.webhooks().list({ limit: 1 });
  assert.equal(page.total, 3);
  assert.equal(page.count, 1);
  assert.equal(page.limit, 1);
  assert.equal(page.items.length, 1);
  assert.ok(page.items[0].createdAt instanceof Date);
  const desc = await client.webhooks().list({ desc: true, offset: 1 });
  assert.equal(desc.items.length, 2);
  assertLines(lines(await acc.requests()), [
    'GET /v2/webhooks?limit=1', // golden: GET /v2/webhooks?limit=1
    'GET /v2/webhooks?offset=1&desc=true',
  ]);
  const seen = [];
  for await (const w of client.webhooks().list()) seen.push(w.id);
  assert.deepEqual(seen.sort(), [...ids].sort());
  // As in the official client, `limit` caps the whole iteration.
  const capped = [];
  for await (const w of client.webhooks().list({ limit: 2, offset: 1 })) capped.push(w.id);
  assert.equal(capped.length, 2);
});

test('test() dispatches, dispatches() lists them, webhookDispatch(id).get() reads one', async () => {
  const { acc, client } = setup();
  const w = await client.webhooks().create(WEBHOOK);
  await acc.clearRequests();
  const d = await client.webhook(w.id).test();
  assert.equal(d.webhookId, w.id);
  assert.equal(d.eventType, 'TEST');
  assert.equal(d.status, 'SUCCEEDED');
  assert.ok(d.createdAt instanceof Date);
  assert.ok(d.calls[0].startedAt instanceof Date);

  const mine = await client.webhook(w.id).dispatches().list();
  assert.deepEqual(mine.items.map((x) => x.id), [d.id]);
  const all = await client.webhookDispatches().list({ desc: true });
  assert.deepEqual(all.items.map((x) => x.id), [d.id]);
  const got = await client.webhookDispatch(d.id).get();
  assert.equal(got.id, d.id);
  assert.deepEqual(got.eventData, d.eventData);
  assert.equal(got.webhook.requestUrl, WEBHOOK.requestUrl);

  const sent = await acc.requests();
  assertLines(lines(sent), [
    `POST /v2/webhooks/${w.id}/test`, // golden: POST /v2/webhooks/W/test
    `GET /v2/webhooks/${w.id}/dispatches`, // golden: GET /v2/webhooks/W/dispatches
    'GET /v2/webhook-dispatches?desc=true', // golden: GET /v2/webhook-dispatches?desc=1
    `GET /v2/webhook-dispatches/${d.id}`, // golden: GET /v2/webhook-dispatches/WD
  ]);
  assert.deepEqual(
    sent.map((r) => r.operationId),
    ['webhook_test_post', 'webhook_webhookDispatches_get', 'webhookDispatches_get', 'webhookDispatch_get'],
  );
});

test('a run event is dispatched and shows in webhookDispatches()', async () => {
  const { client, acc } = setup();
  const w = await client.webhooks().create({ ...WEBHOOK, condition: { actorId: 'apify/hello-world' } });
  const actor = await raw(emu.url, acc.token, 'GET', '/v2/acts/apify~hello-world');
  await client.webhook(w.id).update({ condition: { actorId: actor.id } });
  const run = await raw(emu.url, acc.token, 'POST', '/v2/acts/apify~hello-world/runs?waitForFinish=30');
  assert.equal(run.status, 'SUCCEEDED');
  const events = [];
  for await (const d of client.webhookDispatches().list()) events.push([d.eventType, d.eventData?.actorRunId]);
  assert.deepEqual(events, [['ACTOR.RUN.SUCCEEDED', run.id]]);
});

test('missing webhooks and dispatches: undefined where the official client gives undefined', async () => {
  const { client } = setup();
  assert.equal(await client.webhook('nope').get(), undefined);
  assert.equal(await client.webhook('nope').test(), undefined);
  assert.equal(await client.webhookDispatch('nope').get(), undefined);
  const err = await client.webhook('nope').update({ description: 'x' }).catch((e) => e);
  assert.ok(err instanceof ApifyApiError);
  assert.equal(err.statusCode, 404);
  assert.equal(err.clientMethod, 'WebhookClient.update');
  // delete() of a missing webhook resolves: the official _delete swallows record-not-found.
  assert.equal(await client.webhook('nope').delete(), undefined);
  const list = await client.webhook('nope').dispatches().list().catch((e) => e);
  assert.equal(list.clientMethod, 'WebhookDispatchCollectionClient.list');
});

test('API validation errors and bad arguments', async () => {
  const { client } = setup();
  const err = await client.webhooks().create({ eventTypes: [], requestUrl: 'ftp://x' }).catch((e) => e);
  assert.ok(err instanceof ApifyApiError);
  assert.equal(err.statusCode, 400);
  assert.equal(err.clientMethod, 'WebhookCollectionClient.create');
  // list() validates synchronously, like the official client; other methods reject.
  assert.throws(() => client.webhooks().list({ desc: 'yes' }), TypeError);
  assert.throws(() => client.webhooks().list({ sortBy: 'x' }), /unknown option "sortBy"/);
  assert.throws(() => client.webhookDispatches().list({ limit: -1 }), RangeError);
  assert.throws(() => client.webhook(''), TypeError);
  assert.throws(() => client.webhookDispatch(42), TypeError);
  await assert.rejects(client.webhooks().create('nope'), TypeError);
  await assert.rejects(client.webhook('w').update(), TypeError);
  await assert.rejects(client.webhook('w').update([1]), TypeError);
  await assert.rejects(client.webhook('w').get({ foo: 1 }), /unknown option "foo"/);
});

test('signal aborts a call', async () => {
  const { client } = setup();
  const ctl = new AbortController();
  ctl.abort();
  await assert.rejects(client.webhooks().create(WEBHOOK, { signal: ctl.signal }), (e) => e.name === 'AbortError');
  assert.equal((await client.webhooks().list()).total, 0);
});
