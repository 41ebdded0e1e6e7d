/**
 * Every role against every operation, written out as the answers expected
 * (docs/COLLABORATION.md's roles table), not worked out from the module.
 */
import { describe, expect, test } from 'vitest';
import { SEGMENT_STATUSES, type SegmentStatus } from '../article/status';
import { ARTICLE_CHANGES, type ArticleChange } from '../article/change-kinds';
import { ROLES, type Role } from '../protocol/roles';
import {
  may,
  mayChange,
  mayReviseEntry,
  mayWriteArticle,
  needsSendBackComment,
  OPERATIONS,
  settableStatuses,
  statusOptions,
  type Operation,
  type PlainOperation,
} from './permissions';

const Y = true;
const N = false;

/** role → may it, for the operations that need nothing more to be answered. */
const PLAIN: Record<PlainOperation, Record<Role, boolean>> = {
  //                        admin      translator     reviewer     viewer
  'target.edit': { admin: Y, translator: Y, reviewer: N, viewer: N },
  'source.edit': { admin: Y, translator: N, reviewer: N, viewer: N },
  'structure.edit': { admin: Y, translator: Y, reviewer: N, viewer: N },
  'metadata.edit': { admin: Y, translator: Y, reviewer: N, viewer: N },
  'importedFile.edit': { admin: Y, translator: N, reviewer: N, viewer: N },
  'segment.assign': { admin: Y, translator: N, reviewer: N, viewer: N },
  'thread.comment': { admin: Y, translator: Y, reviewer: Y, viewer: N },
  'suggestion.decide': { admin: Y, translator: Y, reviewer: N, viewer: N },
  'thread.remove': { admin: Y, translator: N, reviewer: N, viewer: N },
  'article.create': { admin: Y, translator: Y, reviewer: N, viewer: N },
  'xliff.import': { admin: Y, translator: Y, reviewer: N, viewer: N },
  'media.add': { admin: Y, translator: Y, reviewer: N, viewer: N },
  'article.publish': { admin: Y, translator: N, reviewer: N, viewer: N },
  'publish.override': { admin: Y, translator: N, reviewer: N, viewer: N },
  'site.configure': { admin: Y, translator: N, reviewer: N, viewer: N },
  'user.manage': { admin: Y, translator: N, reviewer: N, viewer: N },
  'memory.import': { admin: Y, translator: N, reviewer: N, viewer: N },
  'memory.export': { admin: Y, translator: N, reviewer: N, viewer: N },
  'glossary.edit': { admin: Y, translator: Y, reviewer: N, viewer: N },
  'glossary.propose': { admin: Y, translator: Y, reviewer: Y, viewer: N },
  'glossary.import': { admin: Y, translator: N, reviewer: N, viewer: N },
};

/** role → [one's own proposal, someone else's proposal, one's own entry once accepted]. */
const ENTRIES: Record<Role, [boolean, boolean, boolean]> = {
  admin: [Y, Y, Y],
  translator: [Y, Y, Y],
  reviewer: [Y, N, N],
  viewer: [N, N, N],
};

/** role → [one's own comment, someone else's, one's own deleted one]. */
const COMMENTS: Record<'comment.edit' | 'comment.delete', Record<Role, [boolean, boolean, boolean]>> = {
  'comment.edit': { admin: [Y, N, N], translator: [Y, N, N], reviewer: [Y, N, N], viewer: [N, N, N] },
  'comment.delete': { admin: [Y, Y, Y], translator: [Y, N, Y], reviewer: [Y, N, Y], viewer: [N, N, N] },
};

const ALL = SEGMENT_STATUSES;
/** role → from → the statuses it may set, without and with a sendBack comment in the same change. */
const STATUSES: Record<Role, Record<SegmentStatus, { plain: SegmentStatus[]; sentBack: SegmentStatus[] }>> = {
  admin: {
    untranslated: { plain: [...ALL], sentBack: [...ALL] },
    draft: { plain: [...ALL], sentBack: [...ALL] },
    translated: { plain: [...ALL], sentBack: [...ALL] },
    reviewed: { plain: [...ALL], sentBack: [...ALL] },
    approved: { plain: [...ALL], sentBack: [...ALL] },
  },
  translator: {
    untranslated: { plain: ['untranslated', 'draft', 'translated'], sentBack: ['untranslated', 'draft', 'translated'] },
    draft: { plain: ['untranslated', 'draft', 'translated'], sentBack: ['untranslated', 'draft', 'translated'] },
    translated: { plain: ['untranslated', 'draft', 'translated'], sentBack: ['untranslated', 'draft', 'translated'] },
    reviewed: { plain: ['untranslated', 'draft', 'translated'], sentBack: ['untranslated', 'draft', 'translated'] },
    approved: { plain: ['untranslated', 'draft', 'translated'], sentBack: ['untranslated', 'draft', 'translated'] },
  },
  reviewer: {
    untranslated: { plain: [], sentBack: [] },
    draft: { plain: ['draft'], sentBack: ['draft'] },
    translated: { plain: ['reviewed', 'approved'], sentBack: ['draft', 'reviewed', 'approved'] },
    reviewed: { plain: ['reviewed', 'approved'], sentBack: ['draft', 'reviewed', 'approved'] },
    approved: { plain: ['approved'], sentBack: ['draft', 'approved'] },
  },
  viewer: {
    untranslated: { plain: [], sentBack: [] },
    draft: { plain: [], sentBack: [] },
    translated: { plain: [], sentBack: [] },
    reviewed: { plain: [], sentBack: [] },
    approved: { plain: [], sentBack: [] },
  },
};

