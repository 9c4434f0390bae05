// Compiled (never run) by tests/types/check.sh with `tsc --strict --noEmit`: every client and
// method of the package used as a TypeScript user would, with the types it promises. Lines
// marked `@ts-expect-error` must fail to compile: they keep the types from going loose.
import {
    ApifyClient,
    ApifyApiError,
    ApifyNetworkError,
    InvalidResponseBodyError,
    type Actor,
    type ActorCollectionListItem,
    type ActorEnvVar,
    type ActorRun,
    type ActorStoreList,
    type ActorVersion,
    type Build,
    type BuildClient,
    type RunChargeResponse,
    type Task,
    type TaskInput,
    type WholeList,
    type Dataset,
    type DatasetItem,
    type MonthlyUsage,
    type PaginatedList,
    type Schedule,
    type ScheduleLogEntry,
    type User,
    type Webhook,
    type WebhookDispatch,
    type WebhookListItem,
} from 'apify-client-wasm';

const ac = new AbortController();
const client = new ApifyClient({ token: 'token', baseUrl: 'http://localhost:3000', maxRetries: 2, timeoutSecs: 30 });
const anonymous = new ApifyClient();
const baseUrl: string = client.baseUrl;
const publicBaseUrl: string = client.publicBaseUrl;
const token: string | undefined = anonymous.token;
const stats: { calls: number; requests: number; rateLimitErrors: number[] } = client.stats;

// @ts-expect-error the client's options are typed
new ApifyClient({ tokn: 'x' });

async function datasets(): Promise<void> {
    const page: PaginatedList<Dataset> = await client.datasets().list({ limit: 10, offset: 0, desc: true, unnamed: true });
    for await (const d of client.datasets().list()) {
        const created: Date = d.createdAt;
    }
    const ds: Dataset = await client.datasets().getOrCreate('name', { signal: ac.signal });
    await client.datasets().getOrCreate();
    const got: Dataset | undefined = await client.dataset(ds.id).get();
    await client.dataset(ds.id).update({ name: 'renamed' });
    await client.dataset(ds.id).pushItems([{ a: 1 }]);
    await client.dataset(ds.id).pushItems({ a: 1 }, { signal: ac.signal });
    const items: PaginatedList<DatasetItem> = await client.dataset(ds.id).listItems({ fields: ['a'], clean: true, chunkSize: 100 });
    for await (const item of client.dataset(ds.id).listItems()) {
        const value: unknown = item.a;
    }
    const csv: Uint8Array = await client.dataset(ds.id).downloadItems('csv', { bom: true, delimiter: ';' });
    // @ts-expect-error formats are a closed set
    await client.dataset(ds.id).downloadItems('pdf');
    const statistics = await client.dataset(ds.id).getStatistics();
    if (statistics) {
        const fields: string[] = Object.keys(statistics.fieldStatistics);
    }
    await client.dataset(ds.id).delete();
}

async function webhooks(): Promise<void> {
    const created: Webhook = await client.webhooks().create({
        eventTypes: ['ACTOR.RUN.SUCCEEDED'],
        condition: { actorId: 'apify~hello-world' },
        requestUrl: 'https://example.com',
        idempotencyKey: 'key',
    });
    await client.webhooks().create();
    // @ts-expect-error event types are a closed set
    await client.webhooks().create({ eventTypes: ['ACTOR.RUN.EXPLODED'] });
    const page: PaginatedList<WebhookListItem> = await client.webhooks().list({ limit: 1, offset: 0, desc: true });
    for await (const w of client.webhooks().list()) {
        const modified: Date = w.modifiedAt;
        // @ts-expect-error list() items have no templates
        w.payloadTemplate;
    }
    const w: Webhook | undefined = await client.webhook(created.id).get({ signal: ac.signal });
    const updated: Webhook = await client.webhook(created.id).update({ isAdHoc: false, description: 'd' });
    const dispatch: WebhookDispatch | undefined = await client.webhook(created.id).test();
    if (dispatch) {
        const status: 'ACTIVE' | 'SUCCEEDED' | 'FAILED' = dispatch.status;
        const runId: string | undefined = dispatch.eventData?.actorRunId;
        const at: Date = dispatch.calls[0].startedAt;
    }
    const dispatches: PaginatedList<WebhookDispatch> = await client.webhook(created.id).dispatches().list({ limit: 5 });
    for await (const d of client.webhookDispatches().list({ desc: true })) {
        const one: WebhookDispatch | undefined = await client.webhookDispatch(d.id).get();
    }
    await client.webhook(created.id).delete();
}

