/**
 * A side as the content of a TMX `<seg>`: its text escaped, and its markup as
 * TMX 1.4b inline codes other tools show as tags:
 *
 *   - a mark: `<bpt i="1" type="bold">&lt;strong&gt;</bpt>…<ept i="1">&lt;/strong&gt;</ept>`
 *     (the native code is the HTML the mark stands for; i numbers the pairs of one seg);
 *   - a hard break: `<ph type="lb"/>`;
 *   - raw inline markup: `<ph type="x-duet-raw">&lt;sup&gt;1&lt;/sup&gt;</ph>`;
 *   - the boundary between two blocks of the side: `<ph type="x-duet-block"/>`.
 *
 * What a person typed is text, whatever it looks like: a typed `<b>` is `&lt;b&gt;`.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { inlineSteps } from '../schema/mark-nesting';
import { runsOf } from '../xliff/block-shapes';
import { escapeXmlText, xmlAttributes } from '../xliff/xml-text';
import { closingNative, openingNative } from './native-html';
import { TMX_TYPE } from './tmx-unit';

const MARK_TYPE: Record<string, string> = { strong: TMX_TYPE.strong, em: TMX_TYPE.em, link: TMX_TYPE.link, code: TMX_TYPE.code };

export interface SegContent {
  xml: string;
  /** Whether it holds any inline code (the header's datatype says so). */
  hasCodes: boolean;
}

export function writeSeg(side: PMNode): SegContent {
  let pairs = 0;
  let hasCodes = false;
  const code = (xml: string) => {
    hasCodes = true;
    return xml;
  };
  const open: number[] = [];
  const runs = runsOf(side).map((run) =>
    inlineSteps(run)
      .map((step) => {
        if ('open' in step) {
          const type = MARK_TYPE[step.open.type.name];
          if (type === undefined) throw new Error(`no TMX code for the mark "${step.open.type.name}"`);
          open.push(++pairs);
          return code(
            `<bpt${xmlAttributes([
              ['i', pairs],
              ['type', type],
            ])}>${escapeXmlText(openingNative(step.open))}</bpt>`,
          );
        }
        if ('close' in step) return code(`<ept${xmlAttributes([['i', open.pop()]])}>${escapeXmlText(closingNative(step.close))}</ept>`);
        return writeNode(step.node, code);
      })
      .join(''),
  );
  const xml = runs.join(runs.length > 1 ? code(`<ph type="${TMX_TYPE.block}"/>`) : '');
  return { xml, hasCodes };
}

function writeNode(node: PMNode, code: (xml: string) => string): string {
  if (node.isText) return escapeXmlText(node.text!);
  switch (node.type.name) {
    case 'hard_break':
      return code(`<ph type="${TMX_TYPE.lineBreak}"/>`);
    case 'raw_inline':
      return code(`<ph type="${TMX_TYPE.raw}">${escapeXmlText(node.attrs.text as string)}</ph>`);
    default:
      throw new Error(`no TMX code for the inline node "${node.type.name}"`);
  }
}
