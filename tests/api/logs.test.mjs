// LogClient: get() and stream() against the emulator's logger Actor.
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

test('get: text of a run log, raw, undefined when missing', async () => {
  const { acc, client } = setup();
  const run = await client.actor('apify/hello-world').call({ count: 3 });
  await acc.clearRequests();
  const text = await client.log(run.id).get({ raw: true });
  assert.match(text, /Pushed 3 items/);
  assert.equal(await client.run(run.id).log().get(), text);
  assert.equal(await client.log('missing').get(), undefined);
  assert.deepEqual(lines(await acc.requests()), [
    `GET /v2/logs/${run.id}?raw=true`,
    `GET /v2/actor-runs/${run.id}/log`,
    'GET /v2/logs/missing',
  ]);
});

test('stream: text chunks while the run goes, ending with it', async () => {
  const { acc, client } = setup();
  const run = await client.actor('apify/logger').start({ lines: 5, intervalMs: 150 });
  await acc.clearRequests();
  const stream = await client.log(run.id).stream({ raw: true });
  assert.ok(stream instanceof ReadableStream);
  const chunks = [];
  const t0 = Date.now();
  for await (const chunk of stream) {
    assert.equal(typeof chunk, 'string');
    chunks.push(chunk);
  }
  const text = chunks.join('');
  assert.ok(chunks.length >= 2, `expected several chunks, got ${chunks.length}`);
  assert.match(text, /Log line 5 of 5/);
  assert.match(text, /Run finished with status SUCCEEDED/);
  assert.ok(Date.now() - t0 >= 300);
  assert.deepEqual(lines(await acc.requests()), [`GET /v2/logs/${run.id}?stream=true&raw=true`]);
  assert.equal(await client.log('missing').stream(), undefined);
});

test('stream: the signal cancels a stream of a long run', async () => {
  const { client } = setup();
  const run = await client.actor('apify/logger').start({ lines: 1000, intervalMs: 50 });
  const ctrl = new AbortController();
  const stream = await client.run(run.id).log().stream({ signal: ctrl.signal });
  const reader = stream.getReader();
  const first = await reader.read();
  assert.equal(first.done, false);
  ctrl.abort(new Error('enough'));
  await assert.rejects(
    (async () => {
      for (;;) if ((await reader.read()).done) return;
    })(),
  );
  await client.run(run.id).abort();
});
