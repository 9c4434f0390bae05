/* tslint:disable */
/* eslint-disable */

/** An event a webhook fires on (`ACTOR.RUN.SUCCEEDED`, …; `TEST` for `webhook(id).test()`). */
export type WebhookEventType =
| "ACTOR.BUILD.ABORTED"
| "ACTOR.BUILD.CREATED"
| "ACTOR.BUILD.FAILED"
| "ACTOR.BUILD.SUCCEEDED"
| "ACTOR.BUILD.TIMED_OUT"
| "ACTOR.RUN.ABORTED"
| "ACTOR.RUN.CREATED"
| "ACTOR.RUN.FAILED"
| "ACTOR.RUN.RESURRECTED"
| "ACTOR.RUN.SUCCEEDED"
| "ACTOR.RUN.TIMED_OUT"
| "TEST";

/** What a webhook watches: every run of an Actor, every run of a task, or one run. */
export type WebhookCondition =
| WebhookAnyRunOfActorCondition
| WebhookAnyRunOfActorTaskCondition
| WebhookCertainRunCondition;

export interface WebhookAnyRunOfActorCondition {
    actorId: string;
}

export interface WebhookAnyRunOfActorTaskCondition {
    actorTaskId: string;
}

export interface WebhookCertainRunCondition {
    actorRunId: string;
}

export interface WebhookStats {
    totalDispatches: number;
}

export interface WebhookLastDispatch {
    status: WebhookDispatchStatus;
    finishedAt: Date;
}

export interface Webhook {
    id: string;
    userId: string;
    createdAt: Date;
    modifiedAt: Date;
    isAdHoc: boolean;
    eventTypes: WebhookEventType[];
    condition: WebhookCondition;
    ignoreSslErrors: boolean;
    doNotRetry: boolean;
    requestUrl: string;
    payloadTemplate: string | null;
    headersTemplate: string | null;
    shouldInterpolateStrings: boolean;
    isApifyIntegration?: boolean;
    description?: string | null;
    lastDispatch: WebhookLastDispatch | null;
    stats: WebhookStats;
}

/** The fields of `webhooks().create()` and `webhook(id).update()`. */
export interface WebhookUpdateData {
    isAdHoc?: boolean;
    eventTypes?: readonly WebhookEventType[];
    condition?: WebhookCondition;
    ignoreSslErrors?: boolean;
    doNotRetry?: boolean;
    requestUrl?: string;
    payloadTemplate?: string;
    headersTemplate?: string;
    shouldInterpolateStrings?: boolean;
    isApifyIntegration?: boolean;
    description?: string;
    /** Creating twice with the same key returns the webhook the first call created. */
    idempotencyKey?: string;
}

export interface WebhookCollectionListOptions extends ListOptions {}

/** A webhook as `list()` returns it: without its templates. */
export type WebhookListItem = Omit<Webhook, "payloadTemplate" | "headersTemplate">;



/** Options of `new ApifyClient(options)`. Unknown keys throw a TypeError. */
export interface ApifyClientOptions {
    /** Sent only as `Authorization: Bearer <token>`; never in URLs, errors or logs. */
    token?: string;
    /** @default "https://api.apify.com" */
    baseUrl?: string;
    /** Base of the public URLs that `getRecordPublicUrl` and friends build. @default "https://api.apify.com" */
    publicBaseUrl?: string;
    /** Retries after the first attempt (429, 5xx, network errors, unparsable bodies). @default 8 */
    maxRetries?: number;
    /** Backoff before retry k is `min × 2^(k-1) × U[1,2)`, or longer when `Retry-After` asks. @default 500 */
    minDelayBetweenRetriesMillis?: number;
    /** Upper bound of every per-attempt timeout. @default 360 */
    timeoutSecs?: number;
    /** Appended to the User-Agent (not settable in browsers). */
    userAgentSuffix?: string | string[];
    /** A `fetch` to use instead of the global one (a Workers service binding, a test double). */
    fetch?: (input: string, init: RequestInit) => Promise<Response>;
    /** Accepted only empty, for drop-in compatibility; use `fetch` to intercept requests. */
    requestInterceptors?: never[];
}

/** Every method takes an optional `signal` that cancels the request and any backoff sleep. */
export interface CallOptions {
    signal?: AbortSignal;
}

export interface ClientStats {
    calls: number;
    requests: number;
    /** 429 responses by attempt number: index 0 counts first attempts. */
    rateLimitErrors: number[];
}

export interface PaginatedList<T> {
    total: number;
    count: number;
    offset: number;
    limit: number;
    desc: boolean;
    items: T[];
}

/** `await` it for the first page; `for await` over it for every item of every page. */
export type PaginatedIterator<T> = Promise<PaginatedList<T>> & AsyncIterable<T>;

export interface ListOptions extends CallOptions {
    offset?: number;
    limit?: number;
    desc?: boolean;
}

export interface DatasetCollectionListOptions extends ListOptions {
    unnamed?: boolean;
    ownership?: "ownedByMe" | "sharedWithMe";
}

export interface DatasetStats {
    readCount?: number;
    writeCount?: number;
    deleteCount?: number;
    storageBytes?: number;
}

export interface Dataset {
    id: string;
    name?: string;
    title?: string;
    userId: string;
    username?: string;
    createdAt: Date;
    modifiedAt: Date;
    accessedAt: Date;
    itemCount: number;
    cleanItemCount: number;
    actId?: string;
    actRunId?: string;
    stats?: DatasetStats;
    fields?: string[];
    generalAccess?: string;
    urlSigningSecretKey?: string;
    consoleUrl?: string;
    itemsPublicUrl?: string;
}

export interface DatasetUpdateFields {
    name?: string | null;
    title?: string;
    generalAccess?: string;
}

export type DatasetItem = Record<string, unknown>;

export interface DatasetItemFilters extends CallOptions {
    clean?: boolean;
    desc?: boolean;
    fields?: string[];
    omit?: string[];
    flatten?: string[];
    unwind?: string | string[];
    skipEmpty?: boolean;
    skipHidden?: boolean;
    view?: string;
    signature?: string;
}

export interface DatasetListItemsOptions extends DatasetItemFilters {
    offset?: number;
    limit?: number;
    /** Items per request while iterating with `for await`. */
    chunkSize?: number;
}

export type DownloadItemsFormat = "json" | "jsonl" | "xml" | "html" | "csv" | "xlsx" | "rss";

export interface DatasetDownloadItemsOptions extends DatasetItemFilters {
    offset?: number;
    limit?: number;
    bom?: boolean;
    delimiter?: string;
    skipHeaderRow?: boolean;
    xmlRoot?: string;
    xmlRow?: string;
    attachment?: boolean;
}

export interface DatasetClientCreateItemsUrlOptions extends Omit<DatasetItemFilters, "signature"> {
    offset?: number;
    limit?: number;
    /** Seconds until the signed URL expires; omitted or 0: it never expires. */
    expiresInSecs?: number;
}

export interface DatasetStatistics {
    fieldStatistics: Record<string, { min?: number; max?: number; nullCount?: number; emptyCount?: number }>;
}



/** Options of `setStatusMessage` (`SetStatusMessageOptions` of `@crawlee/types`). */
export interface SetStatusMessageOptions extends CallOptions {
    /** The message is final: the run will not change it any more. */
    isStatusMessageTerminal?: boolean;
    level?: "DEBUG" | "INFO" | "WARNING" | "ERROR";
}



/** The `type` of a schedule action. */
export type ScheduleActions = "RUN_ACTOR" | "RUN_ACTOR_TASK";

/** The input a scheduled Actor run gets: a body and its content type. */
export interface ScheduledActorRunInput {
    body: string;
    contentType: string;
}

export interface ScheduledActorRunOptions {
    build: string;
    timeoutSecs: number;
    memoryMbytes: number;
    restartOnError?: boolean;
}

export interface ScheduleActionRunActor {
    id: string;
    type: "RUN_ACTOR";
    actorId: string;
    runInput?: ScheduledActorRunInput;
    runOptions?: ScheduledActorRunOptions;
}

export interface ScheduleActionRunActorTask {
    id: string;
    type: "RUN_ACTOR_TASK";
    actorTaskId: string;
    /** Overrides of the task's input, as a JSON object. */
    input?: Record<string, unknown>;
}

export type ScheduleAction = ScheduleActionRunActor | ScheduleActionRunActorTask;

export interface Schedule {
    id: string;
    userId: string;
    name: string;
    title?: string;
    cronExpression: string;
    /** An IANA time zone, e.g. `"UTC"` or `"Europe/Prague"`. */
    timezone: string;
    isEnabled: boolean;
    isExclusive: boolean;
    description?: string;
    createdAt: Date;
    modifiedAt: Date;
    nextRunAt: Date | null;
    lastRunAt: Date | null;
    actions: ScheduleAction[];
    notifications?: { email: boolean };
}

