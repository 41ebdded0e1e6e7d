/**
 * Serializer benchmark: how long the house-style Markdown serializer
 * (shared/markdown/serialize-block.ts) takes for one block, on adversarial
 * blocks and on an ordinary article. Issue 20's target: **under 20 ms a
 * block** for runs of `*`, `_`, `` ` ``, `[`, `<`, `\` (and the mixed ones
 * below) of 10,000 characters each, since the server writes a settled
 * segment's Markdown for history and every export writes every edited block.
 *
 *   npm run bench:serialize                      every block at 10,000 characters, the seed article
 *   npm run bench:serialize -- --chars 1000      other lengths (the old serializer needs seconds at 1,000)
 *   npm run bench:serialize -- --only 'a*,[[['   some blocks (names as printed)
 *   npm run bench:serialize -- --no-check        skip the read-back check (it parses each output once)
 *
 * Each block is one paragraph (or figure) built directly in the schema and
 * serialized with serializeBlock, as the server's history recorder and every
 * export call it. First every block is serialized once at 1,000 characters,
 * untimed, so that V8 has compiled the serializer (a running server has);
 * then each block is timed once at full size ("first call", printed too),
 * then again until 200 ms have been spent on it or `--runs` times (default
 * 20): the median and the slowest of all its runs are printed.
 * Outside the timing, the output is parsed back with the project's own parser
 * (shared/markdown/parse-markdown.ts, which the round-trip tests use) and
 * compared with the block: "reads back" says whether it is the same document.
 *
 * The reference is the published seed article (../shared/fixtures/published/
 * 2020-02-23-how-to-view-ali-damo-ai.md) imported as the server imports it:
 * every target block serialized as if it had been edited, with how many come
 * out as the very bytes the file holds (the house style is that file's).
 *
 * A measurement, not a test: nothing here passes or fails on a timing.
 * Writes bench/results/serialize-latest.json.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Mark, Node as PMNode } from 'prosemirror-model';
import * as Y from 'yjs';
import { createArticle, readArticle } from '../shared/article/article';
import { schema } from '../shared/schema/schema';
import { articleFromMarkdown } from '../shared/markdown/article-markdown';
import { parseMarkdownBlocks } from '../shared/markdown/parse-markdown';
import { normalizeBlock, serializeBlock } from '../shared/markdown/serialize-block';
import { REPO_ROOT } from './lib/server-process';
import { cell, formatTable, round } from './lib/stats';

/** Issue 20's target for one block of 10,000 characters. */
const TARGET_MS = 20;
/** Keep timing a block until this much time has been spent on it (or --runs). */
const TIME_PER_BLOCK_MS = 200;
const SEED_ARTICLE = join(REPO_ROOT, '..', 'shared', 'fixtures', 'published', '2020-02-23-how-to-view-ali-damo-ai.md');

interface Adversary {
  name: string;
  /** In the issue's list (the target is about these); the others probe more of the serializer. */
  issue: boolean;
  build(chars: number): PMNode;
}

/** `unit` repeated to exactly `chars` characters. */
const run = (unit: string, chars: number): string => unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
const paragraph = (...content: PMNode[]): PMNode => schema.nodes.paragraph!.create(null, content);
const text = (value: string, marks: readonly Mark[] = []): PMNode => schema.text(value, marks);
const textRun =
  (unit: string): Adversary['build'] =>
  (chars) =>
    paragraph(text(run(unit, chars)));

/** Words alternately plain and marked, to about `chars` characters: many delimiters, each pair short. */
function marked(mark: Mark, word: string): Adversary['build'] {
  return (chars) => {
    const content: PMNode[] = [];
    for (let length = 0; length < chars; length += 2 * word.length + 1) content.push(text(`${word} `), text(word, [mark]));
    return paragraph(...content);
  };
}

