/**
 * The aligner against the team's ground truth (the Zhihu source through the
 * source importer, its published translation through the published
 * importer, scored on the 51 hand-made pairs), and on small made-up articles
 * for what it must always do: leave a translator's note unmatched, find a
 * paragraph translated as two, follow numbers.
 */
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import type { Node as PMNode } from 'prosemirror-model';
import { importSource } from '../import/import-source';
import { articleFromMarkdown } from '../markdown/article-markdown';
import { sideText } from '../qa/side-content';
import { a, doc, fig, h, hr, li, p } from '../testing/builders';
import { FIXTURES, HAVE_FIXTURES, NO_FIXTURES_REASON, readFixture, SEED_ARTICLE, SEED_PAIRS, type PairsFixture } from '../testing/fixtures';
import { alignBlocks, type Alignment } from './align';
import { blockFeatures } from './align-features';
import { ENGLISH_PER_HAN, VARIANCE_PER_HAN } from './align-cost';

const ZHIHU = join(FIXTURES, 'sources', 'zhihu-372335557.html');

/** The fixture as the importers read it: Chinese source sides, English target sides, and the published blocks' Markdown. */
async function fixtureSides() {
  const source = await importSource({ bytes: new TextEncoder().encode(readFixture(ZHIHU)), filename: 'zhihu-372335557.html' });
  const published = articleFromMarkdown(readFixture(SEED_ARTICLE));
  return {
    chinese: (source.segments ?? []).map((segment) => segment.source!),
    english: (published.segments ?? []).map((segment) => segment.target!),
    markdown: (published.segments ?? []).map((segment) => segment.importedMarkdown ?? ''),
  };
}

type Truth = { english: number; chinese: number | null }[];

const squash = (text: string) => text.replace(/\s+/g, '');

/** The ground truth as importer indexes: each English block by its exact Markdown, each Chinese block by its kind and text (or image), in order. */
function groundTruth(fixture: PairsFixture, chinese: readonly PMNode[], markdown: readonly string[]): Truth {
  let nextEnglish = 0;
  let nextChinese = 0;
  return fixture.pairs.map((pair) => {
    const english = markdown.indexOf(pair.target, nextEnglish);
    if (english < 0) throw new Error(`no published block reads ${JSON.stringify(pair.target.slice(0, 60))}`);
    nextEnglish = english + 1;
    const { source } = pair;
    if (source === null) return { english, chinese: null };
    const found = chinese.findIndex((side, index) => {
      if (index < nextChinese) return false;
      const block = side.firstChild;
      if (source.kind === 'figure') return block?.type.name === 'figure' && block.attrs.src === source.src;
      if (source.kind === 'rule') return block?.type.name === 'horizontal_rule';
      return squash(sideText(side)) === squash(source.text ?? '');
    });
    if (found < 0) throw new Error(`no Chinese block reads ${JSON.stringify(source)}`);
    nextChinese = found + 1;
    return { english, chinese: found };
  });
}

/** The ground-truth pairs the alignment gets right: an added block left unmatched, a translated one paired with exactly its Chinese block. */
function score(alignment: Alignment, truth: Truth): { right: number; wrong: string[] } {
  const byEnglish = new Map<number, number[]>();
  for (const pair of alignment.pairs) for (const target of pair.target) byEnglish.set(target, pair.source);
  const wrong: string[] = [];
  for (const { english, chinese } of truth) {
    const found = byEnglish.get(english) ?? [];
    const right = chinese === null ? found.length === 0 : found.length === 1 && found[0] === chinese;
    if (!right)
      wrong.push(
        `English ${english}: expected ${chinese === null ? 'unmatched' : `Chinese ${chinese}`}, got ${found.length === 0 ? 'unmatched' : `Chinese ${found.join('+')}`}`,
      );
  }
  return { right: truth.length - wrong.length, wrong };
}

/** Every block of both lists once, in order. */
function expectCovering(alignment: Alignment, chinese: number, english: number) {
  expect(alignment.pairs.flatMap((pair) => pair.source)).toEqual(Array.from({ length: chinese }, (_, i) => i));
  expect(alignment.pairs.flatMap((pair) => pair.target)).toEqual(Array.from({ length: english }, (_, i) => i));
  for (const pair of alignment.pairs) {
    expect(pair.kind).toBe(`${pair.source.length}-${pair.target.length}`);
    expect(pair.confidence).toBeGreaterThanOrEqual(0);
    expect(pair.confidence).toBeLessThanOrEqual(1);
  }
}