/** The fields of `schedules().create()` and `schedule(id).update()`; action ids are optional. */
export interface ScheduleCreateOrUpdateData {
    name?: string;
    title?: string;
    cronExpression?: string;
    timezone?: string;
    isEnabled?: boolean;
    isExclusive?: boolean;
    description?: string;
    notifications?: { email: boolean };
    actions?: (Omit<ScheduleActionRunActor, "id"> & { id?: string } | Omit<ScheduleActionRunActorTask, "id"> & { id?: string })[];
}

/** One entry of a schedule's log: when it was invoked and what happened. */
export interface ScheduleLogEntry {
    message: string;
    level: string;
    createdAt: Date;
}

export interface ScheduleCollectionListOptions extends ListOptions {}



export interface ActorEnvVar {
    name: string;
    value?: string;
    isSecret?: boolean;
}

export interface ActorVersionSourceFile {
    name: string;
    format?: "TEXT" | "BASE64";
    content?: string;
    folder?: boolean;
}

export interface ActorVersion {
    versionNumber?: string;
    sourceType?: "SOURCE_FILES" | "GIT_REPO" | "TARBALL" | "GITHUB_GIST";
    envVars?: ActorEnvVar[];
    applyEnvVarsToBuild?: boolean;
    buildTag?: string;
    sourceFiles?: ActorVersionSourceFile[];
    gitRepoUrl?: string;
    tarballUrl?: string;
    gitHubGistUrl?: string;
}

/** `versions().list()` and `envVars().list()`: the whole list, no paging. */
export interface WholeList<T> {
    total: number;
    items: T[];
}

export type WholeListIterator<T> = Promise<WholeList<T>> & AsyncIterable<T>;



export interface ActorRunMeta {
    origin: string;
    clientIp?: string;
    userAgent?: string;
    scheduleId?: string;
    scheduledAt?: Date;
}

export interface ActorRunStats {
    inputBodyLen?: number;
    restartCount?: number;
    resurrectCount?: number;
    durationMillis?: number;
    runTimeSecs?: number;
    computeUnits?: number;
    [stat: string]: number | undefined;
}

export interface ActorRunOptions {
    build: string;
    timeoutSecs: number;
    memoryMbytes: number;
    diskMbytes?: number;
    maxItems?: number;
    maxTotalChargeUsd?: number;
    restartOnError?: boolean;
}

export interface ActorRun {
    id: string;
    actId: string;
    userId: string;
    actorTaskId?: string | null;
    startedAt: Date;
    finishedAt?: Date | null;
    status: ActorJobStatus;
    statusMessage?: string | null;
    isStatusMessageTerminal?: boolean;
    meta: ActorRunMeta;
    stats: ActorRunStats;
    options: ActorRunOptions;
    buildId: string;
    buildNumber?: string;
    exitCode?: number | null;
    defaultKeyValueStoreId: string;
    defaultDatasetId: string;
    defaultRequestQueueId: string;
    storageIds?: Record<string, unknown>;
    containerUrl?: string;
    generalAccess?: string;
    usage?: Record<string, number>;
    usageTotalUsd?: number;
    usageUsd?: Record<string, number>;
    pricingInfo?: Record<string, unknown>;
    chargedEventCounts?: Record<string, number>;
}

export interface RunGetOptions extends CallOptions {
    /** Seconds (at most 60) the API may hold the request until the run finishes. */
    waitForFinish?: number;
}

export interface RunAbortOptions extends CallOptions {
    /** Let the Actor finish its work and persist its state first. */
    gracefully?: boolean;
}

export interface RunMetamorphOptions extends CallOptions {
    build?: string;
    /** The content type of `input` when it is a string or bytes. */
    contentType?: string;
}

export interface RunUpdateOptions {
    statusMessage?: string;
    isStatusMessageTerminal?: boolean;
    generalAccess?: string;
}

export interface RunResurrectOptions extends CallOptions {
    build?: string;
    memory?: number;
    timeout?: number;
    maxItems?: number;
    maxTotalChargeUsd?: number;
    restartOnError?: boolean;
}

export interface RunChargeOptions extends CallOptions {
    eventName: string;
    /** @default 1 */
    count?: number;
    /** @default `${runId}-${eventName}-${Date.now()}-${5 random characters}` */
    idempotencyKey?: string;
}

/** What `charge()` resolves to: the HTTP response, as the official client returns it. */
export interface RunChargeResponse {
    status: number;
    headers: Record<string, string>;
    data: unknown;
}

export interface RunCollectionListOptions extends ListOptions {
    status?: ActorJobStatus | ActorJobStatus[];
    startedBefore?: Date | string;
    startedAfter?: Date | string;
}

export interface LastRunOptions {
    status?: ActorJobStatus;
    origin?: "DEVELOPMENT" | "WEB" | "API" | "SCHEDULER" | "TEST" | "WEBHOOK" | "ACTOR" | "CLI" | "STANDBY";
}



export interface ActorStats {
    totalBuilds?: number;
    totalRuns?: number;
    totalUsers?: number;
    totalUsers7Days?: number;
    totalUsers30Days?: number;
    totalUsers90Days?: number;
    totalMetamorphs?: number;
    lastRunStartedAt?: Date | null;
}

export interface ActorDefaultRunOptions {
    build?: string;
    timeoutSecs?: number;
    memoryMbytes?: number;
    restartOnError?: boolean;
}

export interface ActorExampleRunInput {
    body: string;
    contentType: string;
}

export interface ActorTaggedBuild {
    buildId?: string;
    buildNumber?: string;
    finishedAt?: Date;
}

export interface Actor {
    id: string;
    userId: string;
    name: string;
    username: string;
    title?: string | null;
    description?: string | null;
    restartOnError?: boolean;
    isPublic: boolean;
    isDeprecated?: boolean;
    isAnonymouslyRunnable?: boolean;
    createdAt: Date;
    modifiedAt: Date;
    stats: ActorStats;
    versions: ActorVersion[];
    defaultRunOptions: ActorDefaultRunOptions;
    exampleRunInput?: ActorExampleRunInput;
    categories?: string[];
    seoTitle?: string;
    seoDescription?: string;
    taggedBuilds?: Record<string, ActorTaggedBuild>;
    actorStandby?: Record<string, unknown>;
    actorPermissionLevel?: "FULL_PERMISSIONS" | "LIMITED_PERMISSIONS";
    pricingInfos?: Record<string, unknown>[];
}

/** An Actor in `actors().list()`: the short form. */
export interface ActorCollectionListItem {
    id: string;
    createdAt: Date;
    modifiedAt: Date;
    name: string;
    username: string;
    title?: string;
    stats?: ActorStats;
}

export interface ActorCollectionListOptions extends ListOptions {
    /** Only the account's own Actors. */
    my?: boolean;
    sortBy?: "createdAt" | "stats.lastRunStartedAt";
}

export interface ActorCreateOptions {
    name?: string;
    title?: string;
    description?: string;
    isPublic?: boolean;
    isDeprecated?: boolean;
    seoTitle?: string;
    seoDescription?: string;
    categories?: string[];
    defaultRunOptions?: ActorDefaultRunOptions;
    exampleRunInput?: ActorExampleRunInput;
    versions?: ActorVersion[];
    actorStandby?: Record<string, unknown>;
    actorPermissionLevel?: "FULL_PERMISSIONS" | "LIMITED_PERMISSIONS";
    /** @deprecated use defaultRunOptions.restartOnError */
    restartOnError?: boolean;
}

export interface ActorUpdateOptions extends ActorCreateOptions {
    taggedBuilds?: Record<string, { buildId: string } | null>;
}

/** An ad-hoc webhook of one run (`start({webhooks})`). */
export interface AdHocWebhook {
    eventTypes: string[];
    requestUrl: string;
    payloadTemplate?: string;
    headersTemplate?: string;
    description?: string;
    idempotencyKey?: string;
    ignoreSslErrors?: boolean;
    doNotRetry?: boolean;
    shouldInterpolateStrings?: boolean;
}

export interface ActorStartOptions extends CallOptions {
    /** Seconds (at most 60) the API may hold the request until the run finishes. */
    waitForFinish?: number;
    /** The run's timeout in seconds (not an HTTP timeout). */
    timeout?: number;
    /** The run's memory in megabytes. */
    memory?: number;
    /** A build tag or number. */
    build?: string;
    webhooks?: AdHocWebhook[];
    maxItems?: number;
    maxTotalChargeUsd?: number;
    restartOnError?: boolean;
    forcePermissionLevel?: "FULL_PERMISSIONS" | "LIMITED_PERMISSIONS";
    /** The content type of `input`. Objects are sent as JSON; strings and bytes as they are. */
    contentType?: string;
}

