import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { filterRows } from './filters';
import type { SegmentRowModel } from './use-segments';

const row = (id: string, status: SegmentRowModel['status'], changedBy: string | null = null): SegmentRowModel => ({
  id,
  status,
  changedBy,
  changedAt: null,
  memoryMatch: null,
  omitted: false,
  source: new Y.XmlFragment(),
  target: new Y.XmlFragment(),
});

const rows = [row('a', 'untranslated'), row('b', 'draft', 'ana'), row('c', 'approved', 'bo')];
const nobody = { me: 'ana', focused: null, busy: () => [] };

describe('row filters', () => {
  test.each([
    [{ kind: 'all' } as const, ['a', 'b', 'c']],
    [{ kind: 'untranslated' } as const, ['a']],
    [{ kind: 'mine' } as const, ['b']],
    [{ kind: 'status', status: 'approved' } as const, ['c']],
  ])('%j shows %j', (filter, ids) => {
    expect(filterRows(rows, filter, nobody).map((entry) => entry.row.id)).toEqual(ids);
  });

  test('"assigned to me" shows the segments I translate or review, whoever edited them last', () => {
    const assignments = new Map([
      ['a', { translator: 'ana', reviewer: null }],
      ['b', { translator: 'bo', reviewer: 'cy' }],
      ['c', { translator: 'bo', reviewer: 'ana' }],
    ]);
    expect(filterRows(rows, { kind: 'assigned' }, { ...nobody, assignments }).map((entry) => entry.row.id)).toEqual(['a', 'c']);
    expect(filterRows(rows, { kind: 'assigned' }, { ...nobody, me: 'cy', assignments }).map((entry) => entry.row.id)).toEqual(['b']);
    // Without assignments nothing is mine.
    expect(filterRows(rows, { kind: 'assigned' }, nobody)).toEqual([]);
  });

  test('a row someone is typing in stays visible, saying why', () => {
    const busy = (id: string) => (id === 'c' ? [{ clientId: 1, id: 'u', name: 'bo', role: 'translator', color: '#000' }] : []);
    const shown = filterRows(rows, { kind: 'untranslated' }, { me: 'ana', focused: 'b', busy });
    expect(shown.map((entry) => [entry.row.id, entry.shownBecause])).toEqual([
      ['a', null],
      ['b', 'shown: you are here'],
      ['c', 'shown: bo editing'],
    ]);
  });
});
