/**
 * Translation-memory benchmark: how long a lookup takes at 100,000 and
 * 1,000,000 units, whether it still finds what it should, and how fast a TMX
 * file of 100,000 units is read and imported.
 *
 *   npm run bench:tm                              100,000 and 1,000,000 units
 *   npm run bench:tm -- --sizes 10000             a quick run
 *   npm run bench:tm -- --sizes 100000 --queries 300 --tmx 100000 --keep
 *   npm run bench:tm -- --sizes 1000000 --tmx 0 --reuse /tmp/duet-memory-XXXX   measure a kept folder again
 *
 * The memory is the server's own: a temp data folder opened with
 * openDataFolder (every migration, the server's pragmas) and a
 * SqliteTranslationMemory on its database, filled with importUnits in batches
 * of 10,000 (one transaction each). The sizes are reached in turn in the same
 * memory: it is filled to the first, measured, filled on to the next.
 *
 * Sources are synthetic but shaped like Chinese: 15–80 characters of words
 * drawn with a Zipf distribution (s = 1) from a vocabulary of about 4,000
 * words of 1–4 characters: the character n-grams of the real Chinese article
 * in ../shared/fixtures/sources (every character, every 2–4-gram seen at least
 * twice, ranked by how often), padded with words of seeded random common CJK
 * characters; now and then a number (`2020年`, `3.5亿`) or a Latin name, a
 * comma between clauses, a full stop at the end. Sentence i is generated from
 * seed i, so a query can rebuild any stored source without keeping them all.
 * Targets are short English strings.
 *
 * Lookups are the server's (lookup with threshold 70, top 5, no context), timed
 * one by one with performance.now(), after a warm-up, over three kinds of
 * query: (a) a stored source as it is, (b) a stored source with 1–3 of its
 * Chinese characters replaced, (c) a new sentence from the same generator (a
 * seed no stored unit has). Quality checks: every (a) offers its unit at 100 %;
 * every one-character (b) offers its unit first at ≥ 90 %; no (c) offers
 * anything.
 *
 * Where the time goes inside a lookup: run it with --cpu-prof (node's
 * profiler) rather than with a copy of the lookup, which would drift from it.
 *
 * TMX, before the lookups: 100,000 units (fresh sentences, not the ones
 * above) written with writeTmx, then readTmx and importUnits into an empty
 * memory in another data folder, each timed.
 *
 * A measurement, not a test: nothing here passes or fails on timings.
 * Writes bench/results/memory-latest.json.
 */
import { readFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../shared/schema/schema';
import { characterTokens } from '../shared/memory/match-text';
import { readTmx, writeTmx, type TmxUnit } from '../shared/memory/tmx';
import type { TmMatch } from '../shared/protocol/memory-api';
import { SqliteTranslationMemory } from '../server/memory/sqlite-memory';
import type { ImportedUnit } from '../server/memory/translation-memory';
import { openDataFolder, type DataFolder } from '../server/store/data-dir';
import { REPO_ROOT } from './lib/server-process';
import { cell, formatTable, percentile, round } from './lib/stats';

/** The targets. */
const TARGET_P95_MS: Record<number, number> = { 100_000: 30, 1_000_000: 60 };
const TARGET_TMX_SECONDS = 20;
const THRESHOLD = 70;
const BATCH = 10_000;
/** Past this, filling the next size is given up: the benchmark measures what it has. */
const FILL_BUDGET_MS = 8 * 60_000;
const SOURCES_FIXTURE = join(REPO_ROOT, '..', 'shared', 'fixtures', 'sources', 'zhihu-372335557.pairs.json');
/** Seeds of new sentences start here: no stored unit has one. */
const NEW_SEED = 2_000_000_000;

// ---------------------------------------------------------------- synthetic Chinese

/** mulberry32: small, fast, seedable. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Vocabulary {
  words: string[];
  /** Cumulative Zipf weights, for a binary search. */
  cumulative: Float64Array;
  /** Single characters, for replacements. */
  chars: string[];
  fromFixture: number;
}

const VOCABULARY_SIZE = 4000;
const LATIN_NAMES = ['Google', 'Alibaba', 'DAMO', 'OpenAI', 'Transformer', 'GPU', 'Python', 'Zhihu', 'Bill Gates', 'AlphaGo', 'BERT', 'IEEE'];

