//! The TypeScript interfaces of option objects and results, emitted into the package's `.d.ts`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
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
"#;
