/**
 * A small Word document made with the `docx` package, for tests: a heading of
 * each of two levels, a paragraph with a bold run, a bulleted and a numbered
 * list, and an embedded PNG with a caption paragraph (Word's Caption style).
 */
import { AlignmentType, Document, HeadingLevel, ImageRun, LevelFormat, Packer, Paragraph, TextRun } from 'docx';

/** A 1×1 PNG: the smallest real image Word will embed. */
export const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

export async function wordDocument(): Promise<Uint8Array> {
  const png = Uint8Array.from(atob(PNG_BASE64), (c) => c.charCodeAt(0));
  const document = new Document({
    numbering: { config: [{ reference: 'steps', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }] },
    sections: [
      {
        children: [
          new Paragraph({ text: '医疗 AI 的现状', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: '背景', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ children: [new TextRun('这是'), new TextRun({ text: '重点', bold: true }), new TextRun('内容。')] }),
          new Paragraph({ text: '移动 CT', bullet: { level: 0 } }),
          new Paragraph({ text: 'AI 诊断', bullet: { level: 0 } }),
          new Paragraph({ text: '第一步', numbering: { reference: 'steps', level: 0 } }),
          new Paragraph({ text: '第二步', numbering: { reference: 'steps', level: 0 } }),
          new Paragraph({
            children: [
              new ImageRun({ type: 'png', data: png, transformation: { width: 10, height: 10 }, altText: { name: 'ct', description: 'CT 图像', title: 'CT' } }),
            ],
          }),
          new Paragraph({ text: '图：肺部 CT', style: 'Caption' }),
          new Paragraph({ text: '' }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