export interface ActorCallOptions extends Omit<ActorStartOptions, "waitForFinish"> {
    /** How long to wait for the run; it is returned as it is then. @default 999999 */
    waitSecs?: number;
    /** Accepted for compatibility; the run's log is not redirected (use `run(id).log().stream()`). */
    log?: null | "default" | object;
}

/** Options of `runSync` (not in the official client). */
export interface ActorRunSyncOptions extends Omit<ActorStartOptions, "waitForFinish"> {
    /** The record to answer with. @default "OUTPUT" */
    outputRecordKey?: string;
}

/** Options of `runSyncGetDatasetItems` (not in the official client): the run's options and
 * the dataset item filters of `listItems`. */
export interface ActorRunSyncGetDatasetItemsOptions extends Omit<ActorStartOptions, "waitForFinish"> {
    clean?: boolean;
    desc?: boolean;
    fields?: string[];
    omit?: string[];
    flatten?: string[];
    unwind?: string | string[];
    skipEmpty?: boolean;
    skipHidden?: boolean;
    view?: string;
    offset?: number;
    limit?: number;
}

export interface ActorValidateInputOptions extends CallOptions {
    build?: string;
    contentType?: string;
}

export interface ActorBuildOptions extends CallOptions {
    betaPackages?: boolean;
    tag?: string;
    useCache?: boolean;
    /** Seconds (at most 60) the API may hold the request until the build finishes. */
    waitForFinish?: number;
}

export interface ActorDefaultBuildOptions extends CallOptions {
    waitForFinish?: number;
}



export interface LogOptions extends CallOptions {
    /** The log as the Actor wrote it, without the platform's ANSI colouring. */
    raw?: boolean;
}



export interface RequestQueueClientOptions {
    /** Identifies this client to the queue (locks, `hadMultipleClients`). */
    clientKey?: string;
    /** Lowers every request's timeout to at most this many seconds. */
    timeoutSecs?: number;
}

export interface RequestQueueStats {
    readCount?: number;
    writeCount?: number;
    deleteCount?: number;
    headItemReadCount?: number;
    storageBytes?: number;
}

export interface RequestQueue {
    id: string;
    name?: string;
    title?: string;
    userId: string;
    username?: string;
    createdAt: Date;
    modifiedAt: Date;
    accessedAt: Date;
    expireAt?: string;
    totalRequestCount: number;
    handledRequestCount: number;
    pendingRequestCount: number;
    actId?: string;
    actRunId?: string;
    hadMultipleClients: boolean;
    stats?: RequestQueueStats;
    generalAccess?: string | null;
    consoleUrl?: string;
}

export interface RequestQueueClientUpdateOptions {
    name?: string | null;
    title?: string;
    generalAccess?: string | null;
}

export interface RequestQueueClientRequestSchema {
    id: string;
    uniqueKey: string;
    url: string;
    method?: string;
    payload?: string;
    retryCount?: number;
    errorMessages?: string[];
    headers?: Record<string, string>;
    userData?: Record<string, unknown>;
    handledAt?: string | Date | null;
    noRetry?: boolean;
    loadedUrl?: string;
    lockExpiresAt?: Date;
    [field: string]: unknown;
}

/** A request to add: no `id` (the API assigns it); `uniqueKey` defaults to `url`. */
export type RequestQueueClientNewRequest = Omit<RequestQueueClientRequestSchema, "id" | "uniqueKey"> & {
    uniqueKey?: string;
    id?: undefined;
};

export interface RequestQueueClientListHeadOptions extends CallOptions {
    limit?: number;
}

export interface RequestQueueClientListItem {
    id: string;
    retryCount: number;
    uniqueKey: string;
    url: string;
    method: string;
    lockExpiresAt?: Date;
}

export interface RequestQueueClientListHeadResult {
    limit: number;
    queueModifiedAt: Date;
    hadMultipleClients: boolean;
    items: RequestQueueClientListItem[];
}

export interface RequestQueueClientListAndLockHeadOptions extends CallOptions {
    lockSecs: number;
    limit?: number;
}

export interface RequestQueueClientListAndLockHeadResult extends RequestQueueClientListHeadResult {
    lockSecs: number;
    queueHasLockedRequests: boolean;
    clientKey: string;
}

export interface RequestQueueClientAddRequestOptions extends CallOptions {
    forefront?: boolean;
}

export interface RequestQueueClientAddRequestResult {
    requestId: string;
    wasAlreadyPresent: boolean;
    wasAlreadyHandled: boolean;
}

export interface RequestQueueClientProcessedRequest extends RequestQueueClientAddRequestResult {
    uniqueKey: string;
}

export interface RequestQueueClientUnprocessedRequest {
    uniqueKey?: string;
    url?: string;
    method?: string;
}

export interface RequestQueueClientBatchRequestsOperationResult {
    processedRequests: RequestQueueClientProcessedRequest[];
    unprocessedRequests: RequestQueueClientUnprocessedRequest[];
}

export interface RequestQueueClientBatchAddRequestWithRetriesOptions extends CallOptions {
    forefront?: boolean;
    /** @default 3 */
    maxUnprocessedRequestsRetries?: number;
    /** Batches of 25 in flight at once. @default 5 */
    maxParallel?: number;
    /** @default 500 */
    minDelayBetweenUnprocessedRequestsRetriesMillis?: number;
}

export type RequestQueueClientRequestToDelete = { id: string; uniqueKey?: string } | { id?: string; uniqueKey: string };

export interface RequestQueueClientBatchDeleteResult {
    processedRequests: { id?: string; uniqueKey: string }[];
    unprocessedRequests: { id?: string; uniqueKey?: string }[];
}

export interface RequestQueueClientProlongRequestLockOptions extends CallOptions {
    lockSecs: number;
    forefront?: boolean;
}

export interface RequestQueueClientDeleteRequestLockOptions extends CallOptions {
    forefront?: boolean;
}

export interface RequestQueueClientUnlockRequestsResult {
    unlockedCount: number;
}

export interface RequestQueueClientListRequestsOptions extends CallOptions {
    limit?: number;
    cursor?: string;
    /** @deprecated use `cursor` */
    exclusiveStartId?: string;
    filter?: ("locked" | "pending")[];
}

export interface RequestQueueClientPaginateRequestsOptions extends RequestQueueClientListRequestsOptions {
    /** @default 1000 */
    maxPageLimit?: number;
}

export interface RequestQueueClientListRequestsResult {
    limit: number;
    count?: number;
    exclusiveStartId?: string;
    cursor?: string | null;
    nextCursor?: string | null;
    items: RequestQueueClientRequestSchema[];
}



export interface StorageCollectionListOptions extends ListOptions {
    unnamed?: boolean;
    ownership?: "ownedByMe" | "sharedWithMe";
}

export interface KeyValueStoreStats {
    readCount?: number;
    writeCount?: number;
    deleteCount?: number;
    listCount?: number;
    storageBytes?: number;
}

export interface KeyValueStore {
    id: string;
    name?: string;
    title?: string;
    userId: string;
    username?: string;
    createdAt: Date;
    modifiedAt: Date;
    accessedAt: Date;
    actId?: string;
    actRunId?: string;
    stats?: KeyValueStoreStats;
    generalAccess?: string | null;
    urlSigningSecretKey?: string | null;
    keysPublicUrl?: string;
    consoleUrl?: string;
}

export interface KeyValueClientUpdateOptions {
    name?: string | null;
    title?: string;
    generalAccess?: string | null;
}

export interface KeyValueClientListKeysOptions extends CallOptions {
    limit?: number;
    exclusiveStartKey?: string;
    collection?: string;
    prefix?: string;
    signature?: string;
}

/** Options of `downloadRecords` (not in the official client). */
export interface KeyValueStoreDownloadRecordsOptions extends CallOptions {
    /** Only the records of this collection (from the store's schema). */
    collection?: string;
    /** Only the records whose key starts with this. */
    prefix?: string;
    signature?: string;
}

export interface KeyValueListItem {
    key: string;
    size: number;
    recordPublicUrl: string;
}

export interface KeyValueClientListKeysResult {
    count: number;
    limit: number;
    exclusiveStartKey: string | null;
    isTruncated: boolean;
    nextExclusiveStartKey: string | null;
    items: KeyValueListItem[];
}

export interface KeyValueClientCreateKeysUrlOptions extends CallOptions {
    limit?: number;
    exclusiveStartKey?: string;
    collection?: string;
    prefix?: string;
    /** Seconds until the signed URL expires; omitted or 0: it never expires. */
    expiresInSecs?: number;
}

export interface KeyValueClientGetRecordOptions extends CallOptions {
    /** The value as bytes whatever its content type. */
    buffer?: boolean;
    /** The value as the response's `ReadableStream` (a web stream, in Node too). */
    stream?: boolean;
    signature?: string;
    /** Deprecated and ignored, as in the official client. */
    disableRedirect?: boolean;
}

