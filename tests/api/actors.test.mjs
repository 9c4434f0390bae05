// ActorCollectionClient, ActorClient, versions and env vars, against the emulator's simulated
// Actors (apify/hello-world, sleeper, failer).
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

test('create, get, update, list, delete an Actor', async () => {
  const { acc, client } = setup();
  const created = await client.actors().create({ name: 'my-actor', title: 'Mine' });
  assert.equal(created.name, 'my-actor');
  assert.ok(created.createdAt instanceof Date);
  const got = await client.actor(created.id).get();
  assert.equal(got.id, created.id);
  const byName = await client.actor(`${created.username}/my-actor`).get();
  assert.equal(byName.id, created.id);
  const updated = await client.actor(created.id).update({ title: 'Renamed' });
  assert.equal(updated.title, 'Renamed');
  const page = await client.actors().list({ my: true, limit: 1, offset: 0, desc: true, sortBy: 'createdAt' });
  assert.equal(page.items.length, 1);
  assert.equal(page.items[0].id, created.id);
  await client.actor(created.id).delete();
  assert.equal(await client.actor(created.id).get(), undefined);
  await client.actor(created.id).delete(); // already gone: resolves, as the official client
  assert.deepEqual(lines(await acc.requests()), [
    'POST /v2/actors',
    `GET /v2/actors/${created.id}`,
    `GET /v2/actors/${created.username}~my-actor`,
    `PUT /v2/actors/${created.id}`,
    'GET /v2/actors?limit=1&offset=0&desc=true&my=true&sortBy=createdAt',
    `DELETE /v2/actors/${created.id}`,
    `GET /v2/actors/${created.id}`,
    `DELETE /v2/actors/${created.id}`,
  ]);
  const reqs = await acc.requests();
  assert.equal(reqs[0].contentType, 'application/json');
  assert.equal(reqs[0].operationId, 'actors_post');
});

test('list is async-iterable; bad options throw synchronously', async () => {
  const { client } = setup();
  for (let i = 0; i < 3; i++) await client.actors().create({ name: `a-${i}` });
  const names = [];
  for await (const a of client.actors().list({ my: true, limit: 3 })) names.push(a.name);
  assert.deepEqual(names.sort(), ['a-0', 'a-1', 'a-2']);
  assert.throws(() => client.actors().list({ chunkSize: 1 }), TypeError);
  assert.throws(() => client.actor(''), TypeError);
});

test('start sends the golden query, JSON input, and hello-world writes OUTPUT and items', async () => {
  const { acc, client } = setup();
  const input = { items: [{ a: 1 }, { a: 2 }, { a: 3 }] };
  const run = await client.actor('apify/hello-world').start(input, {
    waitForFinish: 10,
    timeout: 60,
    memory: 1024,
    build: 'latest',
    maxItems: 5,
    maxTotalChargeUsd: 1.5,
    restartOnError: true,
    forcePermissionLevel: 'LIMITED_PERMISSIONS',
  });
  assert.equal(run.status, 'SUCCEEDED');
  assert.ok(run.startedAt instanceof Date);
  const reqs = await acc.requests();
  assert.deepEqual(lines(reqs), [
    'POST /v2/actors/apify~hello-world/runs?waitForFinish=10&timeout=60&memory=1024&build=latest&maxItems=5&maxTotalChargeUsd=1.5&restartOnError=true&forcePermissionLevel=LIMITED_PERMISSIONS',
  ]);
  assert.equal(reqs[0].contentType, 'application/json');
  const items = await client.dataset(run.defaultDatasetId).listItems();
  assert.deepEqual(items.items, input.items);
  const out = await client.run(run.id).dataset().listItems();
  assert.deepEqual(out.items, input.items);
});

test('start: contentType, string and byte inputs, ad-hoc webhooks in base64', async () => {
  const { acc, client } = setup();
  const hooks = [{ eventTypes: ['ACTOR.RUN.SUCCEEDED'], requestUrl: 'http://127.0.0.1:9/hook' }];
  await client.actor('apify/hello-world').start('plain text', { contentType: 'text/plain', webhooks: hooks });
  await client.actor('apify/hello-world').start('{"count":2}', { contentType: 'application/json' });
  await client.actor('apify/hello-world').start(new Uint8Array([37, 80, 68, 70]), { contentType: 'application/pdf' });
  await client.actor('apify/hello-world').start();
  const reqs = await acc.requests();
  const b64 = Buffer.from(JSON.stringify(hooks)).toString('base64');
  assert.deepEqual(lines(reqs), [
    `POST /v2/actors/apify~hello-world/runs?webhooks=${encodeURIComponent(b64)}`,
    'POST /v2/actors/apify~hello-world/runs',
    'POST /v2/actors/apify~hello-world/runs',
    'POST /v2/actors/apify~hello-world/runs',
  ]);
  assert.deepEqual(reqs.map((r) => r.contentType), ['text/plain', 'application/json', 'application/pdf', null]);
  await assert.rejects(client.actor('apify/hello-world').start({}, { forcePermissionLevel: 'ALL' }), TypeError);
  await assert.rejects(client.actor('apify/hello-world').start({}, { memory: -1 }), RangeError);
  await assert.rejects(client.actor('apify/hello-world').start({}, { waitSecs: 1 }), TypeError);
});