const ADVERSARIES: Adversary[] = [
  { name: '*', issue: true, build: textRun('*') },
  { name: '_', issue: true, build: textRun('_') },
  { name: '`', issue: true, build: textRun('`') },
  { name: '[', issue: true, build: textRun('[') },
  { name: '<', issue: true, build: textRun('<') },
  { name: '\\', issue: true, build: textRun('\\') },
  { name: 'a*', issue: true, build: textRun('a*') },
  { name: '*_', issue: true, build: textRun('*_') },
  { name: '[[[', issue: true, build: textRun('[[[a') },
  { name: '`a`a`', issue: true, build: textRun('`a') },
  { name: ']', issue: false, build: textRun(']') },
  { name: '[a](b)', issue: false, build: textRun('[a](b) ') },
  { name: 'a* (closers)', issue: false, build: textRun('a* ') },
  { name: '# ~ ! mixed', issue: false, build: textRun('#~!<[]\\*_`') },
  { name: '|', issue: false, build: textRun('|') },
  { name: '&copy;', issue: false, build: textRun('&copy;') },
  { name: '{{ Liquid', issue: false, build: textRun('{{') },
  { name: 'spaces', issue: false, build: (chars) => paragraph(text(`a${' '.repeat(chars - 2)}b`)) },
  { name: 'emphasis soup', issue: false, build: marked(schema.marks.em!.create(), 'word') },
  { name: 'strong soup', issue: false, build: marked(schema.marks.strong!.create(), 'word') },
  { name: 'link soup', issue: false, build: marked(schema.marks.link!.create({ href: '/a', title: null }), 'word') },
  { name: 'code soup', issue: false, build: marked(schema.marks.code!.create(), 'w`d') },
  { name: 'caption <', issue: false, build: (chars) => schema.nodes.figure!.create({ src: '/a.png', alt: 'a' }, [text(run('<', chars))]) },
];

interface Timing {
  firstMs: number;
  medianMs: number;
  maxMs: number;
  runs: number;
}

function time(fn: () => void, maxRuns: number): Timing {
  const samples: number[] = [];
  let spent = 0;
  while (samples.length === 0 || (samples.length < maxRuns && spent < TIME_PER_BLOCK_MS)) {
    const started = performance.now();
    fn();
    const ms = performance.now() - started;
    samples.push(ms);
    spent += ms;
  }
  const firstMs = samples[0]!;
  samples.sort((a, b) => a - b);
  return { firstMs, medianMs: samples[Math.floor((samples.length - 1) / 2)]!, maxMs: samples[samples.length - 1]!, runs: samples.length };
}

function readsBack(markdown: string, block: PMNode): boolean {
  const blocks = parseMarkdownBlocks(markdown);
  return blocks.length === 1 && JSON.stringify(blocks[0]!.toJSON()) === JSON.stringify(normalizeBlock(block).toJSON());
}