/** JSON values are parsed, text stays a string, anything else is bytes (a `Buffer` in Node). */
export type KeyValueStoreValue = unknown;

export interface KeyValueStoreRecord<T = KeyValueStoreValue> {
    key: string;
    value: T;
    contentType?: string;
}

export interface KeyValueStoreRecordInput {
    key: string;
    /** Strings are sent as text, bytes (`Uint8Array`, `ArrayBuffer`, `Blob`) as they are,
     * anything else as JSON (pretty-printed, as the official client). */
    value: unknown;
    contentType?: string;
}

export interface KeyValueStoreRecordOptions extends CallOptions {
    timeoutSecs?: number;
    doNotRetryTimeouts?: boolean;
}



export interface StoreCollectionListOptions extends CallOptions {
    offset?: number;
    limit?: number;
    /** Searched in the title, name, description, username and README. */
    search?: string;
    /** `relevance` (the default), `popularity`, `newest` or `lastUpdate`. */
    sortBy?: string;
    category?: string;
    username?: string;
    pricingModel?: "FREE" | "FLAT_PRICE_PER_MONTH" | "PRICE_PER_DATASET_ITEM" | "PAY_PER_EVENT" | (string & {});
    /** Include Actors the Store hides as unsafe to run automatically. */
    includeUnrunnableActors?: boolean;
    /** Only Actors that allow (`true`) or do not allow (`false`) agentic users. Not in apify-client. */
    allowsAgenticUsers?: boolean;
    /** `full` (the default) or `agent`, a reduced field set for LLM consumers. Not in apify-client. */
    responseFormat?: "full" | "agent";
}

export interface ActorStoreListStats {
    totalBuilds?: number;
    totalRuns?: number;
    totalUsers?: number;
    totalUsers7Days?: number;
    totalUsers30Days?: number;
    totalUsers90Days?: number;
    totalMetamorphs?: number;
    lastRunStartedAt?: Date;
    [key: string]: unknown;
}

export interface PricingInfo {
    pricingModel: string;
    [key: string]: unknown;
}

/** An Actor as the Store lists it. */
export interface ActorStoreList {
    id: string;
    name: string;
    username: string;
    title?: string;
    description?: string;
    userFullName?: string | null;
    categories?: string[];
    stats: ActorStoreListStats;
    currentPricingInfo: PricingInfo;
    pictureUrl?: string | null;
    userPictureUrl?: string | null;
    url: string;
    badge?: string | null;
    readmeSummary?: string;
    isWhiteListedForAgenticPayments?: boolean | null;
    actorReviewCount?: number;
    actorReviewRating?: number;
    bookmarkCount?: number;
}



export interface TaskStats {
    totalRuns?: number;
}

export interface TaskOptions {
    build?: string;
    timeoutSecs?: number;
    memoryMbytes?: number;
    restartOnError?: boolean;
}

export type TaskInput = Record<string, unknown>;

export interface Task {
    id: string;
    userId: string;
    actId: string;
    name: string;
    title?: string;
    description?: string;
    username?: string;
    createdAt: Date;
    modifiedAt: Date;
    removedAt?: Date | null;
    stats?: TaskStats;
    options?: TaskOptions;
    input?: TaskInput;
    actorStandby?: Record<string, unknown>;
    isPublic?: boolean;
    publicConfig?: Record<string, unknown>;
}

export interface TaskCreateOptions {
    actId: string;
    name: string;
    title?: string;
    description?: string;
    options?: TaskOptions;
    input?: TaskInput;
    actorStandby?: Record<string, unknown>;
    isPublic?: boolean;
    publicConfig?: Record<string, unknown>;
}

export type TaskUpdateOptions = Partial<Omit<TaskCreateOptions, "actId">>;

export interface TaskStartOptions extends CallOptions {
    waitForFinish?: number;
    timeout?: number;
    memory?: number;
    build?: string;
    webhooks?: AdHocWebhook[];
    maxItems?: number;
    maxTotalChargeUsd?: number;
    restartOnError?: boolean;
}

export interface TaskCallOptions extends Omit<TaskStartOptions, "waitForFinish"> {
    /** How long to wait for the run; it is returned as it is then. @default 999999 */
    waitSecs?: number;
}

/** Options of `runSync` (not in the official client). */
export interface TaskRunSyncOptions extends Omit<TaskStartOptions, "waitForFinish"> {
    /** The record to answer with. @default "OUTPUT" */
    outputRecordKey?: string;
}

/** Options of `runSyncGetDatasetItems` (not in the official client): the run's options and
 * the dataset item filters of `listItems`. */
export interface TaskRunSyncGetDatasetItemsOptions extends Omit<TaskStartOptions, "waitForFinish"> {
    clean?: boolean;
    desc?: boolean;
    fields?: string[];
    omit?: string[];
    flatten?: string[];
    unwind?: string | string[];
    skipEmpty?: boolean;
    skipHidden?: boolean;
    view?: string;
    offset?: number;
    limit?: number;
}

export interface TaskCollectionListOptions extends ListOptions {}



export interface UserProfile {
    bio?: string;
    name?: string;
    pictureUrl?: string | null;
    githubUsername?: string;
    websiteUrl?: string;
    twitterUsername?: string;
}

export interface ProxyGroup {
    name: string;
    description: string | null;
    availableCount: number;
}

export interface UserProxy {
    password: string;
    groups: ProxyGroup[];
}

export type PlatformFeature =
| "ACTORS"
| "STORAGE"
| "PROXY_SERPS"
| "SCHEDULER"
| "WEBHOOKS"
| "PROXY"
| "PROXY_EXTERNAL_ACCESS";

export interface UserPlan {
    id: string;
    description: string;
    isEnabled: boolean;
    monthlyBasePriceUsd: number;
    monthlyUsageCreditsUsd: number;
    usageDiscountPercent: number;
    enabledPlatformFeatures: PlatformFeature[];
    maxMonthlyUsageUsd: number;
    maxActorMemoryGbytes: number;
    maxMonthlyActorComputeUnits: number;
    maxMonthlyResidentialProxyGbytes: number;
    maxMonthlyProxySerps: number;
    maxMonthlyExternalDataTransferGbytes: number;
    maxActorCount: number;
    maxActorTaskCount: number;
    dataRetentionDays: number;
    availableProxyGroups: Record<string, number>;
    teamAccountSeatCount: number;
    supportLevel: string;
    availableAddOns: unknown[];
}

export interface EffectivePlatformFeature {
    isEnabled: boolean;
    disabledReason: string | null;
    disabledReasonType: string | null;
    isTrial: boolean;
    trialExpirationAt: Date | null;
}

/** Public fields for any user; the private ones (`id`, `email`, `plan`, …) only for `me`. */
export interface User {
    username: string;
    profile: UserProfile;
    id?: string;
    email?: string;
    proxy?: UserProxy;
    plan?: UserPlan;
    effectivePlatformFeatures?: Record<string, EffectivePlatformFeature>;
    createdAt?: Date;
    isPaying?: boolean;
}

export interface UsageCycle {
    startAt: Date;
    endAt: Date;
}

export interface PriceTier {
    quantityAbove: number;
    discountPercent: number;
    tierQuantity: number;
    unitPriceUsd: number;
    priceUsd: number;
}

export interface MonthlyServiceUsageData {
    quantity: number;
    baseAmountUsd: number;
    baseUnitPriceUsd: number;
    amountAfterVolumeDiscountUsd: number;
    priceTiers: PriceTier[];
}

export interface DailyServiceUsageData {
    quantity: number;
    baseAmountUsd: number;
}

export interface DailyServiceUsage {
    /** Parsed to a `Date`, as the official client does. */
    date: Date;
    serviceUsage: Record<string, DailyServiceUsageData>;
    totalUsageCreditsUsd: number;
}

export interface MonthlyUsage {
    usageCycle: UsageCycle;
    monthlyServiceUsage: Record<string, MonthlyServiceUsageData>;
    dailyServiceUsages: DailyServiceUsage[];
    totalUsageCreditsUsdBeforeVolumeDiscount: number;
    totalUsageCreditsUsdAfterVolumeDiscount: number;
}

export interface UserMonthlyUsageOptions extends CallOptions {
    /**
     * Any day of the usage cycle to report (`YYYY-MM-DD`, or a `Date`, whose UTC day is
     * sent); the current cycle when left out. Not in apify-client.
     */
    date?: string | Date;
}

