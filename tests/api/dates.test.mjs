// parseDates (src/js/support.js), the official client's parseDateFields: which keys, how deep.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDates } from '../../src/js/support.js';

test('parseDates converts …At keys (and `also`) to depth 3, nothing else', () => {
  const v = {
    createdAt: '2026-11-30T00:25:59.813Z',
    name: '2026-11-30T00:25:59.813Z',
    emptyAt: '',
    badAt: 'soon',
    numberAt: 5,
    date: '2026-11-01',
    items: [{ modifiedAt: '2026-11-30T00:25:59.813Z', nested: { finishedAt: '2026-01-01T00:00:00.000Z', deeper: { startedAt: '2026-01-01T00:00:00.000Z' } } }],
  };
  parseDates(v, 'date');
  assert.ok(v.createdAt instanceof Date);
  assert.equal(v.name, '2026-11-30T00:25:59.813Z');
  assert.equal(v.emptyAt, '');
  assert.equal(v.badAt, 'soon');
  assert.equal(v.numberAt, 5);
  assert.ok(v.date instanceof Date);
  assert.ok(v.items[0].modifiedAt instanceof Date);
  assert.ok(v.items[0].nested.finishedAt instanceof Date);
  // depth: data 0 → items 1 → item 2 → nested 3 → deeper 4 (not walked)
  assert.equal(v.items[0].nested.deeper.startedAt, '2026-01-01T00:00:00.000Z');
});