function fixtureText(): string | null {
  try {
    const data = JSON.parse(readFileSync(SOURCES_FIXTURE, 'utf8')) as { pairs: { source: { text?: string; caption?: string } | null }[] };
    return data.pairs.map((pair) => `${pair.source?.text ?? ''}\n${pair.source?.caption ?? ''}`).join('\n');
  } catch {
    return null;
  }
}

function buildVocabulary(): Vocabulary {
  const counts = new Map<string, number>();
  const text = fixtureText();
  if (text === null) console.log(`  (${SOURCES_FIXTURE} not found: the vocabulary is all synthetic)`);
  for (const run of text?.match(/\p{Script=Han}+/gu) ?? []) {
    const chars = [...run];
    for (let n = 1; n <= 4; n++)
      for (let i = 0; i + n <= chars.length; i++) {
        const gram = chars.slice(i, i + n).join('');
        counts.set(gram, (counts.get(gram) ?? 0) + 1);
      }
  }
  const real = [...counts.entries()]
    .filter(([gram, count]) => [...gram].length === 1 || count >= 2)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([gram]) => gram);
  const words = real.slice(0, VOCABULARY_SIZE);
  const seen = new Set(words);
  const random = prng(7);
  // Mostly the fixture's own characters (so trigrams overlap as in real text), some from the first 3,500 of the URO.
  const fixtureChars = real.filter((gram) => [...gram].length === 1);
  const commonChar = () =>
    fixtureChars.length > 0 && random() < 0.7
      ? fixtureChars[Math.floor(random() * random() * fixtureChars.length)]!
      : String.fromCodePoint(0x4e00 + Math.floor(random() * 3500));
  while (words.length < VOCABULARY_SIZE) {
    const r = random();
    const length = r < 0.25 ? 1 : r < 0.8 ? 2 : r < 0.93 ? 3 : 4;
    let word = '';
    for (let i = 0; i < length; i++) word += commonChar();
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  // Real words first, so they are the frequent ones; the synthetic ones make the long tail.
  const cumulative = new Float64Array(words.length);
  let sum = 0;
  for (let i = 0; i < words.length; i++) cumulative[i] = sum += 1 / (i + 1);
  const chars = [...new Set(words.flatMap((word) => [...word]))];
  return { words, cumulative, chars, fromFixture: Math.min(real.length, VOCABULARY_SIZE) };
}

function drawWord(vocabulary: Vocabulary, random: () => number): string {
  const { cumulative, words } = vocabulary;
  const x = random() * cumulative[cumulative.length - 1]!;
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cumulative[mid]! < x) low = mid + 1;
    else high = mid;
  }
  return words[low]!;
}

/** Sentence `seed`: 15–80 characters, always the same for the same seed. */
function sentence(vocabulary: Vocabulary, seed: number): string {
  const random = prng(seed * 2654435761 + 1);
  const length = 15 + Math.floor(random() * 66);
  let text = '';
  let clause = 0;
  while ([...text].length < length - 1) {
    const r = random();
    if (r < 0.03) text += `${1990 + Math.floor(random() * 35)}年`;
    else if (r < 0.05) text += `${Math.floor(random() * 100) / 10}亿`;
    else if (r < 0.065) text += ` ${LATIN_NAMES[Math.floor(random() * LATIN_NAMES.length)]!} `;
    else text += drawWord(vocabulary, random);
    clause++;
    if (clause > 6 && random() < 0.15) {
      text += '，';
      clause = 0;
    }
  }
  return `${[...text.trim()].slice(0, length - 1).join('')}。`;
}

/** `count` of the source's Chinese characters replaced by other ones, at distinct places. */
function changeChars(vocabulary: Vocabulary, source: string, count: number, seed: number): string {
  const random = prng(seed);
  const chars = [...source];
  const places = chars.map((char, i) => (/\p{Script=Han}/u.test(char) ? i : -1)).filter((i) => i >= 0);
  for (let k = 0; k < count && places.length > 0; k++) {
    const at = places.splice(Math.floor(random() * places.length), 1)[0]!;
    let replacement = chars[at]!;
    while (replacement === chars[at]) replacement = vocabulary.chars[Math.floor(random() * vocabulary.chars.length)]!;
    chars[at] = replacement;
  }
  return chars.join('');
}