test('call waits for the run; OUTPUT holds the input; failures resolve with their status', async () => {
  const { acc, client } = setup();
  const run = await client.actor('apify/hello-world').call({ count: 2, sleepMs: 300 });
  assert.equal(run.status, 'SUCCEEDED');
  assert.ok(run.finishedAt instanceof Date);
  const sent = lines(await acc.requests());
  assert.equal(sent[0], 'POST /v2/actors/apify~hello-world/runs');
  assert.ok(sent.length >= 2);
  for (const l of sent.slice(1)) assert.equal(l, `GET /v2/actor-runs/${run.id}?waitForFinish=60`);
  const items = await client.run(run.id).dataset().listItems();
  assert.equal(items.items.length, 2);
  const failed = await client.actor('apify/failer').call({ message: 'boom' });
  assert.equal(failed.status, 'FAILED');
  assert.equal(failed.statusMessage, 'boom');
});

test('call with waitSecs returns the run still running; signal aborts call', async () => {
  const { client } = setup();
  const t0 = Date.now();
  const run = await client.actor('apify/sleeper').call({ seconds: 30 }, { waitSecs: 1 });
  assert.ok(['READY', 'RUNNING'].includes(run.status));
  assert.ok(Date.now() - t0 < 5000);
  await client.run(run.id).abort();
  const ctrl = new AbortController();
  const p = client.actor('apify/sleeper').call({ seconds: 30 }, { signal: ctrl.signal });
  setTimeout(() => ctrl.abort(new Error('stop waiting')), 300);
  await assert.rejects(p, /stop waiting/);
  await assert.rejects(client.actor('apify/sleeper').call({}, { waitSecs: -1 }), RangeError);
  await assert.rejects(client.actor('apify/sleeper').call({}, { waitForFinish: 1 }), TypeError);
});

test('validateInput, build, defaultBuild, builds(), runs(), lastRun()', async () => {
  const { acc, client } = setup();
  const actor = await client.actors().create({ name: 'builder' });
  const a = client.actor(actor.id);
  assert.equal(await a.validateInput({ a: 1 }, { build: '0.0' }), true);
  await assert.rejects(a.validateInput([1]), (e) => e instanceof ApifyApiError && e.statusCode === 400);
  const build = await a.build('0.0', { betaPackages: true, tag: 'latest', useCache: false, waitForFinish: 30 });
  assert.equal(build.status, 'SUCCEEDED');
  const def = await a.defaultBuild({ waitForFinish: 5 });
  const got = await def.get();
  assert.equal(got.actId, actor.id);
  assert.equal(got.status, 'SUCCEEDED');
  const builds = await a.builds().list({ desc: true });
  assert.ok(builds.items.some((b) => b.id === build.id));
  assert.ok(builds.items.some((b) => b.id === got.id));
  const run = await a.call({ count: 1 });
  const other = await a.call({ count: 1 });
  const runs = await a.runs().list({ status: 'SUCCEEDED' });
  assert.deepEqual(runs.items.map((r) => r.id).sort(), [run.id, other.id].sort());
  const last = await a.lastRun({ status: 'SUCCEEDED', origin: 'API' }).get();
  assert.equal(last.id, other.id);
  await acc.clearRequests();
  const items = await a.lastRun({ status: 'SUCCEEDED' }).dataset().listItems();
  assert.equal(items.items.length, 1);
  await a.lastRun({ status: 'SUCCEEDED' }).log().get();
  assert.deepEqual(lines(await acc.requests()), [
    `GET /v2/actors/${actor.id}/runs/last/dataset/items?status=SUCCEEDED`,
    `GET /v2/actors/${actor.id}/runs/last/log?status=SUCCEEDED`,
  ]);
  assert.throws(() => a.lastRun({ statuss: 'x' }), TypeError);
});

