import { describe, expect, test } from 'vitest';
import type { SegmentStatus } from '../article/status';
import { doc, fig, hr, p } from '../testing/builders';
import { checkStatus } from './check-status';
import { segment, type SegmentParts } from './testing';

const ids = (parts: SegmentParts) => checkStatus(segment(parts)).map((found) => `${found.check}:${found.severity}`);

describe('checkStatus', () => {
  test.each<[string, SegmentParts, string[]]>([
    ['an empty target', { source: '题主是一名学生。', target: '', status: 'untranslated' }, ['empty-target:error']],
    ['an empty paragraph as target', { source: '题主是一名学生。', target: doc(p()), status: 'untranslated' }, ['empty-target:error']],
    ['a blank target even if approved', { source: '题主是一名学生。', target: '   ', status: 'approved' }, ['empty-target:error']],
    ['a rule with no translation', { source: doc(hr()), target: '', status: 'untranslated' }, ['empty-target:error']],
    ['text still marked untranslated', { source: '题主是一名学生。', target: 'OP is a student.', status: 'untranslated' }, ['untranslated:error']],
    ['a draft', { source: '题主是一名学生。', target: 'OP is a student.', status: 'draft' }, ['draft:error']],
    ['translated, not reviewed', { source: '题主是一名学生。', target: 'OP is a student.', status: 'translated' }, ['unreviewed:warning']],
    ['reviewed', { source: '题主是一名学生。', target: 'OP is a student.', status: 'reviewed' }, []],
    ['approved', { source: '题主是一名学生。', target: 'OP is a student.', status: 'approved' }, []],
    ['a translated rule', { source: doc(hr()), target: doc(hr()), status: 'approved' }, []],
    [
      'a figure translated as a figure',
      { source: doc(fig('https://pic1.zhimg.com/a.jpg', '')), target: doc(fig('/assets/a.jpg', 'a')), status: 'reviewed' },
      [],
    ],
    ['an omitted source block', { source: '广告', target: '', status: 'untranslated', omitted: true }, []],
    ['an omitted source block, draft', { source: '广告', target: '', status: 'draft', omitted: true }, []],
    ["the translator's own note", { source: '', target: '*Translator: COVID-19 Readings*', status: 'untranslated' }, []],
    ["the translator's own note, draft", { source: '', target: 'A note.', status: 'draft' }, []],
    ["an empty row of the translator's", { source: '', target: '', status: 'untranslated' }, []],
  ])('%s', (_name, parts, expected) => expect(ids(parts)).toEqual(expected));

  test.each<[SegmentStatus, string]>([
    [
      'untranslated',
      'The translation of “题主是一名放射专业的学生。其实我一直担心 AI 取代医生的…” is still marked untranslated; mark it translated when it is done.',
    ],
    ['draft', 'The translation of “题主是一名放射专业的学生。其实我一直担心 AI 取代医生的…” is still a draft; mark it translated when it is done.'],
    ['translated', 'The translation of “题主是一名放射专业的学生。其实我一直担心 AI 取代医生的…” has not been reviewed yet.'],
  ])('names the source of a %s segment', (status, message) => {
    const found = checkStatus(segment({ source: '题主是一名放射专业的学生。其实我一直担心 AI 取代医生的可能性。', target: 'OP…', status }, 'seg-9'));
    expect(found).toEqual([expect.objectContaining({ segmentId: 'seg-9', message })]);
  });

  test('says what an untranslated figure is', () => {
    expect(checkStatus(segment({ source: doc(fig('https://pic1.zhimg.com/a.jpg', '')), target: '' }))[0]!.message).toBe(
      'The source (a figure) has no translation yet; translate it or omit it.',
    );
  });
});