const side = (text: string): PMNode => schema.node('doc', null, [schema.node('paragraph', null, [schema.text(text)])]);
const targetOf = (seed: number): string => `Synthetic translation number ${seed}, short and plain.`;

function* units(vocabulary: Vocabulary, from: number, to: number): Generator<ImportedUnit> {
  for (let i = from; i < to; i++)
    yield {
      source: side(sentence(vocabulary, i)),
      target: side(targetOf(i)),
      author: 'bench',
      createdAt: 1_600_000_000_000 + i,
      changedAt: null,
      usedCount: 0,
    };
}

// ---------------------------------------------------------------- lookups

type Kind = 'exact' | 'changed1' | 'changed2-3' | 'unrelated';
const KINDS: Kind[] = ['exact', 'changed1', 'changed2-3', 'unrelated'];

interface Query {
  kind: Kind;
  source: string;
  /** The stored unit's seed it was made from (its id is seed + 1), or null for a new sentence. */
  seed: number | null;
}

interface Latency {
  count: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  mean: number | null;
}

const latency = (samples: readonly number[]): Latency => ({
  count: samples.length,
  p50: round(percentile(samples, 50), 2),
  p95: round(percentile(samples, 95), 2),
  p99: round(percentile(samples, 99), 2),
  max: round(samples.length ? Math.max(...samples) : null, 2),
  mean: round(samples.length ? samples.reduce((a, b) => a + b, 0) / samples.length : null, 2),
});

interface SizeResult {
  units: number;
  fillSeconds: number;
  unitsPerSecond: number;
  dbMegabytes: number;
  queriesPerKind: number;
  latency: Record<Kind | 'all', Latency>;
  quality: {
    exactFound: number;
    exactTotal: number;
    changed1First90: number;
    changed1First: number;
    changed1Total: number;
    /** One-character queries of under 10 tokens: one edit in n < 10 scores floor(100 (1 − 1/n)) < 90, whatever the memory does. */
    changed1Short: number;
    changed23Found: number;
    changed23Total: number;
    unrelatedEmpty: number;
    unrelatedTotal: number;
  };
  targetP95Ms: number | null;
}

function makeQueries(vocabulary: Vocabulary, size: number, perKind: number, salt: number): Query[] {
  const random = prng(1000 + salt);
  const stored = () => Math.floor(random() * size);
  const queries: Query[] = [];
  for (let i = 0; i < perKind; i++) {
    const a = stored();
    queries.push({ kind: 'exact', source: sentence(vocabulary, a), seed: a });
    const b = stored();
    queries.push({ kind: 'changed1', source: changeChars(vocabulary, sentence(vocabulary, b), 1, salt * 7919 + i), seed: b });
    const c = stored();
    queries.push({ kind: 'changed2-3', source: changeChars(vocabulary, sentence(vocabulary, c), 2 + (i % 2), salt * 104729 + i), seed: c });
    queries.push({ kind: 'unrelated', source: sentence(vocabulary, NEW_SEED + salt * 100_000 + i), seed: null });
  }
  // Interleaved already (one of each kind in turn), so a drift in the machine's load touches every kind alike.
  return queries;
}

