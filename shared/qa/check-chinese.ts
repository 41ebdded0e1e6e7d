/**
 * Chinese left in a translation. Chinese characters are an error (the
 * published article would show untranslated text); Chinese (full-width)
 * punctuation beside English is a warning (it reads oddly but says the right
 * thing). The house style keeps Chinese in one place: the text of links (the
 * linked source title, `回答` above each answer, `知乎 (Zhihu)`), so linked
 * text is not checked. Image descriptions are checked, since they are
 * published too.
 */
import { issue, listed, quote, type QaIssue, type QaSegment } from './model';
import { textPieces } from './side-content';

/** Chinese characters, with the punctuation around them and the punctuation, digits and spaces between them. */
const CHINESE_RUN =
  /[\u3000-\u303f\uff01-\uff65“”]*\p{Script=Han}(?:[\p{Script=Han}\u3000-\u303f\uff01-\uff65“”\s\d]*\p{Script=Han})?[\u3000-\u303f\uff01-\uff65“”]*/gu;
/**
 * Punctuation Chinese uses and English does not: the CJK symbols block
 * (`、。《》「」【】〜` and the ideographic space), full-width forms (`，：；！？（）`
 * and full-width letters and digits), and curly double quotes, which the house
 * style writes straight (kramdown curls them when it renders).
 */
const FULLWIDTH = /[\u3000-\u303f\uff01-\uff65“”]/gu;

const ASCII_FOR: Record<string, string> = {
  '、': ',',
  '。': '.',
  '〈': '<',
  '〉': '>',
  '《': '"',
  '》': '"',
  '「': '"',
  '」': '"',
  '『': '"',
  '』': '"',
  '【': '[',
  '】': ']',
  '〔': '(',
  '〕': ')',
  '〜': '~',
  '\u3000': 'a space',
  '“': '"',
  '”': '"',
  '｡': '.',
  '､': ',',
};

function asciiFor(ch: string): string | null {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  return ASCII_FOR[ch] ?? null;
}

const shown = (ch: string): string => (ch === '\u3000' ? 'the wide space' : quote(ch));

/** Up to `radius` characters either side of `index`, for naming where a character sits. */
function around(text: string, index: number, radius = 12): string {
  const start = Math.max(0, index - radius);
  const end = Math.min(text.length, index + radius + 1);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ').trim()}${end < text.length ? '…' : ''}`;
}

export function checkChinese(segment: QaSegment): QaIssue[] {
  const where = { segmentId: segment.id };
  const runs: string[] = [];
  const punctuation = new Map<string, string>(); // character → the text around its first occurrence
  for (const piece of textPieces(segment.target)) {
    if (piece.linked) continue;
    for (const match of piece.text.matchAll(CHINESE_RUN)) if (!runs.includes(match[0].trim())) runs.push(match[0].trim());
    const rest = piece.text.replace(CHINESE_RUN, (run) => ' '.repeat(run.length));
    for (const match of rest.matchAll(FULLWIDTH)) {
      if (!punctuation.has(match[0])) punctuation.set(match[0], around(piece.text, match.index));
    }
  }
  const issues: QaIssue[] = [];
  if (runs.length > 0) {
    const named = runs.slice(0, 3).map((run) => quote(run, 24));
    const more = runs.length > 3 ? ` and ${runs.length - 3} more` : '';
    issues.push(issue('chinese-text', `The translation still has Chinese text: ${listed(named)}${more}.`, where));
  }
  if (punctuation.size > 0) {
    const found = [...punctuation].slice(0, 3);
    const places = found.map(([ch, context]) => `${shown(ch)} in ${quote(context, 30)}`);
    const replacements = [...new Set(found.map(([ch]) => asciiFor(ch)).filter((r): r is string => r != null))].map((r) => (r === 'a space' ? r : quote(r)));
    const advice = replacements.length > 0 ? `; use ${listed(replacements)} instead` : '';
    issues.push(issue('fullwidth-punctuation', `The translation has Chinese punctuation: ${listed(places)}${advice}.`, where));
  }
  return issues;
}
