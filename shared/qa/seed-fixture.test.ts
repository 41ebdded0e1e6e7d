/**
 * The published seed article, source beside target, through every check: the
 * finished article must give no issue at all, and the same article before it
 * was finished must give the issues a translator would need to see.
 */
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import type { Node as PMNode } from 'prosemirror-model';
import { createArticle, readArticle, type ArticleInit, type ArticleSnapshot } from '../article/article';
import { schema } from '../schema/schema';
import { HAVE_FIXTURES, NO_FIXTURES_REASON, readFixture, SEED_PAIRS, type PairsFixture } from '../testing/fixtures';
import { articleFromPairs } from '../testing/pairs';
import { checkArticle, checkSegment, hasErrors } from './qa';

const pairs = (): PairsFixture => JSON.parse(readFixture(SEED_PAIRS)) as PairsFixture;

function snapshot(init: ArticleInit): ArticleSnapshot {
  const ydoc = new Y.Doc();
  createArticle(ydoc, init);
  return readArticle(ydoc);
}

/** The seed with each target changed by `change` (index, target) → new target. */
function seedWith(change: (index: number, target: PMNode, source: PMNode) => PMNode | null): ArticleSnapshot {
  const init = articleFromPairs(pairs());
  init.segments = init.segments!.map((segment, index) => ({ ...segment, target: change(index, segment.target!, segment.source!) }));
  return snapshot(init);
}

const textOf = (pair: PairsFixture['pairs'][number]) => pair.source?.text ?? '';

describe.skipIf(!HAVE_FIXTURES)(`QA of the seed article (${HAVE_FIXTURES ? 'present' : NO_FIXTURES_REASON})`, () => {
  test('the published article gives no error and no warning', () => {
    expect(checkArticle(snapshot(articleFromPairs(pairs())))).toEqual([]);
  });

  test('every pair, as a row of its own, gives nothing', () => {
    const fixture = pairs();
    const article = snapshot(articleFromPairs(fixture));
    const found = article.segments.map((segment, index) => [index, textOf(fixture.pairs[index]!).slice(0, 20), checkSegment(segment)] as const);
    expect(found.filter(([, , issues]) => issues.length > 0)).toEqual([]);
  });

  test('before translation, every source row is an error and the translators’ own rows are fine', () => {
    const fixture = pairs();
    const article = seedWith((index, target) => (fixture.pairs[index]!.source ? null : target));
    const issues = checkArticle(article);
    const sourceRows = fixture.pairs.filter((pair) => pair.source).length;
    expect(issues.filter((found) => found.check === 'empty-target')).toHaveLength(sourceRows);
    expect(issues.filter((found) => found.check !== 'empty-target')).toEqual([]);
    expect(hasErrors(issues)).toBe(true);
  });

  test('figures still pointing at Zhihu are errors until their images are stored', () => {
    const article = seedWith((_index, target, source) => {
      const figure = target.firstChild;
      if (!figure || figure.type !== schema.nodes.figure) return target;
      return schema.nodes.doc!.create(null, [figure.type.create({ ...figure.attrs, src: source.firstChild!.attrs.src as string }, figure.content)]);
    });
    const remote = checkArticle(article).filter((found) => found.check === 'figure-remote-image');
    expect(remote).toHaveLength(4);
    expect(remote[0]!.message).toBe(
      'The figure “Precious image from a contami…” still points to the remote image https://pic1.zhimg.com/v2-5c1e0a7d3f2b9e8a4c6d0f1a2b3c4d5e_b.jpg; upload the image so it is stored with the article.',
    );
  });

  test('a number dropped from a paragraph is a warning naming it', () => {
    const fixture = pairs();
    const at = fixture.pairs.findIndex((pair) => pair.source?.text?.startsWith('以我院为例'));
    const article = seedWith((index, target) =>
      index === at ? schema.nodes.doc!.create(null, [schema.nodes.paragraph!.create(null, [schema.text(target.textContent.replace('2400', 'many'))])]) : target,
    );
    expect(checkArticle(article).map((found) => [found.check, found.severity, found.message])).toEqual([
      ['missing-number', 'warning', "The source's “2400” is not in the translation."],
    ]);
  });
});
