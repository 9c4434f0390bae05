// RunCollectionClient and RunClient against the emulator's simulated runs.
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

test('list with status and time window; get; waitForFinish; dataset; delete', async () => {
  const { acc, client } = setup();
  const ok = await client.actor('apify/hello-world').call({ count: 2 });
  const failed = await client.actor('apify/failer').call();
  const running = await client.actor('apify/sleeper').start({ seconds: 30 });
  await acc.clearRequests();
  const after = new Date('2024-01-01T00:00:00.000Z');
  const page = await client.runs().list({ status: ['SUCCEEDED', 'FAILED'], startedAfter: after, startedBefore: '2999-01-01', desc: true });
  assert.deepEqual(page.items.map((r) => r.id).sort(), [ok.id, failed.id].sort());
  assert.ok(page.items[0].startedAt instanceof Date);
  const none = await client.runs().list({ startedBefore: after });
  assert.equal(none.items.length, 0);
  const got = await client.run(ok.id).get({ waitForFinish: 5 });
  assert.equal(got.status, 'SUCCEEDED');
  const waited = await client.run(running.id).waitForFinish({ waitSecs: 1 });
  assert.ok(['READY', 'RUNNING'].includes(waited.status));
  const items = await client.run(ok.id).dataset().listItems();
  assert.equal(items.items.length, 2);
  await client.run(running.id).abort();
  await client.run(ok.id).delete();
  assert.equal(await client.run(ok.id).get(), undefined);
  const sent = lines(await acc.requests());
  assert.deepEqual(sent.slice(0, 3), [
    'GET /v2/actor-runs?desc=true&status=SUCCEEDED%2CFAILED&startedAfter=2024-01-01T00%3A00%3A00.000Z&startedBefore=2999-01-01',
    'GET /v2/actor-runs?startedBefore=2024-01-01T00%3A00%3A00.000Z',
    `GET /v2/actor-runs/${ok.id}?waitForFinish=5`,
  ]);
  const polls = sent.slice(3).filter((l) => l.startsWith(`GET /v2/actor-runs/${running.id}?`));
  assert.ok(polls.length >= 1);
  assert.equal(polls[0], `GET /v2/actor-runs/${running.id}?waitForFinish=1`);
  assert.deepEqual(sent.slice(3 + polls.length), [
    `GET /v2/actor-runs/${ok.id}/dataset/items`,
    `POST /v2/actor-runs/${running.id}/abort`,
    `DELETE /v2/actor-runs/${ok.id}`,
    `GET /v2/actor-runs/${ok.id}`,
  ]);
});

test('abort gracefully; resurrect with options', async () => {
  const { acc, client } = setup();
  const run = await client.actor('apify/sleeper').start({ seconds: 30 });
  await acc.clearRequests();
  const aborting = await client.run(run.id).abort({ gracefully: true });
  assert.ok(['ABORTING', 'ABORTED'].includes(aborting.status));
  const ended = await client.run(run.id).waitForFinish();
  assert.equal(ended.status, 'ABORTED');
  const res = await client.run(run.id).resurrect({ build: 'latest', memory: 256, timeout: 30, maxItems: 1, maxTotalChargeUsd: 2, restartOnError: false });
  assert.ok(['READY', 'RUNNING'].includes(res.status));
  assert.equal(res.options.memoryMbytes, 256);
  await client.run(run.id).abort();
  const sent = lines(await acc.requests());
  assert.equal(sent[0], `POST /v2/actor-runs/${run.id}/abort?gracefully=true`);
  assert.ok(sent.includes(`POST /v2/actor-runs/${run.id}/resurrect?build=latest&memory=256&timeout=30&maxItems=1&maxTotalChargeUsd=2&restartOnError=false`));
});

test('metamorph, reboot, update, charge with idempotency keys', async () => {
  const { acc, client } = setup();
  const run = await client.actor('apify/sleeper').start({ seconds: 30 });
  await client.run(run.id).waitForFinish({ waitSecs: 0 });
  const r = client.run(run.id);
  const updated = await r.update({ statusMessage: 'half way', isStatusMessageTerminal: false });
  assert.equal(updated.statusMessage, 'half way');
  const rebooted = await r.reboot();
  assert.equal(rebooted.id, run.id);
  const charged = await r.charge({ eventName: 'page', count: 2, idempotencyKey: 'ik-1' });
  assert.equal(charged.status, 201);
  await r.charge({ eventName: 'page', count: 2, idempotencyKey: 'ik-1' }); // same key: counted once
  await r.charge({ eventName: 'page' });
  assert.equal((await r.get()).chargedEventCounts.page, 3);
  await assert.rejects(r.charge({}), TypeError);
  await assert.rejects(r.charge(), TypeError);
  const morphed = await r.metamorph('apify/hello-world', { count: 4 }, { build: 'latest' });
  assert.equal(morphed.id, run.id);
  const done = await r.waitForFinish();
  assert.equal(done.status, 'SUCCEEDED');
  assert.equal((await r.dataset().listItems()).items.length, 4);
  const reqs = (await acc.requests()).filter((q) => q.method !== 'GET');
  assert.deepEqual(lines(reqs), [
    'POST /v2/actors/apify~sleeper/runs',
    `PUT /v2/actor-runs/${run.id}`,
    `POST /v2/actor-runs/${run.id}/reboot`,
    `POST /v2/actor-runs/${run.id}/charge`,
    `POST /v2/actor-runs/${run.id}/charge`,
    `POST /v2/actor-runs/${run.id}/charge`,
    // URLSearchParams (the official client's serializer) writes `~` as %7E too.
    `POST /v2/actor-runs/${run.id}/metamorph?targetActorId=apify%7Ehello-world&build=latest`,
  ]);
  assert.equal(reqs[3].idempotencyKey, 'ik-1');
  assert.match(reqs[5].idempotencyKey, new RegExp(`^${run.id}-page-\\d{13}-[A-Za-z0-9]{5}$`));
  assert.equal(reqs[3].contentType, 'application/json');
  assert.equal(reqs[6].contentType, 'application/json');
});