interface BlockResult {
  name: string;
  issue: boolean;
  charsIn: number;
  charsOut: number;
  firstMs: number;
  medianMs: number;
  maxMs: number;
  runs: number;
  readsBack: boolean | null;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      chars: { type: 'string', default: '10000' },
      runs: { type: 'string', default: '20' },
      only: { type: 'string' },
      'no-check': { type: 'boolean', default: false },
    },
  });
  const chars = Number(values.chars);
  const maxRuns = Number(values.runs);
  if (!Number.isInteger(chars) || chars < 2) throw new Error('--chars takes a whole number of at least 2');
  if (!Number.isInteger(maxRuns) || maxRuns < 1) throw new Error('--runs takes a positive whole number');
  const only = values.only?.split(',').map((name) => name.trim());
  const adversaries = only ? ADVERSARIES.filter((adversary) => only.includes(adversary.name)) : ADVERSARIES;
  if (only && adversaries.length !== only.length)
    throw new Error(`--only: unknown block among ${only.join(', ')}; known: ${ADVERSARIES.map((a) => a.name).join(', ')}`);

  const startedAt = new Date().toISOString();
  const started = performance.now();
  console.log(
    `Serializer benchmark: serializeBlock on one block at a time — node ${process.version}, ${cpus()[0]?.model ?? '?'}, load average ${loadavg()[0]!.toFixed(2)}; ${chars} characters a block`,
  );

  const warmUp = Math.min(chars, 1000);
  for (const adversary of adversaries) serializeBlock(adversary.build(warmUp));

  const results: BlockResult[] = [];
  for (const adversary of adversaries) {
    const block = adversary.build(chars);
    let markdown = '';
    const timing = time(() => {
      markdown = serializeBlock(block);
    }, maxRuns);
    const result: BlockResult = {
      name: adversary.name,
      issue: adversary.issue,
      charsIn: block.textContent.length,
      charsOut: markdown.length,
      ...timing,
      readsBack: values['no-check'] ? null : readsBack(markdown, block),
    };
    results.push(result);
    console.log(`  ${adversary.name}: ${cell(result.medianMs, 2)} ms (${result.runs} run${result.runs === 1 ? '' : 's'})`);
  }

  // The reference: an ordinary article, every block written in the house style.
  let reference: { blocks: number; identical: number; totalMs: number; meanMs: number; maxBlockMs: number } | null = null;
  if (existsSync(SEED_ARTICLE)) {
    const source = readFileSync(SEED_ARTICLE, 'utf8');
    // Through a Y.Doc, as the server holds an imported article: each segment's target block as the serializer gets it.
    const ydoc = new Y.Doc();
    createArticle(ydoc, articleFromMarkdown(source));
    const segments = readArticle(ydoc).segments;
    const blocks = segments.map((segment) => segment.target.firstChild!);
    const identical = segments.filter((segment, i) => serializeBlock(blocks[i]!) === segment.importedMarkdown).length;
    let maxBlockMs = 0;
    for (const block of blocks) maxBlockMs = Math.max(maxBlockMs, time(() => serializeBlock(block), maxRuns).medianMs);
    const total = time(() => blocks.forEach((block) => serializeBlock(block)), maxRuns);
    reference = { blocks: blocks.length, identical, totalMs: total.medianMs, meanMs: total.medianMs / blocks.length, maxBlockMs };
  }

  const rows: string[][] = [
    ['block', 'in list', 'chars in', 'chars out', 'first call (ms)', 'ms/block (median)', 'slowest', 'runs', 'reads back', `≤ ${TARGET_MS} ms`],
  ];
  for (const r of results) {
    rows.push([
      r.name,
      r.issue ? 'yes' : '',
      String(r.charsIn),
      String(r.charsOut),
      cell(r.firstMs, 2),
      cell(r.medianMs, 2),
      cell(r.maxMs, 2),
      String(r.runs),
      r.readsBack === null ? '–' : r.readsBack ? 'yes' : 'NO',
      r.medianMs <= TARGET_MS ? 'met' : 'MISSED',
    ]);
  }
  console.log('');
  console.log(formatTable(rows, 2));
  const listed = results.filter((r) => r.issue);
  if (listed.length > 0) {
    const worst = listed.reduce((a, b) => (b.medianMs > a.medianMs ? b : a));
    console.log(`Issue 20's blocks: slowest ${worst.name} at ${cell(worst.medianMs, 2)} ms a block (target ≤ ${TARGET_MS} ms at 10,000 characters).`);
  }
  if (reference) {
    console.log(
      `Reference, the seed article: ${reference.blocks} blocks in ${cell(reference.totalMs, 1)} ms (${cell(reference.meanMs, 3)} ms a block, ` +
        `slowest block ${cell(reference.maxBlockMs, 2)} ms); ${reference.identical}/${reference.blocks} blocks written as the file holds them.`,
    );
  } else console.log(`Reference skipped: ${SEED_ARTICLE} not found.`);
  const seconds = (performance.now() - started) / 1000;
  console.log(`Total runtime ${seconds.toFixed(1)} s.`);

  const out = join(REPO_ROOT, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'serialize-latest.json'),
    `${JSON.stringify({ benchmark: 'serialize', startedAt, runtimeSeconds: round(seconds, 1), node: process.version, cpuModel: cpus()[0]?.model ?? null, settings: { chars, maxRuns, warmUpChars: warmUp }, loadAverage: loadavg(), targetMs: TARGET_MS, results, reference }, null, 2)}\n`,
  );
  console.log(`Wrote ${join('bench', 'results', 'serialize-latest.json')}.`);
}

main();