export interface Limits {
    maxMonthlyUsageUsd: number;
    maxMonthlyActorComputeUnits: number;
    maxMonthlyExternalDataTransferGbytes: number;
    maxMonthlyProxySerps: number;
    maxMonthlyResidentialProxyGbytes: number;
    maxActorMemoryGbytes: number;
    maxActorCount: number;
    maxActorTaskCount: number;
    maxConcurrentActorJobs: number;
    maxTeamAccountSeatCount: number;
    dataRetentionDays: number;
}

export interface Current {
    monthlyUsageUsd: number;
    monthlyActorComputeUnits: number;
    monthlyExternalDataTransferGbytes: number;
    monthlyProxySerps: number;
    monthlyResidentialProxyGbytes: number;
    actorMemoryGbytes: number;
    actorCount: number;
    actorTaskCount: number;
    activeActorJobCount: number;
    teamAccountSeatCount: number;
}

export interface AccountAndUsageLimits {
    monthlyUsageCycle: UsageCycle;
    limits: Limits;
    current: Current;
}

export type LimitsUpdateOptions = Partial<Pick<Limits, "maxMonthlyUsageUsd" | "dataRetentionDays">>;



export type ActorJobStatus = "READY" | "RUNNING" | "SUCCEEDED" | "FAILED" | "TIMING-OUT" | "TIMED-OUT" | "ABORTING" | "ABORTED";

export interface BuildMeta {
    origin: string;
    clientIp?: string;
    userAgent?: string;
}

export interface BuildStats {
    durationMillis?: number;
    runTimeSecs?: number;
    computeUnits?: number;
}

export interface BuildOptions {
    useCache?: boolean;
    betaPackages?: boolean;
    memoryMbytes?: number;
    diskMbytes?: number;
}

export interface Build {
    id: string;
    actId: string;
    userId: string;
    startedAt: Date;
    finishedAt?: Date | null;
    status: ActorJobStatus;
    meta: BuildMeta;
    stats?: BuildStats;
    options?: BuildOptions;
    usage?: Record<string, number>;
    usageTotalUsd?: number;
    usageUsd?: Record<string, number>;
    buildNumber: string;
    buildTag?: string;
    inputSchema?: string;
    readme?: string;
    actorDefinition?: Record<string, unknown>;
}

export interface BuildGetOptions extends CallOptions {
    /** Seconds (at most 60) the API may hold the request until the build finishes. */
    waitForFinish?: number;
}

export interface WaitForFinishOptions extends CallOptions {
    /** How long to wait in total; the build or run as it is then is returned. @default 999999 */
    waitSecs?: number;
}

export interface BuildCollectionListOptions extends ListOptions {}



export type WebhookDispatchStatus = "ACTIVE" | "SUCCEEDED" | "FAILED";

/** One attempt to deliver a dispatch to the webhook's URL. */
export interface WebhookDispatchCall {
    startedAt: Date;
    finishedAt: Date | null;
    errorMessage: string | null;
    responseStatus: number | null;
    responseBody: string | null;
}

/** What triggered the dispatch. */
export interface WebhookDispatchEventData {
    actorRunId?: string;
    actorId?: string;
    actorTaskId?: string;
    actorBuildId?: string;
    [key: string]: unknown;
}

export interface WebhookDispatch {
    id: string;
    userId: string;
    webhookId: string;
    createdAt: Date;
    status: WebhookDispatchStatus;
    eventType: WebhookEventType;
    calls: WebhookDispatchCall[];
    webhook: Pick<Webhook, "requestUrl" | "isAdHoc">;
    eventData: WebhookDispatchEventData | null;
}

export interface WebhookDispatchCollectionListOptions extends ListOptions {}



/**
 * One Actor, by id or `username/name`.
 */
export class ActorClient {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Builds `versionNumber` of the Actor; resolves to the build (finished only when the
     * `waitForFinish` hold sufficed).
     */
    build(versionNumber: string, options?: ActorBuildOptions): Promise<Build>;
    /**
     * The Actor's builds.
     */
    builds(): BuildCollectionClient;
    /**
     * Starts a run and waits for it to finish (or for `waitSecs`), polling with the API's
     * 60 s hold; resolves to the run as it is then. A failed run resolves too: check
     * `status`. Abort with `signal`.
     */
    call(input?: unknown, options?: ActorCallOptions): Promise<ActorRun>;
    /**
     * A `BuildClient` for the Actor's default build.
     */
    defaultBuild(options?: ActorDefaultBuildOptions): Promise<BuildClient>;
    /**
     * Deletes the Actor (resolves also when it was already gone).
     */
    delete(options?: CallOptions): Promise<void>;
    /**
     * The Actor, or `undefined` when it does not exist.
     */
    get(options?: CallOptions): Promise<Actor | undefined>;
    /**
     * The Actor's last run (optionally the last with `status`, or from `origin`). The
     * filter carries to every call and sub-client: `lastRun({status}).dataset().listItems()`.
     */
    lastRun(options?: LastRunOptions): RunClient;
    /**
     * Runs the Actor and resolves to the items of its default dataset in one request
     * (`…/run-sync-get-dataset-items`, not in the official client), filtered as `listItems`.
     * The platform waits at most 300 s (then 408); a run that does not succeed rejects.
     */
    runSyncGetDatasetItems(input?: unknown, options?: ActorRunSyncGetDatasetItemsOptions): Promise<DatasetItem[]>;
    /**
     * Runs the Actor and resolves to its `OUTPUT` record (or `outputRecordKey`) in one
     * request (`…/run-sync`, not in the official client): JSON parsed, text as a string, other
     * content as bytes, `undefined` when the run wrote none. The platform waits at most 300 s
     * (then 408); a run that does not succeed rejects. No `input` → `GET`.
     */
    runSync(input?: unknown, options?: ActorRunSyncOptions): Promise<unknown>;
    /**
     * The Actor's runs.
     */
    runs(): RunCollectionClient;
    /**
     * Starts a run with `input` and resolves to it at once (or after the `waitForFinish`
     * hold). Objects are sent as JSON; strings and bytes as they are, with `contentType`.
     */
    start(input?: unknown, options?: ActorStartOptions): Promise<ActorRun>;
    /**
     * Updates the Actor's settings.
     */
    update(newFields: ActorUpdateOptions, options?: CallOptions): Promise<Actor>;
    /**
     * Checks `input` against the input schema of the Actor's `build` (default: its default
     * build); resolves to `true` when valid, rejects with the API's error otherwise.
     */
    validateInput(input?: unknown, options?: ActorValidateInputOptions): Promise<boolean>;
    /**
     * One version of the Actor, by number (`"0.1"`).
     */
    version(versionNumber: string): ActorVersionClient;
    /**
     * The Actor's versions.
     */
    versions(): ActorVersionCollectionClient;
    /**
     * Webhooks of the Actor's runs.
     */
    webhooks(): WebhookCollectionClient;
}

/**
 * The account's Actors.
 */
export class ActorCollectionClient {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Creates an Actor.
     */
    create(actor: ActorCreateOptions, options?: CallOptions): Promise<Actor>;
    /**
     * Lists Actors (`my`: only the account's own). `await` it for the first page, or
     * `for await` over all.
     */
    list(options?: ActorCollectionListOptions): PaginatedIterator<ActorCollectionListItem>;
}

/**
 * One environment variable of an Actor version.
 */
export class ActorEnvVarClient {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Deletes the variable (resolves also when it was already gone).
     */
    delete(options?: CallOptions): Promise<void>;
    /**
     * The variable, or `undefined` when it does not exist. Secret values are not returned.
     */
    get(options?: CallOptions): Promise<ActorEnvVar | undefined>;
    /**
     * Updates the variable.
     */
    update(envVar: ActorEnvVar, options?: CallOptions): Promise<ActorEnvVar>;
}

/**
 * The environment variables of an Actor version.
 */
export class ActorEnvVarCollectionClient {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Creates an environment variable (`{name, value, isSecret}`).
     */
    create(envVar: ActorEnvVar, options?: CallOptions): Promise<ActorEnvVar>;
    /**
     * All environment variables (`{total, items}`; `for await` goes over the items).
     */
    list(options?: ListOptions): WholeListIterator<ActorEnvVar>;
}

/**
 * One version of an Actor.
 */
export class ActorVersionClient {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Deletes the version (resolves also when it was already gone).
     */
    delete(options?: CallOptions): Promise<void>;
    /**
     * One environment variable of the version, by name.
     */
    envVar(name: string): ActorEnvVarClient;
    /**
     * The version's environment variables.
     */
    envVars(): ActorEnvVarCollectionClient;
    /**
     * The version, or `undefined` when it does not exist.
     */
    get(options?: CallOptions): Promise<ActorVersion | undefined>;
    /**
     * Updates the version.
     */
    update(newFields: ActorVersion, options?: CallOptions): Promise<ActorVersion>;
}

/**
 * The versions of an Actor.
 */
