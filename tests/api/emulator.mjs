// Starts one apify-emulator for a test file and gives each test its own token (its own
// isolated account), plus access to the emulator's request log and fault control API.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = process.env.APIFY_EMULATOR_BIN ?? `${root}target/debug/apify-emulator`;

/** Starts the emulator on a free port; `stop()` ends it. */
export async function startEmulator() {
  // APIFY_REQUEST_LOG: where pkg-scripts/test collects every request, to measure which
  // operations of the spec the client reaches (pkg-scripts/api-coverage.mjs).
  const log = process.env.APIFY_REQUEST_LOG ? ['--request-log', process.env.APIFY_REQUEST_LOG] : [];
  const child = spawn(bin, ['--port', '0', ...log], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (l) => resolve(l.trim()));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`apify-emulator exited with ${code} before printing its URL`)));
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  return { url, stop };
}

/** A fresh account on the emulator: a token nobody else uses, and its control API. */
export function account(url) {
  const token = `test-${randomUUID()}`;
  const control = async (method, path, body) => {
    const res = await fetch(`${url}/_emulator/${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`emulator control ${method} ${path}: ${res.status} ${await res.text()}`);
    return res.status === 204 ? undefined : (await res.json()).data;
  };
  return {
    token,
    /** Every API request this account sent: [{method, path, query, operationId, ...}]. */
    requests: () => control('GET', 'requests'),
    clearRequests: () => control('DELETE', 'requests'),
    /** Queues a fault: fault({ method: 'GET', path: '/v2/…', times: 2, fault: { type: 'status', status: 429 } }). */
    fault: (spec) => control('POST', 'faults', spec),
    counters: () => control('GET', 'counters'),
  };
}

/** The request log as golden-style lines: `GET /v2/datasets/x/items?limit=1`. */
export function lines(requests) {
  return requests.map((r) => `${r.method} ${r.path}${r.query ? `?${r.query}` : ''}`);
}