test('lastRun params carry to get, waitForFinish, dataset and log, not to reboot or charge', async () => {
  const { acc, client } = setup();
  const actor = await client.actors().create({ name: 'sleeper-mine' });
  const run = await client.actor(actor.id).start({ seconds: 30 });
  while ((await client.run(run.id).get()).status !== 'RUNNING') await new Promise((r) => setTimeout(r, 25));
  await acc.clearRequests();
  const last = client.actor(actor.id).lastRun({ status: 'RUNNING' });
  const got = await last.get();
  assert.equal(got.id, run.id);
  await last.waitForFinish({ waitSecs: 0 });
  await last.reboot();
  // The API has no charge route below `runs/last`; the error's path shows the params dropped.
  await assert.rejects(last.charge({ eventName: 'e', idempotencyKey: 'k' }), (e) => e.path === `/v2/actors/${actor.id}/runs/last/charge`);
  await last.abort();
  const base = `/v2/actors/${actor.id}/runs/last`;
  assert.deepEqual(lines(await acc.requests()), [
    `GET ${base}?status=RUNNING`,
    `GET ${base}?status=RUNNING&waitForFinish=0`,
    `POST ${base}/reboot`,
    `POST ${base}/charge`,
    `POST ${base}/abort?status=RUNNING`,
  ]);
});

test('errors keep their shape; a missing run rejects waitForFinish', async () => {
  const { client } = setup();
  const done = await client.actor('apify/hello-world').call();
  await assert.rejects(client.run(done.id).reboot(), (e) => e instanceof ApifyApiError && e.statusCode === 400);
  await assert.rejects(client.run('nope').waitForFinish({ waitSecs: 0 }), /Cannot fetch run details/);
  assert.equal(await client.run('nope').get(), undefined);
  assert.throws(() => client.runs().list({ status: 5 }), TypeError);
});

test('waitForFinish pauses 250 ms and polls again while the run is not found yet', async () => {
  const { acc, client } = setup();
  const run = await client.actor('apify/hello-world').start({ count: 1 });
  await acc.fault({ method: 'GET', path: `/v2/actor-runs/${run.id}`, times: 2, fault: { type: 'status', status: 404 } });
  await acc.clearRequests();
  const t0 = Date.now();
  const done = await client.run(run.id).waitForFinish({ waitSecs: 20 });
  assert.equal(done.status, 'SUCCEEDED');
  assert.ok(Date.now() - t0 >= 500);
  const polls = lines(await acc.requests());
  assert.equal(polls.length, 3);
  assert.match(polls[0], new RegExp(`^GET /v2/actor-runs/${run.id}\\?waitForFinish=20$`));
  for (const p of polls.slice(1)) assert.match(p, new RegExp(`^GET /v2/actor-runs/${run.id}\\?waitForFinish=(19|20)$`));
});

test('a short client timeoutSecs shortens the server hold so polls are answered in time', async () => {
  const acc = account(emu.url);
  const client = new ApifyClient({ token: acc.token, baseUrl: emu.url, timeoutSecs: 10 });
  const run = await client.actor('apify/sleeper').call({ seconds: 1 });
  assert.equal(run.status, 'SUCCEEDED');
  const polls = lines(await acc.requests()).slice(1);
  assert.ok(polls.length >= 1);
  for (const p of polls) assert.equal(p, `GET /v2/actor-runs/${run.id}?waitForFinish=8`);
});

test("the run's keyValueStore() holds OUTPUT; requestQueue(); lastRun params carry to them", async () => {
  const { acc, client } = setup();
  const input = { hello: 'wasm', n: 3 };
  const run = await client.actor('apify/hello-world').call(input);
  await acc.clearRequests();
  const out = await client.run(run.id).keyValueStore().getRecord('OUTPUT');
  assert.deepEqual(out.value, input);
  const head = await client.run(run.id).requestQueue().listHead();
  assert.deepEqual(head.items, []);
  const last = await client.actor('apify/hello-world').lastRun({ status: 'SUCCEEDED' }).keyValueStore().getRecord('OUTPUT');
  assert.deepEqual(last.value, input);
  const sent = lines(await acc.requests());
  assert.equal(sent.length, 3);
  assert.match(sent[0], new RegExp(`^GET /v2/actor-runs/${run.id}/key-value-store/records/OUTPUT(\\?|$)`));
  assert.match(sent[1], new RegExp(`^GET /v2/actor-runs/${run.id}/request-queue/head(\\?|$)`));
  assert.match(sent[2], /^GET \/v2\/actors\/apify~hello-world\/runs\/last\/key-value-store\/records\/OUTPUT\?.*status=SUCCEEDED/);
});
