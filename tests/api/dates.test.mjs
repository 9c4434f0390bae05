// parseDates (src/js/support.js): the fast path for the API's own ISO form must read every
// string exactly as `new Date(string)` does, and hand everything else to the platform.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toDate, parseDates } from '../../src/js/support.js';

const platform = (s) => {
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? undefined : d.getTime();
};

test('toDate reads edge cases as new Date does', () => {
  const cases = [
    '2026-11-30T00:25:59.813Z', '2026-02-28T23:59:59.999Z', '2024-02-29T00:00:00.000Z',
    '2026-02-29T00:00:00.000Z', '2026-02-30T00:00:00.000Z', '2026-04-31T00:00:00.000Z',
    '0099-01-01T00:00:00.000Z', '0100-01-01T00:00:00.000Z', '0000-01-01T00:00:00.000Z',
    '2026-13-01T00:00:00.000Z', '2026-00-01T00:00:00.000Z', '2026-01-00T00:00:00.000Z',
    '2026-01-01T24:00:00.000Z', '2026-01-01T23:60:00.000Z', '2026-01-01T23:00:60.000Z',
    '2026-01-01T23:00:00.00aZ', '2026-01-01T23:00:00.000z', '2026-01-01 23:00:00.000Z',
    '20a6-01-01T23:00:00.000Z', '2026-0/-01T00:00:00.000Z', '2026-01-01T0:-00:00.000Z',
    '2026-01-01T23:00:00Z', '2026-01-01', 'x', '2026-01-01T23:00:00.000+01:00',
    '+002026-01-01T00:00:00.000Z', '9999-12-28T23:59:59.999Z', 'Mon, 30 Nov 2026 00:00:00 GMT',
  ];
  for (const s of cases) assert.equal(toDate(s)?.getTime(), platform(s), s);
});

test('toDate reads random instants as new Date does', () => {
  for (let i = 0; i < 20000; i++) {
    const s = new Date(Math.floor(Math.random() * 4e12 - 1e12)).toISOString();
    assert.equal(toDate(s).getTime(), platform(s), s);
  }
});

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