test('golden lines of validateInput, build, defaultBuild, builds, runs, lastRun', async () => {
  const { acc, client } = setup();
  const actor = await client.actors().create({ name: 'gold' });
  const a = client.actor(actor.id);
  await acc.clearRequests();
  await a.validateInput({ a: 1 }, { build: '0.1' });
  await a.build('0.0', { betaPackages: true, tag: 'latest', useCache: false, waitForFinish: 30 });
  await a.defaultBuild({ waitForFinish: 5 });
  await a.lastRun({ status: 'SUCCEEDED', origin: 'API' }).get();
  await a.builds().list({ desc: true });
  await a.runs().list({ status: 'RUNNING' });
  const id = actor.id;
  assert.deepEqual(lines(await acc.requests()), [
    `POST /v2/actors/${id}/validate-input?build=0.1`,
    `POST /v2/actors/${id}/builds?version=0.0&betaPackages=true&tag=latest&useCache=false&waitForFinish=30`,
    `GET /v2/actors/${id}/builds/default?waitForFinish=5`,
    `GET /v2/actors/${id}/runs/last?status=SUCCEEDED&origin=API`,
    `GET /v2/actors/${id}/builds?desc=true`,
    `GET /v2/actors/${id}/runs?status=RUNNING`,
  ]);
});

test('versions and env vars', async () => {
  const { acc, client } = setup();
  const actor = await client.actors().create({ name: 'versioned' });
  const a = client.actor(actor.id);
  await acc.clearRequests();
  const v = await a.versions().create({ versionNumber: '0.1', buildTag: 'beta' });
  assert.equal(v.versionNumber, '0.1');
  const list = await a.versions().list();
  assert.deepEqual(list.items.map((x) => x.versionNumber), ['0.0', '0.1']);
  assert.equal(list.total, 2);
  const all = [];
  for await (const x of a.versions().list()) all.push(x.versionNumber);
  assert.deepEqual(all, ['0.0', '0.1']);
  assert.equal((await a.version('0.1').get()).buildTag, 'beta');
  assert.equal((await a.version('0.1').update({ buildTag: 'latest' })).buildTag, 'latest');
  const env = a.version('0.1');
  const created = await env.envVars().create({ name: 'N', value: 'v', isSecret: false });
  assert.equal(created.name, 'N');
  assert.deepEqual((await env.envVars().list()).items.map((e) => e.name), ['N']);
  assert.equal((await env.envVar('N').get()).value, 'v');
  assert.equal((await env.envVar('N').update({ name: 'N', value: 'w' })).value, 'w');
  await env.envVar('N').delete();
  assert.equal(await env.envVar('N').get(), undefined);
  await a.version('0.1').delete();
  assert.equal(await a.version('0.1').get(), undefined);
  const id = actor.id;
  assert.deepEqual(lines(await acc.requests()), [
    `POST /v2/actors/${id}/versions`,
    `GET /v2/actors/${id}/versions`,
    `GET /v2/actors/${id}/versions`,
    `GET /v2/actors/${id}/versions/0.1`,
    `PUT /v2/actors/${id}/versions/0.1`,
    `POST /v2/actors/${id}/versions/0.1/env-vars`,
    `GET /v2/actors/${id}/versions/0.1/env-vars`,
    `GET /v2/actors/${id}/versions/0.1/env-vars/N`,
    `PUT /v2/actors/${id}/versions/0.1/env-vars/N`,
    `DELETE /v2/actors/${id}/versions/0.1/env-vars/N`,
    `GET /v2/actors/${id}/versions/0.1/env-vars/N`,
    `DELETE /v2/actors/${id}/versions/0.1`,
    `GET /v2/actors/${id}/versions/0.1`,
  ]);
});

test('webhooks() of an Actor and of a task list their webhooks', async () => {
  const { acc, client } = setup();
  const actor = await client.actors().create({ name: 'hooked' });
  const task = await client.tasks().create({ actId: actor.id, name: 'hooked-task' });
  const hook = await client.webhooks().create({
    eventTypes: ['ACTOR.RUN.SUCCEEDED'],
    condition: { actorId: actor.id },
    requestUrl: 'http://127.0.0.1:9/hook',
  });
  await acc.clearRequests();
  const list = await client.actor(actor.id).webhooks().list();
  assert.deepEqual(list.items.map((w) => w.id), [hook.id]);
  const none = await client.task(task.id).webhooks().list();
  assert.equal(none.items.length, 0);
  const sent = lines(await acc.requests());
  assert.equal(sent.length, 2);
  assert.match(sent[0], new RegExp(`^GET /v2/actors/${actor.id}/webhooks(\\?|$)`));
  assert.match(sent[1], new RegExp(`^GET /v2/actor-tasks/${task.id}/webhooks(\\?|$)`));
});
