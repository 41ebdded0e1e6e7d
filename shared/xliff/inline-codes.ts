/**
 * A side's inline content ⇄ XLIFF 1.2 inline codes.
 *
 * Marks become paired `<g>` elements (bold, italic, link with `duet:href`,
 * x-code), a hard break `<x ctype="lb"/>`, verbatim inline markup
 * `<ph ctype="x-duet-raw">markup</ph>`, and the boundary between two blocks of
 * one side `<x ctype="x-duet-block"/>`. These are the codes CAT tools show as
 * tags and write back from the source by id, so a translator can move them but
 * not break them.
 *
 * Ids: the source's codes are numbered 1, 2, 3… in order; a target code that
 * matches a source code (same kind, same link) takes that code's id, as a CAT
 * tool would write it, and the others continue the numbering. On import a code
 * that lost its attributes is read from the source code with the same id.
 */
import type { Fragment, Mark, Node as PMNode } from 'prosemirror-model';
import { schema } from '../schema/schema';
import { inlineSteps } from '../schema/mark-nesting';
import { CTYPE, DUET_NS, DUET_PREFIX, isXliffElement } from './vocabulary';
import { UnitProblem } from './unit-problem';
import { escapeXmlText, xmlAttributes } from './xml-text';
import { attr, isElement, textContent, type XmlElement, type XmlNode } from './xml-tree';
import { isSafeUrl } from '../schema/safe-url';

/** Hands out inline-code ids for one trans-unit. */
export class CodeIds {
  private readonly used = new Set<number>();
  readonly signatures: string[] = [];

  /** @param source the source's code signatures, in order (for a target); none for the source itself */
  constructor(private readonly source: readonly string[] = []) {}

  next(signature: string): string {
    const match = this.source.findIndex((candidate, index) => candidate === signature && !this.used.has(index));
    if (match >= 0) {
      this.used.add(match);
      return String(match + 1);
    }
    this.signatures.push(signature);
    return String(this.source.length + this.signatures.length);
  }
}

const MARK_CTYPE: Record<string, string> = { strong: CTYPE.strong, em: CTYPE.em, link: CTYPE.link, code: CTYPE.code };

function markSignature(mark: Mark): string {
  return mark.type.name === 'link' ? `g:link:${JSON.stringify([mark.attrs.href, mark.attrs.title])}` : `g:${mark.type.name}`;
}

function openTag(mark: Mark, ids: CodeIds): string {
  const ctype = MARK_CTYPE[mark.type.name];
  if (!ctype) throw new Error(`no XLIFF code for the mark "${mark.type.name}"`);
  const link = mark.type.name === 'link';
  return `<g${xmlAttributes([
    ['id', ids.next(markSignature(mark))],
    ['ctype', ctype],
    [`${DUET_PREFIX}:href`, link ? (mark.attrs.href as string) : null],
    [`${DUET_PREFIX}:title`, link ? (mark.attrs.title as string | null) : null],
  ])}>`;
}

/** The blocks boundary code, for the writer of a side. */
export function blockBreak(ids: CodeIds): string {
  return `<x${xmlAttributes([
    ['id', ids.next(`x:${CTYPE.block}`)],
    ['ctype', CTYPE.block],
  ])}/>`;
}

/** One block's inline content as XLIFF text with inline codes. */
export function writeInline(content: Fragment, ids: CodeIds): string {
  return inlineSteps(content)
    .map((step) => ('open' in step ? openTag(step.open, ids) : 'close' in step ? '</g>' : writeNode(step.node, ids)))
    .join('');
}

function writeNode(node: PMNode, ids: CodeIds): string {
  if (node.isText) return escapeXmlText(node.text!);
  switch (node.type.name) {
    case 'hard_break':
      return `<x${xmlAttributes([
        ['id', ids.next(`x:${CTYPE.lineBreak}`)],
        ['ctype', CTYPE.lineBreak],
      ])}/>`;
    case 'raw_inline': {
      const text = node.attrs.text as string;
      return `<ph${xmlAttributes([
        ['id', ids.next(`ph:${text}`)],
        ['ctype', CTYPE.raw],
      ])}>${escapeXmlText(text)}</ph>`;
    }
    default:
      throw new Error(`no XLIFF code for the inline node "${node.type.name}"`);
  }
}