describe.skipIf(!HAVE_FIXTURES)(`the Zhihu fixture and its published translation (${HAVE_FIXTURES ? 'present' : NO_FIXTURES_REASON})`, () => {
  test('aligns all 51 ground-truth pairs unaided (48 are asked for)', async () => {
    const { chinese, english, markdown } = await fixtureSides();
    const truth = groundTruth(JSON.parse(readFixture(SEED_PAIRS)) as PairsFixture, chinese, markdown);
    expect(truth).toHaveLength(51);
    const alignment = alignBlocks(chinese, english);
    expectCovering(alignment, chinese.length, english.length);
    const { right, wrong } = score(alignment, truth);
    console.log(`align: ${right}/${truth.length} ground-truth pairs right${wrong.length ? `; wrong: ${wrong.join('; ')}` : ''}`);
    expect(right).toBeGreaterThanOrEqual(51);
  });
});

const sides = (...blocks: PMNode[]): PMNode[] => blocks.map((block) => doc(block));
const kinds = (alignment: Alignment) => alignment.pairs.map((pair) => `${pair.kind} ${pair.source.join('+')}:${pair.target.join('+')}`);

describe('alignBlocks', () => {
  test('leaves a translator’s note in the middle unmatched, and pairs the rest one to one', () => {
    const chinese = sides(
      p('这家医院有八百张病床，每天要做四百次检查。'),
      p('医生们每天工作十二个小时，很多人已经连续几周没有回家了。'),
      p('他们说，最困难的时候已经过去了。'),
    );
    const english = sides(
      p('The hospital has 800 beds and performs 400 examinations a day.'),
      p(
        'Translator’s note: the hospital is in Wuhan, where the epidemic began; its West Campus was turned into a ward for the critically ill. -- the translator',
      ),
      p('The doctors here work twelve hours a day, and many of them have not been back home for several weeks in a row.'),
      p('They say that the hardest time of all is already behind them now.'),
    );
    const alignment = alignBlocks(chinese, english);
    expectCovering(alignment, 3, 4);
    expect(kinds(alignment)).toEqual(['1-1 0:0', '0-1 :1', '1-1 1:2', '1-1 2:3']);
    expect(alignment.pairs[1]!.confidence).toBeGreaterThan(0.8);
  });

  test('pairs a Chinese paragraph translated as two English paragraphs 1-2', () => {
    const chinese = sides(
      p('我报名参加了麻醉插管突击队。'),
      p(
        '新冠肺炎病情恶化之快、重症患者衰竭之迅速，超出了很多资深临床医生的预料。比如前天插管的五个病人，已经有两位不幸离世了。我清楚地记得，插管之前他们还是清醒的，老爷子还能跟我们说话。',
      ),
      p('这是一个可怕的工作量。'),
    );
    const english = sides(
      p('I signed up for an anesthesia intubation commando.'),
      p('The rapid deterioration of COVID-19 and the rapid debilitation of severely ill patients are beyond the expectations of many senior clinicians.'),
      p(
        'For example, of the five patients who were intubated the day before yesterday, two have already passed. I clearly remember that they were still conscious before the intubation, and the old man could still talk to us.',
      ),
      p('This is a terrifying workload.'),
    );
    const alignment = alignBlocks(chinese, english);
    expectCovering(alignment, 3, 4);
    expect(kinds(alignment)).toEqual(['1-1 0:0', '1-2 1:1+2', '1-1 2:3']);
  });

  test('pairs two Chinese paragraphs translated as one 2-1', () => {
    const chinese = sides(
      p('最关键的是诊断。'),
      p('放射科医生绝不是随便看看片子就完事了，一份影像报告直接影响临床诊疗。'),
      p('每一个字都可能产生很大影响，这其中付出的心血，超出外人的想象！'),
    );
    const english = sides(
      p('What is most critical is the diagnosis.'),
      p(
        'Radiologists are definitely not done just by casually watching the film: an imaging report directly affects clinical diagnosis and treatment. Every single word can have a big impact, and the effort involved goes beyond what outsiders imagine!',
      ),
    );
    expect(kinds(alignBlocks(chinese, english))).toEqual(['1-1 0:0', '2-1 1+2:1']);
  });

  test('follows numbers read in either language (3亿 is 300 million) where the lengths cannot tell', () => {
    // Two Chinese paragraphs of the same length, one English paragraph: only the number says which it translates.
    const chinese = sides(p('今年公司的利润下降了很多。'), p('去年公司营收3亿元人民币。'));
    const english = sides(p('Last year the company had revenue of 300 million yuan.'));
    const alignment = alignBlocks(chinese, english);
    expect(kinds(alignment)).toEqual(['1-0 0:', '1-1 1:0']);
    expect(alignment.pairs[1]!.confidence).toBeGreaterThan(0.8);

    // Without the number the same two paragraphs are a toss-up, and the confidence says so.
    const unsure = alignBlocks(
      sides(p('今年公司的利润下降了很多。'), p('去年公司的营收增长了很多。')),
      sides(p('Last year the company had a lot more revenue.')),
    );
    expect(Math.max(...unsure.pairs.filter((pair) => pair.kind === '1-1').map((pair) => pair.confidence))).toBeLessThan(0.7);
  });

  test('follows Latin words, acronyms and links that both sides keep', () => {
    // Of the same length as the English as far as the length model can tell: only ECMO says which it translates.
    const chinese = sides(p('病人甚至需要用上这些设备。'), p('甚至要用上 ECMO 这样的大杀器。'));
    const english = sides(p('Even the big weapon of ECMO had to be used.'));
    expect(kinds(alignBlocks(chinese, english))).toEqual(['1-0 0:', '1-1 1:0']);

    const linked = sides(p('详见', a('https://example.org/report', '这份报告'), '。'), p('详见这篇文章。'));
    expect(kinds(alignBlocks(linked, sides(p('See ', a('https://example.org/report/', 'the report'), '.'))))).toEqual(['1-1 0:0', '1-0 1:']);
  });

  test('pairs rules with rules, figures with figures and list items by position, and never a figure with prose', () => {
    const chinese = sides(
      h(1, '如何看待 AI 诊断技术？'),
      p('题主是一名放射专业的学生。'),
      hr(),
      fig('https://pic1.zhimg.com/a.jpg', '', '隔离病房里的照片'),
      li({ ordered: true, number: 1 }, '安装移动式 CT 设备。'),
      li({ ordered: true, number: 2 }, '引入成熟的 AI 诊断技术。'),
    );
    const english = sides(
      p(a('https://www.zhihu.com/question/1', '如何看待 AI 诊断技术？')),
      p('Translator: COVID-19 Readings'),
      hr(),
      p('OP (original poster) is a student of radiology.'),
      hr(),
      fig('/assets/media/01.jpg', 'isolation ward', 'An image from an isolation ward'),
      li({ ordered: true, number: 1 }, 'Install portable CT equipment.'),
      li({ ordered: true, number: 2 }, 'Introduce mature AI diagnostic technology.'),
    );
    const alignment = alignBlocks(chinese, english);
    expectCovering(alignment, 6, 8);
    expect(kinds(alignment)).toEqual(['1-1 0:0', '0-1 :1', '0-1 :2', '1-1 1:3', '1-1 2:4', '1-1 3:5', '1-1 4:6', '1-1 5:7']);
  });

  test('aligns empty lists, and one list against an empty one as all unmatched', () => {
    expect(alignBlocks([], [])).toEqual({ pairs: [] });
    expect(kinds(alignBlocks([], sides(p('A note.'))))).toEqual(['0-1 :0']);
    expect(kinds(alignBlocks(sides(p('一段。'), hr()), []))).toEqual(['1-0 0:', '1-0 1:']);
  });

  test('aligns a long article in a band around the diagonal, in time', () => {
    const chinese: PMNode[] = [];
    const english: PMNode[] = [];
    for (let i = 0; i < 600; i++) {
      chinese.push(doc(p(`第 ${i + 1} 段：这一段讲的是医院里发生的事情，共有 ${i * 7 + 3} 个病人。`)));
      english.push(doc(p(`Paragraph ${i + 1}: this one is about what happened in the hospital, with ${i * 7 + 3} patients.`)));
      if (i % 50 === 0) english.push(doc(p(`A translator's note after paragraph ${i + 1}, which the source does not have.`)));
    }
    const started = performance.now();
    const alignment = alignBlocks(chinese, english);
    expect(performance.now() - started).toBeLessThan(20_000);
    expectCovering(alignment, chinese.length, english.length);
    expect(alignment.pairs.filter((pair) => pair.kind === '1-1')).toHaveLength(600);
    expect(alignment.pairs.filter((pair) => pair.kind === '0-1')).toHaveLength(12);
  });
});

