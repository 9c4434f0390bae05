// Request lines the package sent, compared with the official client's golden lines
// (Appendix A of shared/reference/apify-client-js.md). The order of query params is not
// significant (the official client follows the caller's key order); every deliberate
// difference (`true`/`false` for booleans) is written into the
// expected line, next to the golden one, by the test.
import assert from 'node:assert/strict';

/** `GET /v2/x?b=2&a=1` → `GET /v2/x?a=1&b=2`. */
export function canon(line) {
  const [method, target] = line.split(' ');
  const [path, query] = target.split('?');
  const params = query ? query.split('&').sort() : [];
  return `${method} ${path}${params.length ? `?${params.join('&')}` : ''}`;
}

/** Asserts that the request lines `sent` are exactly `expected` (query order aside). */
export function assertLines(sent, expected) {
  assert.deepEqual(sent.map(canon), expected.map(canon));
}

/** A raw API call to the emulator, outside the client (to set up a run, say). */
export async function raw(url, token, method, path, body) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? undefined : (await res.json()).data;
}
