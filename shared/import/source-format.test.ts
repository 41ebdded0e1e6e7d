import { describe, expect, test } from 'vitest';
import { DuetError } from '../protocol/errors';
import { detectFormat } from './source-format';

const bytes = (text: string) => new TextEncoder().encode(text);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const zipWith = (name: string) => new Uint8Array([...ZIP, 0x14, 0, 0, 0, ...bytes(name)]);

describe('detecting a source format', () => {
  test.each([
    ['a Word document by its zip header and name', zipWith('anything'), 'report.docx', 'docx'],
    ['a Word document by its zip entries, whatever its name', zipWith('[Content_Types].xml word/document.xml'), 'download', 'docx'],
    ['HTML by name', bytes('plain words'), 'page.html', 'html'],
    ['HTML by .htm', bytes('plain words'), 'PAGE.HTM', 'html'],
    ['Markdown by name', bytes('plain words'), 'notes.md', 'markdown'],
    ['text by name', bytes('# not a heading here'), 'notes.txt', 'text'],
    ['a saved page by its doctype', bytes('<!DOCTYPE html><html><body><p>正文</p></body></html>'), undefined, 'html'],
    ['a browser paste by its markup', bytes('<meta charset="utf-8"><div class="RichText"><p>正文</p></div>'), undefined, 'html'],
    ['a fragment of markup', bytes('<p data-pid="a">正文</p>\n<p>后文</p>'), undefined, 'html'],
    ['Markdown by front matter', bytes('---\ntitle: 标题\n---\n\n正文\n'), undefined, 'markdown'],
    ['Markdown by a heading', bytes('## 小标题\n\n正文'), undefined, 'markdown'],
    ['Markdown by a link', bytes('见[这里](https://a.cn/)。'), undefined, 'markdown'],
    ['Markdown by an image', bytes('![图](/a.png)'), undefined, 'markdown'],
    ['Markdown by bold', bytes('这是**重点**内容。'), undefined, 'markdown'],
    ['Markdown by a list', bytes('- 一\n- 二\n'), undefined, 'markdown'],
    ['text with one numbered line', bytes('1. 这只是一句话。\n\n下一段。'), undefined, 'text'],
    ['plain Chinese text', bytes('　　第一段。\n　　第二段。'), undefined, 'text'],
    ['text that mentions a tag later', bytes('写 HTML 时用 <p> 标签。'), undefined, 'text'],
  ])('%s', (_name, input, filename, format) => {
    expect(detectFormat(input, filename)).toBe(format);
  });

  test.each([
    ['a zip archive that is not a Word document', zipWith('images/a.png'), 'photos.zip', /photos\.zip is a zip archive, not a Word \(\.docx\) document/],
    ['an old .doc file', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'old.doc', /old Word \(\.doc\).*save it as \.docx/],
    ['a binary file', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 'photo.png', /not a text file/],
    ['Latin-1 text', new Uint8Array([0x63, 0x61, 0x66, 0xe9]), undefined, /not valid UTF-8/],
  ])('refuses %s', (_name, input, filename, message) => {
    expect(() => detectFormat(input, filename)).toThrow(message);
    expect(() => detectFormat(input, filename)).toThrow(DuetError);
  });
});
