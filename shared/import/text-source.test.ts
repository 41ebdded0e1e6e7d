import { describe, expect, test } from 'vitest';
import { doc, p } from '../testing/builders';
import { textToBlocks } from './text-source';

describe('plain text into paragraphs', () => {
  test.each([
    ['blank lines separate paragraphs', '第一段。\n\n第二段。\n', ['第一段。', '第二段。']],
    ['several blank lines are one separation', '一\n\n\n\n二', ['一', '二']],
    ['lines of spaces count as blank', '一\n \t\u3000\n二', ['一', '二']],
    ['a wrapped Chinese line joins without a space', '这是一个被换行\n截断的句子。', ['这是一个被换行截断的句子。']],
    ['a wrapped English line joins with a space', 'This line was\nwrapped here.', ['This line was wrapped here.']],
    ['mixed text joins by its neighbours', '这是 AI\n技术。He said\n“好”。', ['这是 AI技术。He said “好”。']],
    ['an indented line opens a paragraph', '　　第一段，\n没有空行。\n　　第二段。', ['第一段，没有空行。', '第二段。']],
    ['an indent of spaces too', 'First line\n    Second paragraph', ['First line', 'Second paragraph']],
    ['Windows line ends', '一\r\n\r\n二\r\n', ['一', '二']],
    ['a byte-order mark and zero-width spaces go', '\uFEFF放\u200B射科', ['放射科']],
    ['runs of spaces inside a line are one', 'a   b\t\tc', ['a b c']],
  ])('%s', (_name, text, paragraphs) => {
    expect(doc(...textToBlocks(text)).toJSON()).toEqual(doc(...paragraphs.map((t) => p(t))).toJSON());
  });

  test('Markdown syntax in text is text', () => {
    expect(textToBlocks('# 不是标题\n\n**不是粗体**').map((block) => block.textContent)).toEqual(['# 不是标题', '**不是粗体**']);
  });
});
