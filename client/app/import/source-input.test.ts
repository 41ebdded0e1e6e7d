import { describe, expect, test } from 'vitest';
import type { PreviewSegment } from '../../../shared/import/import-source';
import { ApiError } from '../../api/http';
import {
  bytesToBase64,
  describeImageSource,
  describeImportError,
  figureImage,
  fileRefusal,
  formatSize,
  importRequest,
  segmentCount,
  segmentKind,
} from './source-input';

describe('importRequest', () => {
  const pasted = { kind: 'pasted', html: '<p>你好</p>', text: '你好', size: 14 } as const;

  test('sends nothing without a source, or with only white space typed', () => {
    expect(importRequest(null, 'auto', '')).toBeNull();
    expect(importRequest({ kind: 'typed', text: ' \n\u3000' }, 'auto', '')).toBeNull();
  });

  test('sends a paste as its HTML, leaving detection to the server', () => {
    expect(importRequest(pasted, 'auto', '')).toEqual({ content: '<p>你好</p>', filename: 'the pasted page' });
    expect(importRequest({ kind: 'typed', text: '你好' }, 'auto', '')).toEqual({ content: '你好', filename: 'the text' });
    expect(importRequest(pasted, 'html', ' https://zhuanlan.zhihu.com/p/1 ')).toEqual({
      content: '<p>你好</p>',
      filename: 'the pasted page',
      format: 'html',
      sourceUrl: 'https://zhuanlan.zhihu.com/p/1',
    });
  });

  test('sends a paste as its plain text when read as Markdown or text', () => {
    expect(importRequest(pasted, 'markdown', '')).toEqual({ content: '你好', filename: 'the pasted page', format: 'markdown' });
    expect(importRequest(pasted, 'text', '')).toEqual({ content: '你好', filename: 'the pasted page', format: 'text' });
    // A paste with no text flavour still sends what it has.
    expect(importRequest({ ...pasted, text: '' }, 'text', '')).toEqual({ content: '<p>你好</p>', filename: 'the pasted page', format: 'text' });
  });

  test('sends a file as its bytes with its name, unless it was refused', () => {
    expect(importRequest({ kind: 'file', name: 'a.docx', size: 3, base64: 'UEsD' }, 'auto', '')).toEqual({ contentBase64: 'UEsD', filename: 'a.docx' });
    expect(importRequest({ kind: 'file', name: 'a.txt', size: 9e6, base64: '', refused: 'too big' }, 'auto', '')).toBeNull();
  });
});

test('bytesToBase64 matches Node for sizes across its chunks', () => {
  for (const size of [0, 1, 2, 3, 0x8000, 0x8000 * 3 + 7]) {
    const bytes = Uint8Array.from({ length: size }, (_, i) => (i * 31 + 7) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  }
});

test('fileRefusal refuses files over the 5 MiB limit, in the server’s words', () => {
  expect(fileRefusal({ name: 'a.html', size: 5 * 1024 * 1024 })).toBeNull();
  expect(fileRefusal({ name: 'big.docx', size: 6 * 1024 * 1024 })).toBe('big.docx is 6.0 MiB; the limit is 5.0 MiB');
  expect(formatSize(1500)).toBe('2 KiB');
  expect(formatSize(12)).toBe('12 bytes');
});

describe('segments in a person’s words', () => {
  const segment = (type: PreviewSegment['type'], attrs: Record<string, unknown> = {}, text = ''): PreviewSegment => ({ type, text, block: { type, attrs } });

  test('kinds', () => {
    expect(segmentKind(segment('heading', { level: 2 }))).toBe('Heading 2');
    expect(segmentKind(segment('list_item', { ordered: true, number: 3 }))).toBe('List item 3');
    expect(segmentKind(segment('list_item', { ordered: false }))).toBe('List item');
    expect(segmentKind(segment('paragraph'))).toBe('Paragraph');
    expect(segmentKind(segment('horizontal_rule'))).toBe('Rule');
    expect(segmentCount(1)).toBe('1 segment');
    expect(segmentCount(43)).toBe('43 segments');
  });

  test('figures show their image address; embedded images by type and size', () => {
    expect(figureImage(segment('figure', { src: 'https://pic1.zhimg.com/a.jpg' }))).toBe('https://pic1.zhimg.com/a.jpg');
    expect(figureImage(segment('paragraph'))).toBeNull();
    expect(describeImageSource(`data:image/png;base64,${'A'.repeat(4096)}`)).toBe('embedded image (image/png, 3 KiB)');
  });
});

test('describeImportError keeps a file name as written and makes the rest a sentence', () => {
  expect(describeImportError(new ApiError('invalid_input', 'notes.txt holds only white space', 422), 'notes.txt')).toBe('notes.txt holds only white space.');
  expect(describeImportError(new ApiError('invalid_input', 'the pasted page has no text to import', 422), undefined)).toBe(
    'The pasted page has no text to import.',
  );
  expect(describeImportError(new ApiError('too_large', 'the request body is over 10485760 bytes', 413), 'a.html')).toBe(
    'The request body is over 10485760 bytes.',
  );
});
