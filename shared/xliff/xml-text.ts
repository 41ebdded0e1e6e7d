/**
 * Writing user text into XML safely. Every string that reaches an XLIFF file
 * (segment text, link addresses, ids, raw markup) goes through one of these,
 * so no text can close an element or open one.
 *
 * XML 1.0 cannot hold some characters at all (most C0 controls, U+FFFE,
 * U+FFFF, unpaired surrogates), not even as `&#…;` references: they are
 * dropped. `xmlSafe` is also what import compares against, so a source that
 * held such a character still matches its exported text.
 */

/** Characters XML 1.0 forbids (the complement of its `Char` production). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `text` without the characters XML 1.0 cannot hold. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

/** Text content: `&` and `<` must be escaped; `>` too, so `]]>` never appears; CR as a reference, or parsers turn it into LF. */
export function escapeXmlText(text: string): string {
  return xmlSafe(text).replace(/[&<>\r]/g, (char) => ENTITIES[char]!);
}

/** An attribute value in double quotes; tab, LF and CR as references, or attribute normalization turns them into spaces. */
export function escapeXmlAttribute(text: string): string {
  return xmlSafe(text).replace(/[&<>"\t\n\r]/g, (char) => ENTITIES[char]!);
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** ` name="value"` for each attribute whose value is not null/undefined, in the order given. */
export function xmlAttributes(attributes: [string, string | number | null | undefined][]): string {
  return attributes
    .filter((entry): entry is [string, string | number] => entry[1] != null)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(String(value))}"`)
    .join('');
}