async function schedules(): Promise<void> {
    const s: Schedule = await client.schedules().create({
        name: 'nightly',
        cronExpression: '0 3 * * *',
        timezone: 'UTC',
        isEnabled: true,
        isExclusive: true,
        actions: [
            { type: 'RUN_ACTOR', actorId: 'apify~hello-world', runInput: { body: '{}', contentType: 'application/json' } },
            { type: 'RUN_ACTOR_TASK', actorTaskId: 'task', input: { a: 1 } },
        ],
    });
    await client.schedules().create();
    const page: PaginatedList<Schedule> = await client.schedules().list({ limit: 1, desc: false });
    for await (const x of client.schedules().list()) {
        const next: Date | null = x.nextRunAt;
    }
    const got: Schedule | undefined = await client.schedule(s.id).get();
    await client.schedule(s.id).update({ isEnabled: false });
    const log: ScheduleLogEntry[] | undefined = await client.schedule(s.id).getLog();
    await client.schedule(s.id).delete({ signal: ac.signal });
}

async function storeAndUsers(): Promise<void> {
    const page: PaginatedList<ActorStoreList> = await client.store().list({
        search: 'crawler',
        sortBy: 'popularity',
        category: 'AI',
        username: 'apify',
        pricingModel: 'FREE',
        includeUnrunnableActors: true,
        allowsAgenticUsers: true,
        responseFormat: 'agent',
        limit: 10,
        offset: 0,
    });
    // @ts-expect-error the store has no desc
    client.store().list({ desc: true });
    for await (const a of client.store().list()) {
        const url: string = a.url;
    }
    const me: User | undefined = await client.user().get();
    const other: User | undefined = await client.user('apify').get();
    const usage: MonthlyUsage | undefined = await client.user().monthlyUsage({ date: new Date() });
    if (usage) {
        const day: Date = usage.dailyServiceUsages[0].date;
    }
    const limits = await client.user().limits();
    const max: number | undefined = limits?.limits.maxMonthlyUsageUsd;
    await client.user().updateLimits({ maxMonthlyUsageUsd: 5 });
    await client.user().updateLimits({ dataRetentionDays: 7 }, { signal: ac.signal });
    await client.setStatusMessage('Crawled 10 pages', { isStatusMessageTerminal: true, level: 'INFO' });
    await client.setStatusMessage('working');
    // @ts-expect-error levels are a closed set
    await client.setStatusMessage('x', { level: 'LOUD' });
}

async function errors(): Promise<void> {
    try {
        await storeAndUsers();
    } catch (e) {
        if (e instanceof ApifyApiError) {
            const s: number = e.statusCode;
            const m: string = e.clientMethod;
        } else if (e instanceof ApifyNetworkError) {
            const c: 'network-error' | 'timeout' = e.code;
        } else if (e instanceof InvalidResponseBodyError) {
            const c: 'invalid-response-body' = e.code;
        }
    }
}

export { datasets, webhooks, schedules, storeAndUsers, errors, baseUrl, publicBaseUrl, token, stats };

async function actors(): Promise<void> {
    const page: PaginatedList<ActorCollectionListItem> = await client.actors().list({ my: true, sortBy: 'createdAt', limit: 1 });
    const created: Actor = await client.actors().create({ name: 'a', defaultRunOptions: { memoryMbytes: 256 } });
    const a = client.actor('apify/hello-world');
    const got: Actor | undefined = await a.get();
    const updated: Actor = await a.update({ title: 't', taggedBuilds: { latest: null } });
    await a.delete({ signal: ac.signal });
    const started: ActorRun = await a.start({ count: 1 }, { memory: 256, webhooks: [{ eventTypes: ['ACTOR.RUN.SUCCEEDED'], requestUrl: 'u' }] });
    await a.start();
    await a.start('text', { contentType: 'text/plain', forcePermissionLevel: 'LIMITED_PERMISSIONS' });
    const run: ActorRun = await a.call({ count: 1 }, { waitSecs: 60, log: null, signal: ac.signal });
    // @ts-expect-error call() takes waitSecs, not waitForFinish
    await a.call({}, { waitForFinish: 10 });
    const valid: boolean = await a.validateInput({ a: 1 }, { build: 'latest' });
    const build: Build = await a.build('0.0', { tag: 'latest', useCache: true, waitForFinish: 60 });
    const def: BuildClient = await a.defaultBuild();
    const last: ActorRun | undefined = await a.lastRun({ status: 'SUCCEEDED', origin: 'API' }).get();
    const items: PaginatedList<DatasetItem> = await a.lastRun().dataset().listItems();
    const builds: PaginatedList<Build> = await a.builds().list({ desc: true });
    const runs: PaginatedList<ActorRun> = await a.runs().list({ status: 'RUNNING' });
    const versions: WholeList<ActorVersion> = await a.versions().list();
    for await (const v of a.versions().list()) {
        const n: string | undefined = v.versionNumber;
    }
    const version: ActorVersion = await a.versions().create({ versionNumber: '0.1' });
    await a.version('0.1').update({ buildTag: 'beta' });
    const envs: WholeList<ActorEnvVar> = await a.version('0.1').envVars().list();
    const env: ActorEnvVar | undefined = await a.version('0.1').envVar('N').get();
    await a.version('0.1').envVars().create({ name: 'N', value: 'v', isSecret: true });
    await a.version('0.1').envVar('N').delete();
    const hooks: PaginatedList<WebhookListItem> = await a.webhooks().list();
    // Beyond the official client: …/run-sync and …/run-sync-get-dataset-items.
    const output: unknown = await a.runSync({ a: 1 }, { memory: 256, outputRecordKey: 'OUT', contentType: 'application/json' });
    await a.runSync();
    const synced: DatasetItem[] = await a.runSyncGetDatasetItems(undefined, { limit: 10, fields: ['a'], unwind: 'b', clean: true, timeout: 60 });
    // @ts-expect-error runSync takes no waitForFinish (the request waits by itself)
    await a.runSync({}, { waitForFinish: 10 });
    // @ts-expect-error outputRecordKey is an option of runSync only
    await a.runSyncGetDatasetItems({}, { outputRecordKey: 'X' });
}