/** The lookup's fuzzy pass again, its steps timed apart (statements as in sqlite-memory.ts). */
function measureSize(
  vocabulary: Vocabulary,
  memory: SqliteTranslationMemory,
  size: number,
  perKind: number,
  fill: { seconds: number; units: number; megabytes: number },
): SizeResult {
  // Warm-up: the first lookups pay for pages coming into the cache and the JIT.
  for (const query of makeQueries(vocabulary, size, 10, size + 1)) memory.lookup({ source: query.source, threshold: THRESHOLD });
  const queries = makeQueries(vocabulary, size, perKind, size);
  const samples: Record<Kind, number[]> = { exact: [], changed1: [], 'changed2-3': [], unrelated: [] };
  const quality = {
    exactFound: 0,
    exactTotal: 0,
    changed1First90: 0,
    changed1First: 0,
    changed1Total: 0,
    changed1Short: 0,
    changed23Found: 0,
    changed23Total: 0,
    unrelatedEmpty: 0,
    unrelatedTotal: 0,
  };
  const failures: string[] = [];
  let done = 0;
  for (const query of queries) {
    const started = performance.now();
    const matches: TmMatch[] = memory.lookup({ source: query.source, threshold: THRESHOLD });
    samples[query.kind].push(performance.now() - started);
    const unitId = query.seed === null ? null : query.seed + 1;
    if (query.kind === 'exact') {
      quality.exactTotal++;
      if (matches.some((m) => m.unitId === unitId && m.score === 100)) quality.exactFound++;
      else if (failures.length < 5) failures.push(`exact ${JSON.stringify(query.source)} → ${JSON.stringify(matches.map((m) => [m.unitId, m.score]))}`);
    } else if (query.kind === 'changed1') {
      quality.changed1Total++;
      if (characterTokens(query.source).length < 10) quality.changed1Short++;
      if (matches[0]?.unitId === unitId) quality.changed1First++;
      if (matches[0]?.unitId === unitId && matches[0].score >= 90) quality.changed1First90++;
      else if (failures.length < 5)
        failures.push(
          `changed1 ${JSON.stringify(query.source)} (${characterTokens(query.source).length} tokens) → ${JSON.stringify(matches.map((m) => [m.unitId, m.score]))}, wanted ${unitId}`,
        );
    } else if (query.kind === 'changed2-3') {
      quality.changed23Total++;
      if (matches.some((m) => m.unitId === unitId)) quality.changed23Found++;
    } else {
      quality.unrelatedTotal++;
      if (matches.length === 0) quality.unrelatedEmpty++;
      else if (failures.length < 5) failures.push(`unrelated ${JSON.stringify(query.source)} → ${JSON.stringify(matches.map((m) => [m.unitId, m.score]))}`);
    }
    if (++done % 400 === 0) console.log(`    ${done}/${queries.length} lookups`);
  }
  for (const failure of failures) console.log(`    quality miss: ${failure}`);
  const result: SizeResult = {
    units: size,
    fillSeconds: round(fill.seconds, 1)!,
    // Reusing a kept folder fills nothing: no rate to show.
    unitsPerSecond: fill.units > 0 ? Math.round(fill.units / fill.seconds) : 0,
    dbMegabytes: round(fill.megabytes, 0)!,
    queriesPerKind: perKind,
    latency: {
      exact: latency(samples.exact),
      changed1: latency(samples.changed1),
      'changed2-3': latency(samples['changed2-3']),
      unrelated: latency(samples.unrelated),
      all: latency(KINDS.flatMap((kind) => samples[kind])),
    },
    quality,
    targetP95Ms: TARGET_P95_MS[size] ?? null,
  };
  return result;
}

const dbMegabytes = (folder: DataFolder): number => {
  let bytes = 0;
  for (const suffix of ['', '-wal']) {
    try {
      bytes += statSync(`${folder.db.name}${suffix}`).size;
    } catch {
      // no WAL file
    }
  }
  return bytes / 1024 / 1024;
};

// ---------------------------------------------------------------- TMX

interface TmxResult {
  units: number;
  fileMegabytes: number;
  writeSeconds: number;
  readSeconds: number;
  importSeconds: number;
  readPlusImportSeconds: number;
  added: number;
  targetSeconds: number;
  error: string | null;
}

