// StoreCollectionClient, UserClient and ApifyClient.setStatusMessage through the packed API,
// against the emulator. Each request is checked against the official client's golden line
// (Appendix A).
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

test('store().list sends every filter of the official client', async () => {
  const { acc, client } = setup();
  const page = await client.store().list({
    search: 'hello',
    sortBy: 'popularity',
    category: 'c',
    username: 'apify',
    pricingModel: 'FREE',
    includeUnrunnableActors: true,
    limit: 1,
    offset: 0,
  });
  assert.equal(page.total, 1);
  assert.equal(page.items[0].name, 'hello-world');
  assert.equal(page.items[0].username, 'apify');
  assert.equal(page.items[0].currentPricingInfo.pricingModel, 'FREE');
  const [sent] = await acc.requests();
  assert.equal(sent.operationId, 'store_get');
  assertLines(lines([sent]), [
    // golden: GET /v2/store?search=x&sortBy=popularity&category=c&username=u&pricingModel=FREE&includeUnrunnableActors=1&limit=1&offset=0
    'GET /v2/store?search=hello&sortBy=popularity&category=c&username=apify&pricingModel=FREE&includeUnrunnableActors=true&limit=1&offset=0',
  ]);
});

test('store().list: the spec parameters apify-client lacks, paging and iteration', async () => {
  const { acc, client } = setup();
  await client.store().list({ allowsAgenticUsers: false, responseFormat: 'agent' });
  assertLines(lines(await acc.requests()), ['GET /v2/store?allowsAgenticUsers=false&responseFormat=agent']);
  const all = await client.store().list();
  assert.ok(all.total >= 4, `the catalogue has ${all.total} Actors`);
  const names = [];
  for await (const a of client.store().list({ username: 'apify' })) names.push(a.name);
  assert.equal(names.length, all.total);
  assert.ok(names.includes('hello-world') && names.includes('sleeper'));
  // No `desc` in the store, as in the official client.
  assert.throws(() => client.store().list({ desc: true }), /unknown option "desc"/);
  assert.throws(() => client.store().list({ includeUnrunnableActors: 1 }), TypeError);
});

test('user(): get, by id, monthlyUsage (dates parsed), limits, updateLimits', async () => {
  const { acc, client } = setup();
  const me = await client.user().get();
  assert.equal(typeof me.username, 'string');
  assert.equal(typeof me.id, 'string');
  assert.ok(me.createdAt instanceof Date);
  const pub = await client.user(me.id).get();
  assert.equal(pub.username, me.username);
  assert.equal(pub.email, undefined);
  assert.equal(await client.user('nobody-at-all').get(), undefined);

  const usage = await client.user().monthlyUsage();
  assert.ok(usage.usageCycle.startAt instanceof Date);
  assert.ok(usage.usageCycle.endAt instanceof Date);
  assert.ok(usage.dailyServiceUsages.length > 0);
  assert.ok(usage.dailyServiceUsages[0].date instanceof Date, 'date keys become Dates, as in the official client');

  const limits = await client.user().limits();
  assert.ok(limits.monthlyUsageCycle.startAt instanceof Date);
  assert.equal(typeof limits.limits.maxMonthlyUsageUsd, 'number');
  assert.equal(await client.user().updateLimits({ maxMonthlyUsageUsd: 5, dataRetentionDays: 9 }), undefined);
  const after = await client.user().limits();
  assert.equal(after.limits.maxMonthlyUsageUsd, 5);
  assert.equal(after.limits.dataRetentionDays, 9);

  const sent = await acc.requests();
  assertLines(lines(sent), [
    'GET /v2/users/me', // golden: GET /v2/users/me
    `GET /v2/users/${me.id}`, // golden: GET /v2/users/UID
    'GET /v2/users/nobody-at-all',
    'GET /v2/users/me/usage/monthly', // golden: GET /v2/users/me/usage/monthly
    'GET /v2/users/me/limits', // golden: GET /v2/users/me/limits
    'PUT /v2/users/me/limits', // golden: PUT /v2/users/me/limits
    'GET /v2/users/me/limits',
  ]);
  assert.deepEqual(
    sent.map((r) => [r.operationId, r.contentType ?? null]),
    [
      ['users_me_get', null],
      ['user_get', null],
      ['user_get', null],
      ['users_me_usage_monthly_get', null],
      ['users_me_limits_get', null],
      ['users_me_limits_put', 'application/json'],
      ['users_me_limits_get', null],
    ],
  );
});

