// TaskCollectionClient and TaskClient against the emulator.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ApifyClient } from './client.mjs';
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

test('create, get, update, publish, input, list, delete', async () => {
  const { acc, client } = setup();
  const task = await client.tasks().create({ actId: 'apify/hello-world', name: 'greet', input: { count: 2 } });
  assert.equal(task.name, 'greet');
  assert.ok(task.createdAt instanceof Date);
  const t = client.task(task.id);
  assert.equal((await t.get()).id, task.id);
  assert.equal((await t.update({ title: 'Greeter' })).title, 'Greeter');
  assert.equal((await t.publish()).isPublic, true);
  assert.equal((await t.unpublish()).isPublic, false);
  assert.deepEqual(await t.getInput(), { count: 2 });
  assert.deepEqual(await t.updateInput({ count: 3 }), { count: 3 });
  const page = await client.tasks().list({ desc: true });
  assert.deepEqual(page.items.map((x) => x.id), [task.id]);
  await t.delete();
  assert.equal(await t.get(), undefined);
  assert.equal(await t.getInput(), undefined);
  const id = task.id;
  assert.deepEqual(lines(await acc.requests()), [
    'POST /v2/actor-tasks',
    `GET /v2/actor-tasks/${id}`,
    `PUT /v2/actor-tasks/${id}`,
    `PUT /v2/actor-tasks/${id}`,
    `PUT /v2/actor-tasks/${id}`,
    `GET /v2/actor-tasks/${id}/input`,
    `PUT /v2/actor-tasks/${id}/input`,
    'GET /v2/actor-tasks?desc=true',
    `DELETE /v2/actor-tasks/${id}`,
    `GET /v2/actor-tasks/${id}`,
    `GET /v2/actor-tasks/${id}/input`,
  ]);
});

test('start with the golden options; call; input overrides; lastRun and runs', async () => {
  const { acc, client } = setup();
  const task = await client.tasks().create({ actId: 'apify/hello-world', name: 'greet2', input: { count: 2 } });
  const t = client.task(task.id);
  await acc.clearRequests();
  const started = await t.start({ count: 1 }, { waitForFinish: 10, timeout: 30, memory: 256, build: 'latest', maxItems: 1, maxTotalChargeUsd: 1, restartOnError: true });
  assert.equal(started.status, 'SUCCEEDED');
  const reqs = await acc.requests();
  assert.deepEqual(lines(reqs), [
    `POST /v2/actor-tasks/${task.id}/runs?waitForFinish=10&timeout=30&memory=256&build=latest&maxItems=1&maxTotalChargeUsd=1&restartOnError=true`,
  ]);
  assert.equal(reqs[0].contentType, 'application/json');
  const run = await t.call();
  assert.equal(run.status, 'SUCCEEDED');
  assert.equal((await client.run(run.id).dataset().listItems()).items.length, 2);
  const over = await t.call({ count: 5 }, { waitSecs: 30 });
  assert.equal((await client.run(over.id).dataset().listItems()).items.length, 5);
  await acc.clearRequests();
  const last = await t.lastRun({ status: 'SUCCEEDED' }).get();
  assert.equal(last.id, over.id);
  const runs = await t.runs().list();
  assert.equal(runs.items.length, 3);
  assert.deepEqual(lines(await acc.requests()), [
    `GET /v2/actor-tasks/${task.id}/runs/last?status=SUCCEEDED`,
    `GET /v2/actor-tasks/${task.id}/runs`,
  ]);
  await assert.rejects(t.start('text'), TypeError);
  await assert.rejects(t.start({}, { contentType: 'text/plain' }), TypeError);
  await assert.rejects(t.call({}, { waitForFinish: 1 }), TypeError);
});