export interface ReadOptions {
  /** xml:space="preserve" is in force: keep white space exactly; otherwise runs of it read as one space. */
  preserveSpace: boolean;
  /** The source's codes by id, to read a target code that a tool wrote without its attributes. */
  sourceCodes?: Map<string, XmlElement>;
  /** Collects this side's codes by id (when reading a source). */
  collectCodes?: Map<string, XmlElement>;
}

/**
 * The content of a `<source>` or `<target>` as runs of inline nodes: one run
 * per textblock, split at each block-boundary code.
 */
export function readInline(side: XmlElement, options: ReadOptions): PMNode[][] {
  const runs: PMNode[][] = [[]];
  const walk = (nodes: XmlNode[], marks: readonly Mark[]) => {
    for (const node of nodes) {
      if (!isElement(node)) {
        const text = options.preserveSpace ? node : node.replace(/\s+/g, ' ');
        if (text !== '') runs[runs.length - 1]!.push(schema.text(text, marks));
        continue;
      }
      if (!isXliffElement(node)) throw new UnitProblem(`<${node.local}> from namespace "${node.uri}" is not an XLIFF inline element`);
      const id = attr(node, 'id');
      if (options.collectCodes && id !== undefined) options.collectCodes.set(id, node);
      const fallback = id !== undefined ? options.sourceCodes?.get(id) : undefined;
      const ctype = attr(node, 'ctype') ?? (fallback && fallback.local === node.local ? attr(fallback, 'ctype') : undefined);
      switch (node.local) {
        case 'g': {
          const mark = markOf(node, ctype, fallback);
          walk(node.children, mark.addToSet(marks));
          break;
        }
        case 'x':
          if (ctype === CTYPE.block) runs.push([]);
          else if (ctype === CTYPE.lineBreak) runs[runs.length - 1]!.push(schema.nodes.hard_break!.create(null, null, marks));
          else throw new UnitProblem(`unknown inline code <x ctype="${ctype ?? ''}">`);
          break;
        case 'ph': {
          if (ctype !== CTYPE.raw) throw new UnitProblem(`unknown inline code <ph ctype="${ctype ?? ''}">`);
          // A tool may write a placeholder back empty: its markup is the source's.
          const text = node.children.length > 0 || !fallback ? textContent(node) : textContent(fallback);
          runs[runs.length - 1]!.push(schema.nodes.raw_inline!.create({ text }, null, marks));
          break;
        }
        case 'mrk':
          // Tools mark segments, terms or protected text with <mrk>; it carries no formatting.
          walk(node.children, marks);
          break;
        default:
          throw new UnitProblem(`the inline element <${node.local}> is not supported (Duet writes <g>, <x>, <ph> and reads <mrk>)`);
      }
    }
  };
  walk(side.children, []);
  if (!options.preserveSpace) for (const run of runs) trimRun(run);
  return runs;
}

function markOf(node: XmlElement, ctype: string | undefined, fallback: XmlElement | undefined): Mark {
  switch (ctype) {
    case CTYPE.strong:
      return schema.marks.strong!.create();
    case CTYPE.em:
      return schema.marks.em!.create();
    case CTYPE.code:
      return schema.marks.code!.create();
    case CTYPE.link:
    case 'x-link': {
      const href = attr(node, 'href', DUET_NS) ?? (fallback ? attr(fallback, 'href', DUET_NS) : undefined);
      if (href === undefined) throw new UnitProblem(`a link <g id="${attr(node, 'id') ?? ''}"> has no duet:href`);
      if (!isSafeUrl(href))
        throw new UnitProblem(
          `a link <g id="${attr(node, 'id') ?? ''}"> points to a refused address (${JSON.stringify(href.slice(0, 80))}): only http, https, mailto and addresses on the site`,
        );
      const title = attr(node, 'title', DUET_NS) ?? (fallback && attr(node, 'href', DUET_NS) === undefined ? attr(fallback, 'title', DUET_NS) : undefined);
      return schema.marks.link!.create({ href, title: title ?? null });
    }
    default:
      throw new UnitProblem(`unknown inline code <g ctype="${ctype ?? ''}">`);
  }
}

/** Without xml:space="preserve", white space at the edges of a run is layout, not text. */
function trimRun(run: PMNode[]): void {
  const trim = (index: number, pattern: RegExp) => {
    const node = run[index];
    if (!node?.isText) return;
    const text = node.text!.replace(pattern, '');
    if (text === '') run.splice(index, 1);
    else run[index] = schema.text(text, node.marks);
  };
  trim(0, /^\s+/);
  trim(run.length - 1, /\s+$/);
}