export class ActorVersionCollectionClient {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Creates a version (`versionNumber` is required).
     */
    create(version: ActorVersion, options?: CallOptions): Promise<ActorVersion>;
    /**
     * All versions (`{total, items}`; `for await` goes over the items). Paging options are
     * accepted and ignored, as in the official client: the API returns every version.
     */
    list(options?: ListOptions): WholeListIterator<ActorVersion>;
}

/**
 * The entry point: `new ApifyClient({ token })`, then `client.dataset(id).listItems()` and
 * the rest, as in the official `apify-client`.
 */
export class ApifyClient {
    free(): void;
    [Symbol.dispose](): void;
    /**
     * An Actor by id or `username/name`.
     */
    actor(id: string): ActorClient;
    /**
     * The account's Actors.
     */
    actors(): ActorCollectionClient;
    /**
     * A build by id.
     */
    build(id: string): BuildClient;
    /**
     * Builds of all the account's Actors.
     */
    builds(): BuildCollectionClient;
    /**
     * A dataset by id or `username/name`.
     */
    dataset(id: string): DatasetClient;
    /**
     * The account's datasets.
     */
    datasets(): DatasetCollectionClient;
    /**
     * A key-value store by id or `username/name`.
     */
    keyValueStore(id: string): KeyValueStoreClient;
    /**
     * The account's key-value stores.
     */
    keyValueStores(): KeyValueStoreCollectionClient;
    /**
     * The log of the run or build `buildOrRunId`.
     */
    log(buildOrRunId: string): LogClient;
    /**
     * A client for the API at `baseUrl` with `token`; unknown options throw a TypeError.
     */
    constructor(options?: ApifyClientOptions);
    /**
     * A request queue by id or `username/name`. `clientKey` identifies this client to the
     * queue; `timeoutSecs` lowers every request's timeout.
     */
    requestQueue(id: string, options?: RequestQueueClientOptions): RequestQueueClient;
    /**
     * The account's request queues.
     */
    requestQueues(): RequestQueueCollectionClient;
    /**
     * A run by id.
     */
    run(id: string): RunClient;
    /**
     * Runs of all the account's Actors.
     */
    runs(): RunCollectionClient;
    /**
     * A schedule by id or `username/name`.
     */
    schedule(id: string): ScheduleClient;
    /**
     * The account's schedules.
     */
    schedules(): ScheduleCollectionClient;
    /**
     * Sets the status message of the current Actor run (`ACTOR_RUN_ID`, read from
     * `process.env` or `Deno.env`): `PUT /v2/actor-runs/{ACTOR_RUN_ID}`. Rejects where the
     * variable is not set or the runtime has no environment (browsers, Workers without
     * `nodejs_compat`).
     */
    setStatusMessage(message: string, options?: SetStatusMessageOptions): Promise<void>;
    /**
     * Apify Store: the public Actors anyone can run.
     */
    store(): StoreCollectionClient;
    /**
     * A task by id or `username/name`.
     */
    task(id: string): TaskClient;
    /**
     * The account's saved tasks.
     */
    tasks(): TaskCollectionClient;
    /**
     * A user by id or username; `me` (the default) is the token's own account.
     */
    user(id?: string): UserClient;
    /**
     * A webhook dispatch by id.
     */
    webhookDispatch(id: string): WebhookDispatchClient;
    /**
     * Every dispatch of the account's webhooks.
     */
    webhookDispatches(): WebhookDispatchCollectionClient;
    /**
     * A webhook by id.
     */
    webhook(id: string): WebhookClient;
    /**
     * The account's webhooks.
     */
    webhooks(): WebhookCollectionClient;
    /**
     * `{baseUrl}/v2`, as in the official client.
     */
    readonly baseUrl: string;
    /**
     * `{publicBaseUrl}/v2`: the base of the public URLs the client builds.
     */
    readonly publicBaseUrl: string;
    /**
     * `{calls, requests, rateLimitErrors}`: calls made, HTTP requests sent (retries included)
     * and 429 responses per attempt number (`rateLimitErrors[0]`: on first attempts).
     */
    readonly stats: ClientStats;
    /**
     * The API token the client sends, if any.
     */
    readonly token: string | undefined;
}

/**
 * An Actor build.
 */
export class BuildClient {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Aborts the build; resolves to the build as it is after the abort.
     */
    abort(options?: CallOptions): Promise<Build>;
    /**
     * Deletes the build.
     */
    delete(options?: CallOptions): Promise<void>;
    /**
     * The OpenAPI definition of the built Actor, as the API returns it (not unwrapped).
     */
    getOpenApiDefinition(options?: CallOptions): Promise<Record<string, unknown>>;
    /**
     * The build, or `undefined` when it does not exist. `waitForFinish` asks the API to hold
     * the request (at most 60 s) until the build finishes.
     */
    get(options?: BuildGetOptions): Promise<Build | undefined>;
    /**
     * The build's log.
     */
    log(): LogClient;
    /**
     * Waits until the build finishes or `waitSecs` runs out, polling with the API's 60 s hold,
     * and resolves to the build as it is then (it may still be running). It does not reject
     * when the build failed; check `status`.
     */
    waitForFinish(options?: WaitForFinishOptions): Promise<Build>;
}

/**
 * Builds of the account, or of one Actor (`actor(id).builds()`).
 */
export class BuildCollectionClient {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Lists builds. `await` it for the first page, or `for await` over all.
     */
    list(options?: BuildCollectionListOptions): PaginatedIterator<Build>;
}

export class DatasetClient {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * A public URL of the items with the given filters, signed (optionally expiring after
     * `expiresInSecs`) when the token can read the dataset's `urlSigningSecretKey`.
     */
    createItemsPublicUrl(options?: DatasetClientCreateItemsUrlOptions): Promise<string>;
    /**
     * Deletes the dataset.
     */
    delete(options?: CallOptions): Promise<void>;
    /**
     * The items in `format` (`json`, `jsonl`, `xml`, `html`, `csv`, `xlsx`, `rss`) as bytes:
     * a `Buffer` in Node, a `Uint8Array` elsewhere.
     */
    downloadItems(format: DownloadItemsFormat, options?: DatasetDownloadItemsOptions): Promise<Uint8Array>;
    /**
     * Per-field statistics, or `undefined` when the dataset does not exist.
     */
    getStatistics(options?: CallOptions): Promise<DatasetStatistics | undefined>;
    /**
     * The dataset object, or `undefined` when it does not exist.
     */
    get(options?: CallOptions): Promise<Dataset | undefined>;
    /**
     * A page of items (`await`), or every item (`for await`), in pages of at most
     * `chunkSize`. Items are parsed by the platform and returned as they are stored.
     */
    listItems(options?: DatasetListItemsOptions): PaginatedIterator<DatasetItem>;
    /**
     * Appends an item, an array of items, or a JSON string of either.
     * Timeouts are not retried, so that a slow push never stores the items twice.
     */
    pushItems(items: string | DatasetItem | string[] | DatasetItem[], options?: CallOptions): Promise<void>;
    /**
     * Updates the dataset's `name`, `title` or `generalAccess`.
     */
    update(newFields: DatasetUpdateFields, options?: CallOptions): Promise<Dataset>;
}

export class DatasetCollectionClient {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Returns the dataset called `name`, creating it first if needed (no name: a new
     * unnamed dataset).
     */
    getOrCreate(name?: string, options?: { schema?: Record<string, unknown>; signal?: AbortSignal }): Promise<Dataset>;
    /**
     * Lists the account's datasets. `await` it for the first page, or `for await` over all.
     */
    list(options?: DatasetCollectionListOptions): PaginatedIterator<Dataset>;
}