describe.skipIf(!HAVE_FIXTURES)(`the length model (${HAVE_FIXTURES ? 'present' : NO_FIXTURES_REASON})`, () => {
  test('is the one the fixture’s one-to-one prose pairs fit', async () => {
    const { chinese, english, markdown } = await fixtureSides();
    const truth = groundTruth(JSON.parse(readFixture(SEED_PAIRS)) as PairsFixture, chinese, markdown);
    const rows = truth.flatMap(({ english: e, chinese: c }) => {
      if (c === null) return [];
      const zh = blockFeatures(chinese[c]!, 'zh');
      const en = blockFeatures(english[e]!, 'en');
      // Prose translated into English (not a title kept in Chinese, not an empty caption).
      return zh.han > 0 && en.han === 0 ? [{ han: zh.han, extra: en.other - zh.other }] : [];
    });
    const ratio = rows.reduce((sum, row) => sum + row.extra, 0) / rows.reduce((sum, row) => sum + row.han, 0);
    const variance = rows.reduce((sum, row) => sum + (row.extra - ratio * row.han) ** 2 / row.han, 0) / rows.length;
    expect(ratio).toBeCloseTo(ENGLISH_PER_HAN, 1);
    expect(variance).toBeCloseTo(VARIANCE_PER_HAN, 0);
  });
});