function measureTmx(vocabulary: Vocabulary, root: string, count: number): TmxResult {
  const base = NEW_SEED + 500_000_000;
  const tmxUnits: TmxUnit[] = [];
  for (let i = 0; i < count; i++)
    tmxUnits.push({
      source: side(sentence(vocabulary, base + i)),
      target: side(targetOf(base + i)),
      author: 'bench',
      createdAt: Date.UTC(2020, 0, 1) + i * 1000,
      changedBy: null,
      changedAt: null,
      usedCount: 0,
      lastUsedAt: null,
      note: null,
      props: {},
    });
  let started = performance.now();
  const text = writeTmx(tmxUnits, { tool: 'Duet', toolVersion: 'bench' });
  const writeSeconds = (performance.now() - started) / 1000;
  const file = join(root, 'bench.tmx');
  writeFileSync(file, text);
  const fileMegabytes = statSync(file).size / 1024 / 1024;
  tmxUnits.length = 0;
  const result: TmxResult = {
    units: count,
    fileMegabytes: round(fileMegabytes, 1)!,
    writeSeconds: round(writeSeconds, 2)!,
    readSeconds: 0,
    importSeconds: 0,
    readPlusImportSeconds: 0,
    added: 0,
    targetSeconds: TARGET_TMX_SECONDS,
    error: null,
  };
  const folder = openDataFolder(join(root, 'tmx-data'));
  try {
    const memory = new SqliteTranslationMemory(folder.db);
    started = performance.now();
    const reading = readTmx(readFileSync(file, 'utf8'));
    result.readSeconds = round((performance.now() - started) / 1000, 2)!;
    started = performance.now();
    const summary = memory.importUnits(reading.units, 'bench.tmx', Date.now());
    result.importSeconds = round((performance.now() - started) / 1000, 2)!;
    result.added = summary.added;
    result.readPlusImportSeconds = round(result.readSeconds + result.importSeconds, 2)!;
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  } finally {
    folder.close();
  }
  return result;
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '100000,1000000' },
      queries: { type: 'string', default: '250' },
      tmx: { type: 'string', default: '100000' },
      keep: { type: 'boolean', default: false },
      reuse: { type: 'string' },
    },
  });
  const sizes = values.sizes
    .split(',')
    .map(Number)
    .sort((a, b) => a - b);
  if (sizes.some((n) => !Number.isInteger(n) || n < 100)) throw new Error('--sizes takes unit counts of at least 100, comma-separated');
  const perKind = Number(values.queries);
  const tmxCount = Number(values.tmx);
  if (!(perKind > 0) || !(tmxCount >= 0)) throw new Error('--queries takes a positive count, --tmx a count (0 skips the TMX part)');

  const startedAt = new Date().toISOString();
  const started = performance.now();
  console.log(
    `Memory benchmark: SqliteTranslationMemory in a temp data folder — node ${process.version}, ${cpus()[0]?.model ?? '?'} ×${cpus().length}; ` +
      `sizes ${sizes.join(', ')}; ${perKind} lookups of each kind (threshold ${THRESHOLD}, top 5); TMX ${tmxCount} units`,
  );
  const vocabulary = buildVocabulary();
  console.log(`  vocabulary: ${vocabulary.words.length} words (${vocabulary.fromFixture} from the fixture), e.g. ${sentence(vocabulary, 0)}`);
  // A folder kept by an earlier run (--keep) is measured again, filled on only past what it holds: a change to the lookup is measured at a million units without four minutes of filling.
  const root = values.reuse ?? mkdtempSync(join(tmpdir(), 'duet-memory-'));
  const results: SizeResult[] = [];
  const skipped: { units: number; reason: string }[] = [];
  let tmx: TmxResult | null = null;
  try {
    // The TMX part first: after a million-unit fill the system is still writing 1.4 GB out to the
    // disk, and an import measured then took half as long again (23.5 s against 13–15 s alone).
    if (tmxCount > 0) {
      console.log(`  TMX: writing ${tmxCount} units…`);
      tmx = measureTmx(vocabulary, root, tmxCount);
    }
    const folder = openDataFolder(join(root, 'data'));
    try {
      const memory = new SqliteTranslationMemory(folder.db);
      let filled = memory.stats().units;
      // A kept folder's units were filled by an earlier run: only what this run adds has a rate.
      const kept = filled;
      let fillMs = 0;
      for (const size of sizes) {
        const fillStarted = performance.now();
        let lastReport = fillStarted;
        let gaveUp = false;
        while (filled < size) {
          const to = Math.min(size, filled + BATCH);
          const summary = memory.importUnits(units(vocabulary, filled, to), 'bench', Date.now());
          if (summary.added !== to - filled) console.log(`  warning: batch ${filled}–${to} added ${summary.added} (${summary.unchanged} unchanged)`);
          filled = to;
          const now = performance.now();
          if (now - lastReport > 10_000 || filled === size) {
            lastReport = now;
            console.log(`  filling: ${filled}/${size} units, ${Math.round((filled * 1000) / (fillMs + now - fillStarted))}/s`);
          }
          if (fillMs + now - fillStarted > FILL_BUDGET_MS && filled < size) {
            gaveUp = true;
            break;
          }
        }
        fillMs += performance.now() - fillStarted;
        if (gaveUp) {
          const reason = `filling stopped at ${filled} units after ${(fillMs / 60_000).toFixed(1)} min (budget ${FILL_BUDGET_MS / 60_000} min)`;
          console.log(`  ${size}: ${reason}; measuring at ${filled}`);
          skipped.push({ units: size, reason });
        }
        folder.db.pragma('wal_checkpoint(TRUNCATE)');
        console.log(`  lookups at ${filled} units…`);
        const result = measureSize(vocabulary, memory, filled, perKind, { seconds: fillMs / 1000, units: filled - kept, megabytes: dbMegabytes(folder) });
        results.push(result);
        const all = result.latency.all;
        console.log(`  ${filled} units: p50/p95/p99 ${cell(all.p50)}/${cell(all.p95)}/${cell(all.p99)} ms`);
        if (gaveUp) break;
      }
    } finally {
      folder.close();
    }
  } finally {
    if (!values.keep && !values.reuse) rmSync(root, { recursive: true, force: true });
    else console.log(`  kept ${root}`);
  }

  // ------------------------------------------------------------ summary
  console.log('');
  const rows: string[][] = [['units', 'query', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'target p95']];
  for (const r of results) {
    for (const kind of [...KINDS, 'all'] as const) {
      const l = r.latency[kind];
      rows.push([
        String(r.units),
        kind,
        String(l.count),
        cell(l.p50),
        cell(l.p95),
        cell(l.p99),
        cell(l.max),
        kind === 'all' && r.targetP95Ms !== null ? `≤ ${r.targetP95Ms} ${l.p95 !== null && l.p95 <= r.targetP95Ms ? 'met' : 'MISSED'}` : '',
      ]);
    }
  }
  console.log(formatTable(rows, 2));
  console.log('');
  const quality: string[][] = [
    ['units', 'exact at 100 %', 'one char changed: first, ≥ 90 % (first at all)', '2–3 changed: offered', 'unrelated: nothing ≥ 70 %', 'fill', 'database'],
  ];
  for (const r of results) {
    const q = r.quality;
    quality.push([
      String(r.units),
      `${q.exactFound}/${q.exactTotal}`,
      `${q.changed1First90}/${q.changed1Total} (${q.changed1First}; ${q.changed1Short} under 10 tokens)`,
      `${q.changed23Found}/${q.changed23Total}`,
      `${q.unrelatedEmpty}/${q.unrelatedTotal}`,
      r.unitsPerSecond > 0 ? `${r.fillSeconds} s (${r.unitsPerSecond}/s)` : 'kept folder',
      `${r.dbMegabytes} MB`,
    ]);
  }
  console.log(formatTable(quality));
  console.log('');
  for (const s of skipped) console.log(`  ${s.units} units not reached: ${s.reason}`);
  if (tmx) {
    console.log('');
    console.log(
      tmx.error
        ? `TMX ${tmx.units} units (${tmx.fileMegabytes} MB): FAILED: ${tmx.error}`
        : `TMX ${tmx.units} units (${tmx.fileMegabytes} MB, writeTmx ${tmx.writeSeconds} s): readTmx ${tmx.readSeconds} s + importUnits ${tmx.importSeconds} s = ` +
            `${tmx.readPlusImportSeconds} s (target ≤ ${TARGET_TMX_SECONDS} s: ${tmx.readPlusImportSeconds <= TARGET_TMX_SECONDS ? 'met' : 'MISSED'}), ${tmx.added} added`,
    );
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`Total runtime ${seconds.toFixed(1)} s.`);

  const out = join(REPO_ROOT, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'memory-latest.json'),
    `${JSON.stringify(
      {
        benchmark: 'memory',
        startedAt,
        runtimeSeconds: round(seconds, 1),
        node: process.version,
        cpuModel: cpus()[0]?.model ?? null,
        settings: {
          sizes,
          queriesPerKind: perKind,
          threshold: THRESHOLD,
          batch: BATCH,
          vocabulary: vocabulary.words.length,
          vocabularyFromFixture: vocabulary.fromFixture,
        },
        targets: { lookupP95Ms: TARGET_P95_MS, tmxSeconds: TARGET_TMX_SECONDS },
        results,
        skipped,
        tmx,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`Wrote ${join('bench', 'results', 'memory-latest.json')}.`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