export class KeyValueStoreClient {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * A public URL of the key listing with the given options, signed (optionally expiring
     * after `expiresInSecs`) when the token can read the store's `urlSigningSecretKey`.
     */
    createKeysPublicUrl(options?: KeyValueClientCreateKeysUrlOptions): Promise<string>;
    /**
     * Deletes a record (a missing record is an error, as in the official client).
     */
    deleteRecord(key: string, options?: CallOptions): Promise<void>;
    /**
     * Deletes the store.
     */
    delete(options?: CallOptions): Promise<void>;
    /**
     * Every record (or those of `collection` / whose key starts with `prefix`) as one ZIP
     * archive, one file per key, as bytes (`GET …/records`, not in the official client).
     */
    downloadRecords(options?: KeyValueStoreDownloadRecordsOptions): Promise<Uint8Array>;
    /**
     * The record's public URL (`{publicBaseUrl}/v2/key-value-stores/{id}/records/{key}`),
     * signed with the store's `urlSigningSecretKey` when the token can read it.
     */
    getRecordPublicUrl(key: string, options?: CallOptions): Promise<string>;
    /**
     * `{key, value, contentType}`, or `undefined` when the record does not exist. The value is
     * decoded by content type (JSON parsed, text as a string, anything else as bytes); with
     * `buffer: true` it is always bytes, with `stream: true` a `ReadableStream`.
     */
    getRecord(key: string, options?: KeyValueClientGetRecordOptions): Promise<KeyValueStoreRecord | undefined>;
    /**
     * The store object, or `undefined` when it does not exist.
     */
    get(options?: CallOptions): Promise<KeyValueStore | undefined>;
    /**
     * A page of keys (`await`), or every key after `exclusiveStartKey` (`for await`),
     * following `nextExclusiveStartKey` until `limit` keys or the end.
     */
    listKeys(options?: KeyValueClientListKeysOptions): Promise<KeyValueClientListKeysResult> & AsyncIterable<KeyValueListItem>;
    /**
     * `true` when the record exists (a `HEAD` request; the value is not downloaded).
     */
    recordExists(key: string, options?: CallOptions): Promise<boolean>;
    /**
     * Stores a record. Without `contentType`: strings as `text/plain; charset=utf-8`, bytes
     * (`Uint8Array`, `ArrayBuffer`, `Blob`) as `application/octet-stream`, anything else as
     * pretty-printed JSON. Bytes are sent exactly as given.
     */
    setRecord(record: KeyValueStoreRecordInput, options?: KeyValueStoreRecordOptions): Promise<void>;
    /**
     * Updates the store's `name`, `title` or `generalAccess`.
     */
    update(new_fields: KeyValueClientUpdateOptions, options?: CallOptions): Promise<KeyValueStore>;
}

export class KeyValueStoreCollectionClient {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Returns the key-value store called `name`, creating it first if needed (no name: a new
     * unnamed store).
     */
    getOrCreate(name?: string, options?: { schema?: Record<string, unknown>; signal?: AbortSignal }): Promise<KeyValueStore>;
    /**
     * Lists the account's key-value stores. `await` it for the first page, or `for await` over all.
     */
    list(options?: StorageCollectionListOptions): PaginatedIterator<KeyValueStore>;
}

/**
 * The log of an Actor run or build.
 */
export class LogClient {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * The whole log as text (`""` when it is empty), or `undefined` when there is no such log.
     */
    get(options?: LogOptions): Promise<string | undefined>;
    /**
     * The log as a `ReadableStream<string>` that grows while the run or build is going and
     * ends with it; `undefined` when there is no such log. Nothing is buffered: the response
     * body is decoded as it arrives (`TextDecoderStream`). The `signal` cancels the stream.
     */
    stream(options?: LogOptions): Promise<ReadableStream<string> | undefined>;
}

/**
 * The pages of a list, one `next()` per page. Calls must not overlap (the async generator
 * in support.js that drives it never overlaps them).
 */
export class PageCursor {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * The next page's items, or `undefined` after the last page.
     */
    next(): Promise<unknown[] | undefined>;
}

/**
 * The async iterator of `paginateRequests`: one `listRequests` page per `next()`.
 */
export class PagesIterator {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    next(): Promise<IteratorResult<RequestQueueClientListRequestsResult>>;
    /**
     * Called by `break` in `for await`: no further pages are fetched.
     */
    return(): Promise<IteratorResult<RequestQueueClientListRequestsResult>>;
}

/**
 * Held by the object `paginateRequests` returns; makes a fresh page iterator per `for await`.
 */
export class PagesSource {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * A new iterator over pages (the argument is the iterable itself, unused).
     */
    iterator(_iterable: unknown): PagesIterator;
}

/**
 * Held by the list Promise; makes a fresh page cursor for each `for await`.
 */
export class PaginatedSource {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * A cursor over the pages, starting with the already-requested first page. The items are
     * walked in JavaScript (`attachAsyncIterator` in support.js): crossing into wasm once per
     * page rather than once per item made `for await` 3-27× slower than a plain fetch loop.
     */
    cursor(first: Promise<unknown>): PageCursor;
}

export class RequestQueueClient {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Adds one request (it must not have an `id`); `forefront` puts it at the head.
     */
    addRequest(request: RequestQueueClientNewRequest, options?: RequestQueueClientAddRequestOptions): Promise<RequestQueueClientAddRequestResult>;
    /**
     * Adds any number of requests in batches of 25 (and at most 9,436,240 bytes of JSON),
     * `maxParallel` batches at a time, retrying the ones the API leaves unprocessed. It never
     * rejects for API errors: every request is in exactly one of `processedRequests` and
     * `unprocessedRequests` of the result.
     */
    batchAddRequests(requests: RequestQueueClientNewRequest[], options?: RequestQueueClientBatchAddRequestWithRetriesOptions): Promise<RequestQueueClientBatchRequestsOperationResult>;
    /**
     * Deletes 1–25 requests given by `id` or `uniqueKey`.
     */
    batchDeleteRequests(requests: RequestQueueClientRequestToDelete[], options?: CallOptions): Promise<RequestQueueClientBatchDeleteResult>;
    /**
     * Releases this client's lock of a request (`forefront` returns it to the head).
     */
    deleteRequestLock(id: string, options?: RequestQueueClientDeleteRequestLockOptions): Promise<void>;
    /**
     * Deletes a request by id.
     */
    deleteRequest(id: string, options?: CallOptions): Promise<void>;
    /**
     * Deletes the queue.
     */
    delete(options?: CallOptions): Promise<void>;
    /**
     * A request by id, or `undefined` when there is none.
     */
    getRequest(id: string, options?: CallOptions): Promise<RequestQueueClientRequestSchema | undefined>;
    /**
     * The queue object, or `undefined` when it does not exist.
     */
    get(options?: CallOptions): Promise<RequestQueue | undefined>;
    /**
     * Locks and returns the first `limit` pending requests for `lockSecs` seconds.
     */
    listAndLockHead(options: RequestQueueClientListAndLockHeadOptions): Promise<RequestQueueClientListAndLockHeadResult>;
    /**
     * The first `limit` pending requests, without locking them.
     */
    listHead(options?: RequestQueueClientListHeadOptions): Promise<RequestQueueClientListHeadResult>;
    /**
     * A page of requests (`await`), or every request (`for await`), following `nextCursor`.
     */
    listRequests(options?: RequestQueueClientListRequestsOptions): Promise<RequestQueueClientListRequestsResult> & AsyncIterable<RequestQueueClientRequestSchema>;
    /**
     * An async iterable of pages of at most `maxPageLimit` (1000) requests each, following
     * `nextCursor` until `limit` requests, an empty page or the end.
     */
    paginateRequests(options?: RequestQueueClientPaginateRequestsOptions): AsyncIterable<RequestQueueClientListRequestsResult>;
    /**
     * Extends this client's lock of a request to `lockSecs` from now.
     */
    prolongRequestLock(id: string, options: RequestQueueClientProlongRequestLockOptions): Promise<{ lockExpiresAt: Date }>;
    /**
     * Releases every lock this client (its `clientKey`) holds.
     */
    unlockRequests(options?: CallOptions): Promise<RequestQueueClientUnlockRequestsResult>;
    /**
     * Replaces a request (identified by its `id`); set `handledAt` to mark it handled.
     */
    updateRequest(request: RequestQueueClientRequestSchema, options?: RequestQueueClientAddRequestOptions): Promise<RequestQueueClientAddRequestResult>;
    /**
     * Updates the queue's `name`, `title` or `generalAccess`.
     */
    update(new_fields: RequestQueueClientUpdateOptions, options?: CallOptions): Promise<RequestQueue>;
}

export class RequestQueueCollectionClient {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Returns the request queue called `name`, creating it first if needed (no name: a new
     * unnamed queue).
     */
    getOrCreate(name?: string, options?: CallOptions): Promise<RequestQueue>;
    /**
     * Lists the account's request queues. `await` it for the first page, or `for await` over all.
     */
    list(options?: StorageCollectionListOptions): PaginatedIterator<RequestQueue>;
}

/**
 * An Actor run.
 */
