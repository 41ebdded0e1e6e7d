/**
 * The editor benchmark's articles, generated deterministically (the same bytes
 * of text on every run) as the research note describes: English targets of
 * about 300 characters, each built in the Y.Doc from 6 out-of-order inserts
 * plus 2 typos typed and deleted, so its items look like edited text rather
 * than one bulk insert; Chinese sources of 120 CJK characters with punctuation.
 */
import * as Y from 'yjs';
import { createArticle, type SegmentInit } from '../../shared/article/article';
import { doc, p } from '../../shared/testing/builders';
import { targetXmlText } from '../../shared/testing/target-text';

export interface BenchTexts {
  sources: string[];
  targets: string[];
}

export interface GeneratedArticle extends BenchTexts {
  /** The whole article as one Yjs update, as Duet stores a new article. */
  update: Uint8Array;
  segmentIds: string[];
}

/** mulberry32: small, fast and the same everywhere. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the of and to in is that for it as was with be by on not he this are or his from at which but have an they you were her ' +
  'translation source meaning reader language sentence chapter history market century culture government research evidence ' +
  'people century policy question answer example change between during because through another before however although ' +
  'whether several important different possible economic political social public private national international system ' +
  'model network platform company students teachers scientists engineers families villages cities rivers mountains'
).split(' ');

const CJK =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经' +
  '十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形' +
  '相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理世';

function englishText(next: () => number): string {
  let text = '';
  while (text.length < 260) {
    const sentence: string[] = [];
    const length = 8 + Math.floor(next() * 10);
    for (let i = 0; i < length; i++) sentence.push(WORDS[Math.floor(next() * WORDS.length)]!);
    const first = sentence[0]!;
    sentence[0] = first[0]!.toUpperCase() + first.slice(1);
    text += (text ? ' ' : '') + sentence.join(' ') + '.';
  }
  return text;
}

function chineseText(next: () => number): string {
  let text = '';
  let sinceComma = 0;
  while (text.length < 119) {
    if (sinceComma > 12 && next() < 0.25) {
      text += '，';
      sinceComma = 0;
    } else {
      text += CJK[Math.floor(next() * CJK.length)]!;
      sinceComma++;
    }
  }
  return `${text}。`;
}

/** Cut `text` into `parts` pieces at word boundaries where possible. */
function chunks(text: string, parts: number, next: () => number): string[] {
  const cuts: number[] = [];
  for (let k = 1; k < parts; k++) {
    const around = Math.floor((text.length * k) / parts + (next() - 0.5) * 20);
    const space = text.indexOf(' ', around);
    cuts.push(space > 0 && space < text.length - 1 ? space + 1 : around);
  }
  const sorted = [...new Set(cuts)].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const cut of sorted) {
    if (cut > from) out.push(text.slice(from, cut));
    from = Math.max(from, cut);
  }
  out.push(text.slice(from));
  return out;
}

/** The order the six pieces of a target are typed in: not front to back. */
const INSERT_ORDER = [2, 0, 4, 1, 5, 3];

export const segmentId = (index: number): string => `s${String(index).padStart(4, '0')}`;

export function generateArticle(segments: number, seed = 20_240_611): GeneratedArticle {
  const next = random(seed);
  const sources: string[] = [];
  const targets: string[] = [];
  for (let i = 0; i < segments; i++) {
    sources.push(chineseText(next));
    targets.push(englishText(next));
  }
  const ydoc = new Y.Doc();
  // A fixed client id: the same items, ids and bytes on every run.
  ydoc.clientID = 0x5eed;
  const pieces = targets.map((text) => chunks(text, INSERT_ORDER.length, next));
  const inits: SegmentInit[] = sources.map((source, i) => ({
    id: segmentId(i),
    source: doc(p(source)),
    target: doc(p(pieces[i]![INSERT_ORDER[0]!] ?? '')),
    status: 'draft',
  }));
  createArticle(ydoc, {
    meta: { sourceTitle: `基准文章（${segments}段）`, createdAt: '2024-06-11T00:00:00.000Z' },
    frontMatter: [{ key: 'title', value: `Editor benchmark, ${segments} segments` }],
    segments: inits,
  });
  // The rest of each target, piece by piece out of order, with two typos typed and deleted on the way.
  for (let i = 0; i < segments; i++) {
    const id = segmentId(i);
    const text = targetXmlText(ydoc, id);
    const parts = pieces[i]!;
    const inserted = new Set([INSERT_ORDER[0]!]);
    const typoAfter = new Set([1 + Math.floor(next() * 2), 3 + Math.floor(next() * 2)]);
    for (let step = 1; step < INSERT_ORDER.length; step++) {
      const piece = INSERT_ORDER[step]!;
      if (piece >= parts.length) continue;
      let at = 0;
      for (const done of inserted) if (done < piece) at += parts[done]!.length;
      ydoc.transact(() => text.insert(at, parts[piece]!));
      inserted.add(piece);
      if (typoAfter.has(step)) {
        const where = Math.floor(next() * text.length);
        ydoc.transact(() => text.insert(where, 'teh'));
        ydoc.transact(() => text.delete(where, 3));
      }
    }
    const written = text.toString();
    if (written !== targets[i]) throw new Error(`generated target ${id} does not read back: ${JSON.stringify(written.slice(0, 60))}…`);
  }
  const update = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  return { update, sources, targets, segmentIds: sources.map((_, i) => segmentId(i)) };
}
