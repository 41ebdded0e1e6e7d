/**
 * `duet align SOURCE PUBLISHED [--json] [--into-tm]` with the team's real
 * files (the Zhihu source and its published translation) and a temporary
 * data folder: the listing, the JSON, and the memory it seeds, which
 * `duet tm lookup` then finds.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { TmMatch } from '../shared/protocol/memory-api';
import { FIXTURES, HAVE_FIXTURES, NO_FIXTURES_REASON, SEED_ARTICLE } from '../shared/testing/fixtures';
import type { AlignmentJson } from './memory/align-service';
import { duet } from './testing/cli-runner';
import { memoryUnitCount } from './testing/memory-units';

const ZHIHU = join(FIXTURES, 'sources', 'zhihu-372335557.html');
const root = mkdtempSync(join(tmpdir(), 'duet-cli-align-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;
const freshData = () => join(root, `data-${++folders}`);

describe.skipIf(!HAVE_FIXTURES)(`duet align on the Zhihu source and its published translation (${HAVE_FIXTURES ? 'present' : NO_FIXTURES_REASON})`, () => {
  test('--json: every one of the 51 English blocks and 43 Chinese blocks once, in order, and the translators’ additions unmatched', async () => {
    const data = freshData();
    const result = await duet('align', ZHIHU, SEED_ARTICLE, '--json', '--data', data);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as AlignmentJson;
    expect(json).toMatchObject({ chineseBlocks: 43, englishBlocks: 51 });
    expect(json.pairs.flatMap((pair) => pair.target)).toEqual(Array.from({ length: 51 }, (_, i) => i));
    expect(json.pairs.flatMap((pair) => pair.source)).toEqual(Array.from({ length: 43 }, (_, i) => i));
    // The credits and the translator's note at the top, the related articles at the end.
    expect(json.pairs.filter((pair) => pair.kind === '0-1').map((pair) => pair.target[0])).toEqual([1, 2, 3, 4, 47, 48, 49, 50]);
    const signedUp = json.pairs.find((pair) => pair.sourceText.startsWith('我报名参加了麻醉插管突击队'));
    expect(signedUp).toMatchObject({ kind: '1-1', targetText: expect.stringMatching(/^I signed up for an anesthesia intubation commando/) as unknown });
    // Aligning reads; it opens no data folder.
    expect(existsSync(data)).toBe(false);
  });

  test('prints a two-column listing, one line a pair, and the totals', async () => {
    const result = await duet('align', ZHIHU, SEED_ARTICLE);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(51 + 1);
    expect(lines[1]).toMatch(/^ {2}1 {2}0-1 {2}0\.\d\d {2}-:1 +— +Author: LIN Chumian, Anonymous Zhihu User$/);
    expect(lines[12]).toMatch(
      /^ 12 {2}1-1 {2}1\.00 {2}8:12 +我报名参加了麻醉插管突击队，来协和西院… +I signed up for an anesthesia intubation commando and had b…$/,
    );
    expect(lines.at(-1)).toBe('43 Chinese blocks, 51 English blocks: 43 1-1, 0 1-2, 0 2-1, 8 English unmatched, 0 Chinese unmatched');
  });

  test('--into-tm stores the translated pairs as units that `duet tm lookup` finds; a second run adds nothing', async () => {
    const data = freshData();
    const result = await duet('align', ZHIHU, SEED_ARTICLE, '--into-tm', '--data', data);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // 43 pairs: 2 rules and 1 figure without a caption have no text, and 3 English blocks are the Chinese itself (the title, 回答 twice).
    expect(result.stdout.trimEnd().split('\n').slice(-2)).toEqual([
      '37 added, 0 unchanged, 3 skipped (no text on one side: rules, figures without captions)',
      '3 left out: the English side is Chinese text (a title kept in the original)',
    ]);
    expect(memoryUnitCount(data)).toBe(37);

    const lookup = await duet('tm', 'lookup', '我报名参加了麻醉插管突击队，来协和西院已经一个多星期了。', '--json', '--data', data);
    expect(lookup.code).toBe(0);
    const [match] = JSON.parse(lookup.stdout) as TmMatch[];
    expect(match).toMatchObject({
      score: 100,
      status: 'imported',
      targetText: 'I signed up for an anesthesia intubation commando and had been in the Union Hospital West Campus for more than a week.',
      origin: { kind: 'import', file: basename(SEED_ARTICLE) },
    });

    // A figure's caption is a unit too, and keeps the figure.
    const caption = await duet('tm', 'lookup', '来自隔离病房里一部污染手机的珍贵照片', '--json', '--data', data);
    expect((JSON.parse(caption.stdout) as TmMatch[])[0]).toMatchObject({
      score: 100,
      targetText: 'Precious image from a contaminated cell phone in an isolation ward',
    });

    const again = await duet('align', ZHIHU, SEED_ARTICLE, '--into-tm', '--json', '--data', data);
    expect((JSON.parse(again.stdout) as { imported: unknown }).imported).toEqual({ added: 0, unchanged: 37, skipped: 3, untranslated: 3 });
    expect(memoryUnitCount(data)).toBe(37);
  });
});

describe('duet align refuses', () => {
  test('a missing file, a file with no blocks, or the wrong number of arguments, storing nothing', async () => {
    const data = freshData();
    const source = join(root, 'source.txt');
    writeFileSync(source, '第一段。\n\n第二段。\n');
    const missing = await duet('align', source, join(root, 'no-such.md'), '--into-tm', '--data', data);
    expect(missing).toEqual({ code: 1, stdout: '', stderr: `duet align: cannot read ${join(root, 'no-such.md')}: no such file\n` });

    const onlyFrontMatter = join(root, 'empty-post.md');
    writeFileSync(onlyFrontMatter, '---\ntitle: "Nothing"\n---\n');
    const empty = await duet('align', source, onlyFrontMatter, '--into-tm', '--data', data);
    expect(empty).toEqual({ code: 1, stdout: '', stderr: `duet align: ${onlyFrontMatter} has no Markdown blocks to align\n` });
    expect(existsSync(data)).toBe(false);

    const one = await duet('align', source);
    expect(one.code).toBe(2);
    expect(one.stderr).toBe('duet align: expected 2 arguments, got 1 (try: duet help)\n');
  });

  test('aligns a plain-text source with a post that adds a note, and stores only what translates', async () => {
    const data = freshData();
    const source = join(root, 'short.txt');
    writeFileSync(source, '这家医院有八百张病床，每天要做四百次检查。\n\n他们说，最困难的时候已经过去了。\n');
    const post = join(root, '2020-03-01-short.md');
    writeFileSync(
      post,
      '---\ntitle: "Short"\n---\n\nThe hospital has 800 beds and performs 400 examinations every single day.\n\n*A note from the translator, who visited the hospital in March and wrote this down. -- the translator*\n\nThey say that the hardest time of all is already behind them now.\n',
    );
    const result = await duet('align', source, post, '--into-tm', '--json', '--data', data);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as AlignmentJson & { imported: unknown };
    expect(json.pairs.map((pair) => `${pair.kind} ${pair.source.join('+')}:${pair.target.join('+')}`)).toEqual(['1-1 0:0', '0-1 :1', '1-1 1:2']);
    expect(json.imported).toEqual({ added: 2, unchanged: 0, skipped: 0, untranslated: 0 });
  });
});
