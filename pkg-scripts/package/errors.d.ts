// The error classes every entry exports (the JavaScript lives in a wasm-bindgen snippet).

/** An error response from the Apify API (status >= 300, after retries). */
export class ApifyApiError extends Error {
    name: 'ApifyApiError';
    /** e.g. `DatasetClient.listItems` */
    clientMethod: string;
    statusCode: number;
    /** The API's error type, e.g. `record-not-found`; undefined for non-JSON bodies. */
    type?: string;
    /** `error.data` of the response, e.g. invalid items of a schema validation error. */
    data?: Record<string, unknown>;
    /** 1-based attempt that produced this response. */
    attempt: number;
    /** Lower-case, as in apify-client: `get`, `post`, ... */
    httpMethod: string;
    /** pathname + search of the request (the token is never in it). */
    path: string;
}

/** The API could not be reached, or did not answer in time, on every attempt. */
export class ApifyNetworkError extends Error {
    name: 'ApifyNetworkError';
    code: 'network-error' | 'timeout';
    clientMethod: string;
    attempt: number;
    httpMethod: string;
    path: string;
    /** The platform's own error from the last attempt (`fetch`'s TypeError). */
    cause?: unknown;
}

/** The API's body did not parse as its content type says, on every attempt. */
export class InvalidResponseBodyError extends Error {
    name: 'InvalidResponseBodyError';
    code: 'invalid-response-body';
    clientMethod: string;
    attempt: number;
    httpMethod: string;
    path: string;
    cause?: unknown;
}
