/** The status workflow for every role and every transition (the server enforces the same function). */
import { describe, expect, test } from 'vitest';
import { SEGMENT_STATUSES, type SegmentStatus } from '../article/status';
import { ROLES } from '../protocol/roles';
import { canSetStatus, needsSendBackComment, statusOptions } from './workflow';

/** from → the statuses a reviewer may set (with a sendBack comment where it is draft). */
const REVIEWER: Record<SegmentStatus, SegmentStatus[]> = {
  untranslated: [],
  draft: ['draft'],
  translated: ['draft', 'reviewed', 'approved'],
  reviewed: ['draft', 'reviewed', 'approved'],
  approved: ['draft', 'approved'],
};

describe('canSetStatus', () => {
  for (const from of SEGMENT_STATUSES) {
    test(`from ${from}`, () => {
      for (const to of SEGMENT_STATUSES) {
        expect(canSetStatus('admin', from, to), `admin ${from}→${to}`).toBe(true);
        expect(canSetStatus('viewer', from, to, { sendBackComment: true }), `viewer ${from}→${to}`).toBe(false);
        expect(canSetStatus('translator', from, to), `translator ${from}→${to}`).toBe(['untranslated', 'draft', 'translated'].includes(to));
        expect(canSetStatus('reviewer', from, to, { sendBackComment: true }), `reviewer ${from}→${to}`).toBe(REVIEWER[from].includes(to));
      }
    });
  }

  test('a reviewer sends back only with a comment', () => {
    for (const from of ['translated', 'reviewed', 'approved'] as const) {
      expect(canSetStatus('reviewer', from, 'draft')).toBe(false);
      expect(canSetStatus('reviewer', from, 'draft', { sendBackComment: true })).toBe(true);
      expect(needsSendBackComment('reviewer', from, 'draft')).toBe(true);
    }
    expect(needsSendBackComment('translator', 'approved', 'draft')).toBe(false);
  });
});

describe('statusOptions', () => {
  test('what each role is offered', () => {
    expect(statusOptions('reviewer', 'translated')).toEqual([
      { status: 'draft', needsComment: true },
      { status: 'reviewed', needsComment: false },
      { status: 'approved', needsComment: false },
    ]);
    expect(statusOptions('reviewer', 'draft')).toEqual([]);
    expect(statusOptions('translator', 'approved').map((o) => o.status)).toEqual(['untranslated', 'draft', 'translated']);
    expect(statusOptions('viewer', 'draft')).toEqual([]);
    for (const role of ROLES) for (const from of SEGMENT_STATUSES) expect(statusOptions(role, from).some((o) => o.status === from)).toBe(false);
  });
});