export class RunClient {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Aborts the run, at once or (`gracefully`) after the Actor has persisted its state.
     */
    abort(options?: RunAbortOptions): Promise<ActorRun>;
    /**
     * Charges `count` (default 1) `eventName` events of a pay-per-event run. The
     * `idempotency-key` header makes retries safe; the default key is built as the official
     * client builds it. Resolves to the HTTP response (`{status, headers, data}`).
     */
    charge(options: RunChargeOptions): Promise<RunChargeResponse>;
    /**
     * The run's default dataset.
     */
    dataset(): DatasetClient;
    /**
     * Deletes the run.
     */
    delete(options?: CallOptions): Promise<void>;
    /**
     * The run, or `undefined` when it does not exist. `waitForFinish` asks the API to hold the
     * request (at most 60 s) until the run finishes.
     */
    get(options?: RunGetOptions): Promise<ActorRun | undefined>;
    /**
     * The run's default key-value store (`OUTPUT`, `INPUT`, …).
     */
    keyValueStore(): KeyValueStoreClient;
    /**
     * The run's log.
     */
    log(): LogClient;
    /**
     * Transforms the running Actor into `targetActorId` (an id or `username/name`), which
     * continues the same run with `input`.
     */
    metamorph(targetActorId: string, input?: unknown, options?: RunMetamorphOptions): Promise<ActorRun>;
    /**
     * Restarts the run's container; the run keeps its id and storages.
     */
    reboot(options?: CallOptions): Promise<ActorRun>;
    /**
     * The run's default request queue (no `clientKey` or `timeoutSecs` here, as in the
     * official client).
     */
    requestQueue(): RequestQueueClient;
    /**
     * Starts a finished run again, in the same storages, optionally with other settings.
     */
    resurrect(options?: RunResurrectOptions): Promise<ActorRun>;
    /**
     * Updates the run's `statusMessage`, `isStatusMessageTerminal` or `generalAccess`.
     */
    update(newFields: RunUpdateOptions, options?: CallOptions): Promise<ActorRun>;
    /**
     * Waits until the run finishes or `waitSecs` runs out, polling with the API's 60 s hold,
     * and resolves to the run as it is then (it may still be running). It does not reject
     * when the run failed; check `status`.
     */
    waitForFinish(options?: WaitForFinishOptions): Promise<ActorRun>;
}

/**
 * Runs of the account, of an Actor (`actor(id).runs()`) or of a task (`task(id).runs()`).
 */
export class RunCollectionClient {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Lists runs, optionally only those with a `status` (one or several) or started in a
     * time window. `await` it for the first page, or `for await` over all.
     */
    list(options?: RunCollectionListOptions): PaginatedIterator<ActorRun>;
}

export class ScheduleClient {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Deletes the schedule.
     */
    delete(options?: CallOptions): Promise<void>;
    /**
     * The schedule's log: its invocations, oldest first, or `undefined` when the schedule
     * does not exist. (The official typings say `string`; the API returns these entries.)
     */
    getLog(options?: CallOptions): Promise<ScheduleLogEntry[] | undefined>;
    /**
     * The schedule, or `undefined` when it does not exist.
     */
    get(options?: CallOptions): Promise<Schedule | undefined>;
    /**
     * Updates the given fields of the schedule and resolves to the whole updated schedule.
     */
    update(newFields: ScheduleCreateOrUpdateData, options?: CallOptions): Promise<Schedule>;
}

export class ScheduleCollectionClient {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Creates a schedule.
     */
    create(schedule?: ScheduleCreateOrUpdateData, options?: CallOptions): Promise<Schedule>;
    /**
     * Lists the account's schedules. `await` it for one page, or `for await` over all.
     */
    list(options?: ScheduleCollectionListOptions): PaginatedIterator<Schedule>;
}

export class StoreCollectionClient {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Lists (searches) Actors in Apify Store. `await` it for one page, or `for await` over
     * every match.
     */
    list(options?: StoreCollectionListOptions): PaginatedIterator<ActorStoreList>;
}

/**
 * One saved task, by id or `username/name`.
 */
export class TaskClient {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Starts a run of the task and waits for it to finish (or for `waitSecs`); resolves to
     * the run as it is then. A failed run resolves too: check `status`.
     */
    call(input?: TaskInput, options?: TaskCallOptions): Promise<ActorRun>;
    /**
     * Deletes the task (resolves also when it was already gone).
     */
    delete(options?: CallOptions): Promise<void>;
    /**
     * The task's saved input as the API returns it, or `undefined` when the task does not
     * exist.
     */
    getInput(options?: CallOptions): Promise<TaskInput | undefined>;
    /**
     * The task, or `undefined` when it does not exist.
     */
    get(options?: CallOptions): Promise<Task | undefined>;
    /**
     * The task's last run (optionally the last with `status`, or from `origin`); the filter
     * carries to every call and sub-client.
     */
    lastRun(options?: LastRunOptions): RunClient;
    /**
     * Makes the task public (`update({isPublic: true})`).
     */
    publish(options?: CallOptions): Promise<Task>;
    /**
     * Runs the task and resolves to the items of its default dataset in one request
     * (`…/run-sync-get-dataset-items`, not in the official client), filtered as `listItems`.
     * A run that does not succeed rejects.
     */
    runSyncGetDatasetItems(input?: TaskInput, options?: TaskRunSyncGetDatasetItemsOptions): Promise<DatasetItem[]>;
    /**
     * Runs the task and resolves to its `OUTPUT` record (or `outputRecordKey`) in one
     * request (`…/run-sync`, not in the official client): JSON parsed, text as a string, other
     * content as bytes, `undefined` when the run wrote none. `input` (an object) overrides
     * fields of the task's input; none → `GET`. A run that does not succeed rejects.
     */
    runSync(input?: TaskInput, options?: TaskRunSyncOptions): Promise<unknown>;
    /**
     * The task's runs.
     */
    runs(): RunCollectionClient;
    /**
     * Starts a run of the task; `input` (an object) overrides fields of the task's input.
     */
    start(input?: TaskInput, options?: TaskStartOptions): Promise<ActorRun>;
    /**
     * Makes the task private again (`update({isPublic: false})`).
     */
    unpublish(options?: CallOptions): Promise<Task>;
    /**
     * Replaces the task's saved input; resolves to it as the API returns it.
     */
    updateInput(newFields: TaskInput, options?: CallOptions): Promise<TaskInput>;
    /**
     * Updates the task.
     */
    update(newFields: TaskUpdateOptions, options?: CallOptions): Promise<Task>;
    /**
     * Webhooks of the task's runs.
     */
    webhooks(): WebhookCollectionClient;
}

/**
 * The account's saved tasks.
 */
export class TaskCollectionClient {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Creates a task of Actor `actId`.
     */
    create(task: TaskCreateOptions, options?: CallOptions): Promise<Task>;
    /**
     * Lists tasks. `await` it for the first page, or `for await` over all.
     */
    list(options?: TaskCollectionListOptions): PaginatedIterator<Task>;
}

export class UserClient {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * The user: private data for `me` (with a token), public data otherwise.
     */
    get(options?: CallOptions): Promise<User | undefined>;
    /**
     * The account's limits and its current usage against them, or `undefined`.
     */
    limits(options?: CallOptions): Promise<AccountAndUsageLimits | undefined>;
    /**
     * The usage of the current (or `date`'s) billing cycle, or `undefined` when there is
     * none. `…At` and `date` fields are parsed to `Date`s.
     */
    monthlyUsage(options?: UserMonthlyUsageOptions): Promise<MonthlyUsage | undefined>;
    /**
     * Sets `maxMonthlyUsageUsd` and/or `dataRetentionDays`.
     */
    updateLimits(limits: LimitsUpdateOptions, options?: CallOptions): Promise<void>;
}

export class WebhookClient {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Deletes the webhook.
     */
    delete(options?: CallOptions): Promise<void>;
    /**
     * The dispatches of this webhook: `webhook(id).dispatches().list()`.
     */
    dispatches(): WebhookDispatchCollectionClient;
    /**
     * The webhook, or `undefined` when it does not exist.
     */
    get(options?: CallOptions): Promise<Webhook | undefined>;
    /**
     * Dispatches a `TEST` event to the webhook's URL; resolves to the dispatch, or `undefined`
     * when the webhook does not exist.
     */
    test(options?: CallOptions): Promise<WebhookDispatch | undefined>;
    /**
     * Updates the given fields of the webhook and resolves to the whole updated webhook.
     */
    update(newFields: WebhookUpdateData, options?: CallOptions): Promise<Webhook>;
}

export class WebhookCollectionClient {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Creates a webhook. An `idempotencyKey` in the data makes retried creates return the
     * first webhook instead of a duplicate.
     */
    create(webhook?: WebhookUpdateData, options?: CallOptions): Promise<Webhook>;
    /**
     * Lists webhooks (without their templates). `await` it for one page, or `for await` over
     * all of them.
     */
    list(options?: WebhookCollectionListOptions): PaginatedIterator<WebhookListItem>;
}

export class WebhookDispatchClient {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * The dispatch (with its `eventData` and delivery `calls`), or `undefined` when it does
     * not exist.
     */
    get(options?: CallOptions): Promise<WebhookDispatch | undefined>;
}

export class WebhookDispatchCollectionClient {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Lists webhook dispatches. `await` it for one page, or `for await` over all of them.
     */
    list(options?: WebhookDispatchCollectionListOptions): PaginatedIterator<WebhookDispatch>;
}

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/** The wasm module's exports, for the glue: their names are short and no API. */
export type InitOutput = WebAssembly.Exports;

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