test('monthlyUsage({date}): the spec parameter apify-client lacks, a string or a Date', async () => {
  const { acc, client } = setup();
  await client.user().monthlyUsage({ date: '2026-01-15' });
  await client.user().monthlyUsage({ date: new Date(Date.UTC(2026, 1, 3, 23, 59)) });
  assertLines(lines(await acc.requests()), [
    'GET /v2/users/me/usage/monthly?date=2026-01-15',
    'GET /v2/users/me/usage/monthly?date=2026-02-03',
  ]);
  await assert.rejects(client.user().monthlyUsage({ date: 20260115 }), TypeError);
  await assert.rejects(client.user().monthlyUsage({ date: new Date('x') }), RangeError);
});

test('user() errors and bad arguments', async () => {
  const { client } = setup();
  const err = await client.user().updateLimits({ maxMonthlyUsageUsd: 'lots' }).catch((e) => e);
  assert.ok(err instanceof ApifyApiError);
  assert.equal(err.statusCode, 400);
  assert.equal(err.clientMethod, 'UserClient.updateLimits');
  assert.throws(() => client.user(''), TypeError);
  await assert.rejects(client.user().updateLimits(), TypeError);
  await assert.rejects(client.user().limits({ x: 1 }), /unknown option "x"/);
});

test('setStatusMessage updates the run named by ACTOR_RUN_ID, and says so when it is missing', async () => {
  const { acc, client } = setup();
  const saved = { a: process.env.ACTOR_RUN_ID, b: process.env.APIFY_ACTOR_RUN_ID };
  try {
    delete process.env.ACTOR_RUN_ID;
    delete process.env.APIFY_ACTOR_RUN_ID;
    await assert.rejects(client.setStatusMessage('hi'), /Environment variable ACTOR_RUN_ID is not set/);

    const run = await raw(emu.url, acc.token, 'POST', '/v2/acts/apify~sleeper/runs', { seconds: 30 });
    await acc.clearRequests();
    process.env.ACTOR_RUN_ID = run.id;
    assert.equal(await client.setStatusMessage('Crawled 10 pages', { isStatusMessageTerminal: true, level: 'WARNING' }), undefined);
    const after = await raw(emu.url, acc.token, 'GET', `/v2/actor-runs/${run.id}`);
    assert.equal(after.statusMessage, 'Crawled 10 pages');
    assert.equal(after.isStatusMessageTerminal, true);
    const sent = await acc.requests();
    assertLines(lines(sent.slice(0, 1)), [`PUT /v2/actor-runs/${run.id}`]);
    assert.equal(sent[0].operationId, 'actorRun_put');
    assert.equal(sent[0].contentType, 'application/json');

    // The legacy variable, as the official client reads it.
    delete process.env.ACTOR_RUN_ID;
    process.env.APIFY_ACTOR_RUN_ID = run.id;
    await client.setStatusMessage('legacy');
    assert.equal((await raw(emu.url, acc.token, 'GET', `/v2/actor-runs/${run.id}`)).statusMessage, 'legacy');

    process.env.ACTOR_RUN_ID = 'no-such-run';
    const err = await client.setStatusMessage('x').catch((e) => e);
    assert.ok(err instanceof ApifyApiError);
    assert.equal(err.statusCode, 404);
    assert.equal(err.clientMethod, 'RunClient.update');
    await assert.rejects(client.setStatusMessage(5), TypeError);
    await assert.rejects(client.setStatusMessage('x', { level: 3 }), TypeError);
    await raw(emu.url, acc.token, 'POST', `/v2/actor-runs/${run.id}/abort`);
  } finally {
    for (const [k, v] of [['ACTOR_RUN_ID', saved.a], ['APIFY_ACTOR_RUN_ID', saved.b]]) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
});
