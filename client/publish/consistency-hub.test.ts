import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { createArticle, removeSegment, setSide } from '../../shared/article/article';
import { doc, p } from '../../shared/testing/builders';
import { normalizeForMatching } from '../../shared/text/normalize-for-matching';
import type { ApprovedTranslation } from '../../shared/qa/options';
import { ConsistencyHub, type ApprovedLoader } from './consistency-hub';

const SOURCE = '疫情期间，医院增加了床位。';
const ONE = 'During the epidemic, the hospital added beds.';
const TWO = 'The hospital added beds during the outbreak.';

function article(): Y.Doc {
  const ydoc = new Y.Doc();
  createArticle(ydoc, {
    segments: [
      { id: 's1', source: doc(p(SOURCE)), target: doc(p(ONE)), status: 'translated' },
      { id: 's2', source: doc(p('另一句。')), target: doc(p('Another sentence.')), status: 'translated' },
      { id: 's3', source: doc(p(SOURCE)), target: doc(p(TWO)), status: 'draft' },
    ],
  });
  return ydoc;
}

const noMemory: ApprovedLoader = () => Promise.resolve(new Map());
const checks = (hub: ConsistencyHub, id: string) => hub.issuesFor(id).map((issue) => issue.check);

describe('the editor rows’ consistency warnings', () => {
  test('the same source translated two ways warns both rows, and agreeing clears them, telling only the rows that changed', () => {
    const ydoc = article();
    const hub = new ConsistencyHub(ydoc, noMemory);
    hub.flush();
    expect(checks(hub, 's1')).toEqual(['inconsistent-translation']);
    expect(checks(hub, 's2')).toEqual([]);
    expect(hub.issuesFor('s3')[0]?.message).toContain(ONE);

    const told: string[] = [];
    for (const id of ['s1', 's2', 's3']) hub.subscribe(id, () => told.push(id));
    const before = hub.issuesFor('s1');
    setSide(ydoc, 's2', 'target', doc(p('Another sentence, reworded.')), 'ana');
    hub.flush();
    // Nothing changed for s1 and s3: the same arrays, and no word to their markers.
    expect(hub.issuesFor('s1')).toBe(before);
    expect(told).toEqual([]);

    setSide(ydoc, 's3', 'target', doc(p(ONE)), 'ana');
    hub.flush();
    expect(checks(hub, 's1')).toEqual([]);
    expect(checks(hub, 's3')).toEqual([]);
    expect(told.sort()).toEqual(['s1', 's3']);
    hub.destroy();
  });

  test('a removed segment is no longer compared', () => {
    const ydoc = article();
    const hub = new ConsistencyHub(ydoc, noMemory);
    hub.flush();
    removeSegment(ydoc, 's3');
    hub.flush();
    expect(checks(hub, 's1')).toEqual([]);
    hub.destroy();
  });

  test('a translation that is none of the memory’s approved ones is warned once the memory answers', async () => {
    const approved = new Map<string, ApprovedTranslation[]>([[normalizeForMatching('另一句。'), [{ target: 'One more sentence.', segmentId: null }]]]);
    const ydoc = article();
    const hub = new ConsistencyHub(ydoc, () => Promise.resolve(approved));
    await Promise.resolve();
    await Promise.resolve();
    expect(checks(hub, 's2')).toEqual(['memory-inconsistent']);
    expect(hub.issuesFor('s2')[0]?.message).toContain('One more sentence.');
    hub.destroy();
  });

  test('a memory that cannot be reached leaves the article compared with itself', async () => {
    const hub = new ConsistencyHub(article(), () => Promise.reject(new Error('offline')));
    await Promise.resolve();
    hub.flush();
    expect(checks(hub, 's1')).toEqual(['inconsistent-translation']);
    expect(checks(hub, 's2')).toEqual([]);
    hub.destroy();
  });
});
