// ScheduleCollectionClient and ScheduleClient through the packed API, against the emulator.
// Each request is checked against the official client's golden line (Appendix A).
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

const SCHEDULE = {
  name: 'nightly',
  cronExpression: '0 3 * * *',
  timezone: 'Europe/Prague',
  isEnabled: true,
  isExclusive: true,
  description: 'every night',
  actions: [{ type: 'RUN_ACTOR', actorId: 'apify~hello-world', runInput: { body: '{"count":2}', contentType: 'application/json' } }],
};

test('create, get (by id and by username/name), update, getLog, delete', async () => {
  const { acc, client } = setup();
  const s = await client.schedules().create(SCHEDULE);
  assert.equal(s.name, 'nightly');
  assert.equal(s.cronExpression, '0 3 * * *');
  assert.equal(s.actions.length, 1);
  assert.equal(s.actions[0].type, 'RUN_ACTOR');
  assert.ok(s.createdAt instanceof Date);

  const got = await client.schedule(s.id).get();
  assert.equal(got.id, s.id);
  const me = await client.user().get();
  const byName = await client.schedule(`${me.username}/nightly`).get();
  assert.equal(byName.id, s.id);

  const updated = await client.schedule(s.id).update({ cronExpression: '@hourly', isEnabled: false });
  assert.equal(updated.cronExpression, '@hourly');
  assert.equal(updated.isEnabled, false);
  assert.equal(updated.name, 'nightly');

  const log = await client.schedule(s.id).getLog();
  assert.ok(Array.isArray(log) && log.length > 0);
  assert.equal(typeof log[0].message, 'string');
  assert.ok(log[0].createdAt instanceof Date);

  assert.equal(await client.schedule(s.id).delete(), undefined);
  assert.equal(await client.schedule(s.id).get(), undefined);
  assert.equal(await client.schedule(s.id).getLog(), undefined);

  const sent = (await acc.requests()).filter((r) => !r.path.startsWith('/v2/users'));
  assertLines(lines(sent), [
    'POST /v2/schedules', // golden: POST /v2/schedules
    `GET /v2/schedules/${s.id}`, // golden: GET /v2/schedules/S
    `GET /v2/schedules/${me.username}~nightly`,
    `PUT /v2/schedules/${s.id}`, // golden: PUT /v2/schedules/S
    `GET /v2/schedules/${s.id}/log`, // golden: GET /v2/schedules/S/log
    `DELETE /v2/schedules/${s.id}`, // golden: DELETE /v2/schedules/S
    `GET /v2/schedules/${s.id}`,
    `GET /v2/schedules/${s.id}/log`,
  ]);
  assert.deepEqual(
    sent.map((r) => [r.operationId, r.contentType ?? null]),
    [
      ['schedules_post', 'application/json'],
      ['schedule_get', null],
      ['schedule_get', null],
      ['schedule_put', 'application/json'],
      ['schedule_log_get', null],
      ['schedule_delete', null],
      ['schedule_get', null],
      ['schedule_log_get', null],
    ],
  );
});

test('list: one page and for await', async () => {
  const { acc, client } = setup();
  const names = ['s-a', 's-b', 's-c'];
  for (const name of names) await client.schedules().create({ ...SCHEDULE, name });
  await acc.clearRequests();
  const page = await client.schedules().list({ limit: 1 });
  assert.equal(page.total, 3);
  assert.equal(page.items.length, 1);
  assert.ok(page.items[0].createdAt instanceof Date);
  await client.schedules().list({ offset: 2, desc: false });
  assertLines(lines(await acc.requests()), [
    'GET /v2/schedules?limit=1', // golden: GET /v2/schedules?limit=1
    'GET /v2/schedules?offset=2&desc=false',
  ]);
  const seen = [];
  for await (const s of client.schedules().list()) seen.push(s.name);
  assert.deepEqual(seen.sort(), names);
});

test('API errors carry the client method; bad arguments are TypeErrors', async () => {
  const { client } = setup();
  const bad = await client.schedules().create({ ...SCHEDULE, cronExpression: 'every day' }).catch((e) => e);
  assert.ok(bad instanceof ApifyApiError);
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.type, 'cron-expression-invalid');
  assert.equal(bad.clientMethod, 'ScheduleCollectionClient.create');
  const missing = await client.schedule('nope').update({ isEnabled: true }).catch((e) => e);
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.clientMethod, 'ScheduleClient.update');
  assert.throws(() => client.schedules().list({ limit: '5' }), TypeError);
  assert.throws(() => client.schedule(''), TypeError);
  await assert.rejects(client.schedules().create(7), TypeError);
  await assert.rejects(client.schedule('s').update(null), TypeError);
  await assert.rejects(client.schedule('s').getLog({ raw: true }), /unknown option "raw"/);
});
