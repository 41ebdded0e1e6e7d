/**
 * A Word document (.docx) → HTML with mammoth, which maps Word's paragraph
 * styles to headings, its numbering to lists, its bold and italic runs to
 * `<strong>`/`<em>` and embeds images as `data:` URLs. Loaded on demand: it is
 * large and only Word imports need it.
 */
import { DuetError } from '../protocol/errors';

/** Word's caption style becomes a `<figcaption>`, which the HTML cleaner attaches to the image above it. */
const STYLE_MAP = ["p[style-name='caption'] => figcaption:fresh", "p[style-name='Caption'] => figcaption:fresh"];

export async function docxToHtml(bytes: Uint8Array, name = 'the file'): Promise<string> {
  const { default: mammoth } = await import('mammoth');
  // mammoth's Node build reads `buffer` and its browser build `arrayBuffer`: give both.
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const input = { buffer: bytes, arrayBuffer } as unknown as { arrayBuffer: ArrayBuffer };
  try {
    const result = await mammoth.convertToHtml(input, { styleMap: STYLE_MAP, externalFileAccess: false });
    return result.value;
  } catch (error) {
    throw new DuetError('invalid_input', `${name} is not a readable Word (.docx) document (${(error as Error).message ?? String(error)})`);
  }
}