async function buildsAndRuns(): Promise<void> {
    const builds: PaginatedList<Build> = await client.builds().list({ limit: 2 });
    const b: Build | undefined = await client.build('B').get({ waitForFinish: 5 });
    const waited: Build = await client.build('B').waitForFinish({ waitSecs: 0 });
    await client.build('B').abort();
    await client.build('B').delete();
    const openapi: Record<string, unknown> = await client.build('B').getOpenApiDefinition();
    const blog: string | undefined = await client.build('B').log().get();
    const runs: PaginatedList<ActorRun> = await client.runs().list({ status: ['SUCCEEDED', 'FAILED'], startedAfter: new Date(), startedBefore: '2025-01-01' });
    const r = client.run('R');
    const got: ActorRun | undefined = await r.get({ waitForFinish: 5 });
    await r.abort({ gracefully: true });
    await r.metamorph('u/t', { a: 1 }, { build: 'b' });
    await r.reboot();
    await r.update({ statusMessage: 'm', isStatusMessageTerminal: true });
    await r.resurrect({ memory: 256, restartOnError: false });
    const charged: RunChargeResponse = await r.charge({ eventName: 'e', count: 2, idempotencyKey: 'k' });
    // @ts-expect-error charge needs an eventName
    await r.charge();
    const done: ActorRun = await r.waitForFinish({ waitSecs: 30, signal: ac.signal });
    const items: PaginatedList<DatasetItem> = await r.dataset().listItems();
    const text: string | undefined = await r.log().get({ raw: true });
    const stream: ReadableStream<string> | undefined = await client.log('R').stream({ raw: true });
    // @ts-expect-error a run status is one of the API's
    await client.runs().list({ status: 'DONE' });
}

async function tasks(): Promise<void> {
    const page: PaginatedList<Task> = await client.tasks().list({ desc: true });
    const created: Task = await client.tasks().create({ actId: 'apify/hello-world', name: 't', input: { count: 1 } });
    const t = client.task(created.id);
    const got: Task | undefined = await t.get();
    await t.update({ title: 'x' });
    await t.publish();
    await t.unpublish();
    await t.delete();
    const run: ActorRun = await t.start({ count: 2 }, { memory: 256 });
    await t.start();
    const called: ActorRun = await t.call(undefined, { waitSecs: 10 });
    const input: TaskInput | undefined = await t.getInput();
    const newInput: TaskInput = await t.updateInput({ count: 3 });
    const last: ActorRun | undefined = await t.lastRun({ status: 'SUCCEEDED' }).get();
    const runs: PaginatedList<ActorRun> = await t.runs().list();
    const hooks: PaginatedList<WebhookListItem> = await t.webhooks().list();
    const output: unknown = await t.runSync({ count: 1 }, { outputRecordKey: 'OUTPUT', build: 'latest' });
    const synced: DatasetItem[] = await t.runSyncGetDatasetItems(undefined, { offset: 1, desc: true });
    // @ts-expect-error a task's input is an object (it overrides the task's input)
    await t.runSync('text');
}

async function runStorages(): Promise<void> {
    const out = await client.run('R').keyValueStore().getRecord('OUTPUT');
    const zip: Uint8Array = await client.keyValueStore('S').downloadRecords({ prefix: 'p', collection: 'c', signal: ac.signal });
    await client.task('T').lastRun({ origin: 'API' }).keyValueStore().downloadRecords();
    // @ts-expect-error downloadRecords takes no limit
    await client.keyValueStore('S').downloadRecords({ limit: 1 });
    await client.run('R').requestQueue().listHead();
}
