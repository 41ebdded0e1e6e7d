/**
 * A TMX `<seg>` → runs of ProseMirror inline content (one per block of the
 * side, split at `x-duet-block` codes). Reads Duet's own codes back exactly
 * (tmx-seg-write.ts) and other tools' as far as Duet can hold them:
 *
 *   - a `<bpt>`/`<ept>` pair whose type or native code says bold (`<b>`,
 *     `<strong>`), italic (`<i>`, `<em>`), code or link (`<a href>`, the
 *     address read from the native code, kept only if safe) marks its text;
 *     another pair leaves its text unformatted;
 *   - `<ph type="lb">` (or a native `<br>`) is a hard break; other `<ph>`,
 *     `<it>`, `<ut>` contribute nothing, `<hi>` its text.
 *
 * A seg whose codes are broken (an `<ept>` without its `<bpt>`, a `<bpt>`
 * never closed, one i twice, an element TMX does not have there) is a
 * TmxFileError: the file is refused whole.
 */
import { Mark, type Node as PMNode } from 'prosemirror-model';
import { isSafeUrl } from '../schema/safe-url';
import { schema } from '../schema/schema';
import { attr, isElement, textContent, type XmlElement, type XmlNode } from '../xliff/xml-tree';
import { parseNativeTag } from './native-html';
import type { TmxReport } from './tmx-report';
import { TmxFileError, TMX_TYPE } from './tmx-unit';

export interface SegReadOptions {
  /** Trim white space at the ends of the seg (any file but Duet's own, whose segs hold exactly the side's text). */
  trim: boolean;
  report: TmxReport;
}

const MARK_BY_NAME: Record<string, 'strong' | 'em' | 'code' | 'link'> = {
  bold: 'strong',
  b: 'strong',
  strong: 'strong',
  italic: 'em',
  i: 'em',
  em: 'em',
  'x-code': 'code',
  code: 'code',
  link: 'link',
  a: 'link',
};

interface OpenPair {
  mark: Mark | null;
  line: number;
}

export function readSeg(seg: XmlElement, options: SegReadOptions): PMNode[][] {
  const { report } = options;
  const runs: PMNode[][] = [[]];
  const open = new Map<string, OpenPair>();
  const used = new Set<string>();
  const marks = () => [...open.values()].reduce<readonly Mark[]>((set, pair) => (pair.mark ? pair.mark.addToSet(set) : set), Mark.none);
  const push = (node: PMNode) => runs[runs.length - 1]!.push(node);
  const codeId = (element: XmlElement): string => {
    const i = attr(element, 'i');
    if (i === undefined || i.trim() === '') throw new TmxFileError(`a <${element.local}> in a <seg> has no i`, element.line);
    return i.trim();
  };

  const walk = (nodes: XmlNode[]) => {
    for (const node of nodes) {
      if (!isElement(node)) {
        if (node !== '') push(schema.text(node, marks()));
        continue;
      }
      if (node.uri !== '') throw new TmxFileError(`<${node.local}> from the namespace "${node.uri}" is not a TMX inline element`, node.line);
      switch (node.local) {
        case 'bpt': {
          const i = codeId(node);
          if (used.has(i)) throw new TmxFileError(`a <seg> has two <bpt> codes with i="${i}"`, node.line);
          used.add(i);
          open.set(i, { mark: markOf(node, report), line: node.line });
          break;
        }
        case 'ept': {
          const i = codeId(node);
          if (!open.has(i)) throw new TmxFileError(`an <ept i="${i}"> has no <bpt i="${i}"> before it in its <seg>`, node.line);
          open.delete(i);
          break;
        }
        case 'ph': {
          const type = attr(node, 'type');
          const native = parseNativeTag(textContent(node));
          if (type === TMX_TYPE.block) runs.push([]);
          else if (type === TMX_TYPE.raw) push(schema.nodes.raw_inline!.create({ text: textContent(node) }, null, marks()));
          else if (type === TMX_TYPE.lineBreak || (native?.name === 'br' && !native.closing)) push(schema.nodes.hard_break!.create(null, null, marks()));
          else report.drop('ph', node.line);
          break;
        }
        case 'it':
        case 'ut':
          report.drop(node.local, node.line);
          break;
        case 'hi':
          report.highlight(node.line);
          walk(node.children);
          break;
        default:
          throw new TmxFileError(`<${node.local}> is not a TMX inline code (a <seg> holds text, <bpt>, <ept>, <ph>, <it>, <hi> and <ut>)`, node.line);
      }
    }
  };
  walk(seg.children);
  const [unclosed] = open;
  if (unclosed) throw new TmxFileError(`the <bpt i="${unclosed[0]}"> has no <ept i="${unclosed[0]}"> in its <seg>`, unclosed[1].line);
  if (options.trim) trimEnds(runs);
  return runs;
}

/** The mark a `<bpt>` stands for, from its type or else its native code; null (and reported) when Duet has none for it. */
function markOf(bpt: XmlElement, report: TmxReport): Mark | null {
  const type = attr(bpt, 'type')?.toLowerCase();
  const native = parseNativeTag(textContent(bpt));
  const name = (type !== undefined ? MARK_BY_NAME[type] : undefined) ?? (native && !native.closing ? MARK_BY_NAME[native.name] : undefined);
  if (name === undefined) {
    report.drop('bpt', bpt.line);
    return null;
  }
  if (name !== 'link') return schema.marks[name]!.create();
  const href = native?.attrs.get('href');
  if (href === undefined || href === '' || !isSafeUrl(href)) {
    if (href === undefined || href === '') report.drop('bpt', bpt.line);
    else report.refusedLink(bpt.line);
    return null;
  }
  return schema.marks.link!.create({ href, title: native?.attrs.get('title') ?? null });
}

/** White space at the ends of a seg is the file's layout, not the text. */
function trimEnds(runs: PMNode[][]): void {
  const trim = (run: PMNode[] | undefined, index: (run: PMNode[]) => number, pattern: RegExp) => {
    if (!run) return;
    const at = index(run);
    const node = run[at];
    if (!node?.isText) return;
    const text = node.text!.replace(pattern, '');
    if (text === '') run.splice(at, 1);
    else run[at] = schema.text(text, node.marks);
  };
  trim(runs[0], () => 0, /^\s+/);
  trim(runs[runs.length - 1], (run) => run.length - 1, /\s+$/);
}
