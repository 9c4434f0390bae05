// BuildCollectionClient and BuildClient against the emulator's simulated builds.
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

test('get, waitForFinish, log, openapi, list, delete', async () => {
  const { acc, client } = setup();
  const actor = await client.actors().create({ name: 'built' });
  const started = await client.actor(actor.id).build('0.0');
  assert.notEqual(started.status, 'SUCCEEDED');
  await acc.clearRequests();
  const b = client.build(started.id);
  const done = await b.waitForFinish();
  assert.equal(done.status, 'SUCCEEDED');
  assert.ok(done.finishedAt instanceof Date);
  const got = await b.get({ waitForFinish: 5 });
  assert.equal(got.id, started.id);
  const log = await b.log().get();
  assert.match(log, /Build finished/);
  const def = await b.getOpenApiDefinition();
  assert.equal(def.openapi, '3.0.1');
  assert.equal(def.info['x-build-id'], started.id);
  const page = await client.builds().list({ limit: 2, desc: true });
  assert.equal(page.items.length, 2);
  const all = [];
  for await (const x of client.builds().list()) all.push(x.id);
  assert.ok(all.includes(started.id));
  await b.delete();
  assert.equal(await b.get(), undefined);
  const sent = lines(await acc.requests());
  const polls = sent.slice(0, sent.indexOf(`GET /v2/actor-builds/${started.id}?waitForFinish=5`));
  assert.ok(polls.length >= 1);
  for (const l of polls) assert.equal(l, `GET /v2/actor-builds/${started.id}?waitForFinish=60`);
  assert.deepEqual(sent.slice(polls.length), [
    `GET /v2/actor-builds/${started.id}?waitForFinish=5`,
    `GET /v2/actor-builds/${started.id}/log`,
    `GET /v2/actor-builds/${started.id}/openapi.json`,
    'GET /v2/actor-builds?limit=2&desc=true',
    'GET /v2/actor-builds',
    `DELETE /v2/actor-builds/${started.id}`,
    `GET /v2/actor-builds/${started.id}`,
  ]);
});

test('waitForFinish({waitSecs: 0}) sends one poll; abort', async () => {
  const { acc, client } = setup();
  const actor = await client.actors().create({ name: 'built2' });
  const started = await client.actor(actor.id).build('0.0');
  await acc.clearRequests();
  const b = await client.build(started.id).waitForFinish({ waitSecs: 0 });
  assert.equal(b.id, started.id);
  assert.deepEqual(lines(await acc.requests()), [`GET /v2/actor-builds/${started.id}?waitForFinish=0`]);
  const aborted = await client.build(started.id).abort();
  assert.equal(aborted.id, started.id);
  assert.ok(['ABORTED', 'ABORTING', 'SUCCEEDED'].includes(aborted.status));
  await assert.rejects(client.build('nope').waitForFinish({ waitSecs: 0 }), /Cannot fetch build details/);
});
