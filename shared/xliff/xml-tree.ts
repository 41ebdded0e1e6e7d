/**
 * Untrusted XML text → a small element tree, with text and elements kept in
 * document order (XLIFF's inline codes sit inside text: `a <g>b</g> c`).
 *
 * saxes is a strict XML 1.0 parser: anything that is not well-formed (an
 * unclosed tag, a stray `&`, a character XML forbids, an unbound prefix) is an
 * error, never a guess. On top of it this module refuses a DOCTYPE outright:
 * XLIFF needs none, and refusing it rules out entity-expansion attacks
 * ("billion laughs") and external entities whatever the parser would do.
 * Formats whose files carry a DOCTYPE naming their DTD (TMX's
 * `<!DOCTYPE tmx SYSTEM "tmx14.dtd">`) may allow one without an internal
 * subset: saxes never reads the external DTD, so it declares nothing.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export interface XmlElement {
  /** Namespace URI ('' when none). */
  uri: string;
  /** Local name, without a prefix. */
  local: string;
  /** Attribute values by `local` (no namespace) or `{uri}local`. */
  attrs: Map<string, string>;
  children: XmlNode[];
  /** Line of the start tag, for error messages. */
  line: number;
}

/** Text (CDATA included, adjacent pieces merged) or an element. */
export type XmlNode = string | XmlElement;

/** How deep elements may nest: far beyond XLIFF's needs, low enough that recursion over the tree is safe. */
export const MAX_XML_DEPTH = 64;

export class XmlSyntaxError extends Error {
  constructor(
    /** What is wrong, without the line. */
    readonly reason: string,
    /** The line the problem was found on, when known. */
    readonly line: number | null = null,
  ) {
    super(line === null ? reason : `line ${line}: ${reason}`);
  }
}

export interface ParseXmlOptions {
  /** Allow a DOCTYPE whose name is this (an external DTD only: an internal subset `[…]` is still refused). */
  doctype?: string;
}

export const attrKey = (local: string, uri = ''): string => (uri === '' ? local : `{${uri}}${local}`);

export function attr(element: XmlElement, local: string, uri = ''): string | undefined {
  return element.attrs.get(attrKey(local, uri));
}

export const isElement = (node: XmlNode): node is XmlElement => typeof node !== 'string';

/** The element children of `element`, optionally only those named `local` in namespace `uri`. */
export function childElements(element: XmlElement, local?: string, uri?: string): XmlElement[] {
  return element.children.filter(
    (child): child is XmlElement => isElement(child) && (local === undefined || child.local === local) && (uri === undefined || child.uri === uri),
  );
}

/** All text inside `element`, descendants included. */
export function textContent(element: XmlElement): string {
  return element.children.map((child) => (isElement(child) ? textContent(child) : child)).join('');
}

/** Parse a whole XML document; XmlSyntaxError says where and why it is not well-formed. */
export function parseXml(text: string, options: ParseXmlOptions = {}): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  // Thrown from inside a handler, this stops the parser at the first problem.
  const fail = (message: string): never => {
    throw new XmlSyntaxError(message, parser.line);
  };

  const appendText = (value: string) => {
    const parent = stack[stack.length - 1];
    if (!parent || value === '') return; // white space around the root element
    const last = parent.children[parent.children.length - 1];
    if (typeof last === 'string') parent.children[parent.children.length - 1] = last + value;
    else parent.children.push(value);
  };

  parser.on('doctype', (doctype) => {
    const allowed = options.doctype;
    if (allowed === undefined) return fail('a DOCTYPE declaration is not allowed');
    if (doctype.includes('[')) return fail('a DOCTYPE with an internal subset is not allowed');
    if (doctype.trim().split(/\s+/)[0] !== allowed) return fail(`the DOCTYPE names "${doctype.trim().split(/\s+/)[0] ?? ''}", not ${allowed}`);
  });
  parser.on('text', appendText);
  parser.on('cdata', appendText);
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (stack.length >= MAX_XML_DEPTH) return fail(`elements nest deeper than ${MAX_XML_DEPTH} levels`);
    const attrs = new Map<string, string>();
    for (const attribute of Object.values(tag.attributes)) {
      // Namespace declarations are the parser's business, not the document's content.
      if (attribute.prefix === 'xmlns' || (attribute.prefix === '' && attribute.local === 'xmlns')) continue;
      attrs.set(attrKey(attribute.local, attribute.uri), attribute.value);
    }
    const element: XmlElement = { uri: tag.uri, local: tag.local, attrs, children: [], line: parser.line };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  // saxes prefixes its messages with "line:column: "; say it in words instead.
  parser.on('error', (error) => fail(error.message.replace(/^\d+:\d+: /, '')));

  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw error;
    throw new XmlSyntaxError((error as Error).message, parser.line);
  }
  if (!root) throw new XmlSyntaxError('the document has no root element');
  return root;
}