/** role → the kinds of article change it may make at all (the websocket judge's first question). */
const CHANGES: Record<Role, ArticleChange[]> = {
  admin: ['targetText', 'sourceText', 'status', 'structure', 'metadata', 'importedFile', 'comment', 'assignment'],
  translator: ['targetText', 'status', 'structure', 'metadata', 'comment'],
  reviewer: ['status', 'comment'],
  viewer: [],
};

const SETTABLE: Record<Role, SegmentStatus[]> = {
  admin: ['untranslated', 'draft', 'translated', 'reviewed', 'approved'],
  translator: ['untranslated', 'draft', 'translated'],
  reviewer: ['draft', 'reviewed', 'approved'],
  viewer: [],
};

const as = (role: Role) => ({ name: 'me', role });

test('the tables here cover every operation', () => {
  const covered: Operation[] = [...(Object.keys(PLAIN) as Operation[]), ...(Object.keys(COMMENTS) as Operation[]), 'segment.setStatus'];
  expect([...covered].sort()).toEqual([...OPERATIONS].sort());
});

describe('every role × operation', () => {
  for (const [operation, answers] of Object.entries(PLAIN) as [PlainOperation, Record<Role, boolean>][]) {
    test.each(ROLES)(`${operation}: %s`, (role) => {
      expect(may(as(role), operation)).toBe(answers[role]);
    });
  }

  for (const [operation, answers] of Object.entries(COMMENTS) as ['comment.edit' | 'comment.delete', Record<Role, [boolean, boolean, boolean]>][]) {
    test.each(ROLES)(`${operation}: %s`, (role) => {
      const [own, others, ownDeleted] = answers[role];
      expect(may(as(role), operation, { author: 'me' }), 'own').toBe(own);
      expect(may(as(role), operation, { author: 'someone' }), "someone else's").toBe(others);
      expect(may(as(role), operation, { author: 'me', deleted: true }), 'own, deleted').toBe(ownDeleted);
    });
  }

  for (const role of ROLES) {
    for (const from of SEGMENT_STATUSES) {
      test(`segment.setStatus: ${role} from ${from}`, () => {
        for (const to of SEGMENT_STATUSES) {
          expect(may(as(role), 'segment.setStatus', { from, to }), `${from} → ${to}`).toBe(STATUSES[role][from].plain.includes(to));
          expect(may(as(role), 'segment.setStatus', { from, to, sendBackComment: true }), `${from} → ${to} with a sendBack comment`).toBe(
            STATUSES[role][from].sentBack.includes(to),
          );
        }
      });
    }
  }
});

describe('what follows from the table', () => {
  test.each(ROLES)('the kinds of article change a %s may make', (role) => {
    expect(ARTICLE_CHANGES.filter((kind) => mayChange(role, kind))).toEqual(CHANGES[role]);
    expect(mayWriteArticle(role)).toBe(role !== 'viewer');
  });

  test.each(ROLES)('the statuses a %s may set from some status', (role) => {
    expect(settableStatuses(role)).toEqual(SETTABLE[role]);
  });

  test('a reviewer sends back only with a comment', () => {
    for (const from of ['translated', 'reviewed', 'approved'] as const) expect(needsSendBackComment('reviewer', from, 'draft')).toBe(true);
    expect(needsSendBackComment('reviewer', 'draft', 'draft')).toBe(false);
    expect(needsSendBackComment('translator', 'approved', 'draft')).toBe(false);
  });

  test('what each role is offered in a status menu', () => {
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

describe('revising a glossary entry', () => {
  test.each(ROLES)('%s', (role) => {
    const user = { name: 'me', role };
    expect([
      mayReviseEntry(user, { createdBy: 'me', status: 'proposed' }),
      mayReviseEntry(user, { createdBy: 'other', status: 'proposed' }),
      mayReviseEntry(user, { createdBy: 'me', status: 'approved' }),
    ]).toEqual(ENTRIES[role]);
  });
});
