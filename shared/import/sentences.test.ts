import { describe, expect, test } from 'vitest';
import { a, doc, em, p, quote, strong, br, h, li, fig } from '../testing/builders';
import { splitLongParagraphs, splitSegmentIntoSentences, splitSentences } from './sentences';

describe('splitting Chinese text into sentences', () => {
  test.each([
    ['a full stop inside closing quotes stays with its sentence', '他说：“我们没有办法了。”然后离开了。', ['他说：“我们没有办法了。”', '然后离开了。']],
    ['a run of enders is one end', '真的吗？！当然……不是。', ['真的吗？！', '当然……不是。']],
    ['exclamations and questions end sentences', '太好了！你来吗？我来。', ['太好了！', '你来吗？', '我来。']],
    ['a decimal is not an end', '数据显示增长了3.5%。这很重要。', ['数据显示增长了3.5%。', '这很重要。']],
    ['semicolons and colons are not ends', '第一，要快；第二，要准：这是原则。', ['第一，要快；第二，要准：这是原则。']],
    ['corner quotes close with their sentence', '她说：「走吧。」我们就走了。', ['她说：「走吧。」', '我们就走了。']],
    ['double corner quotes too', '书上写着『知足常乐。』他笑了。', ['书上写着『知足常乐。』', '他笑了。']],
    ['a closing bracket stays with its sentence', '（这是括号里的话。）下一句。', ['（这是括号里的话。）', '下一句。']],
    ['a closing title mark stays with its sentence', '我读完了《三体》。作者是刘慈欣。', ['我读完了《三体》。', '作者是刘慈欣。']],
    ['an ellipsis followed by a space ends a sentence', '已经有两位不幸离世了…… 我清楚地记得。', ['已经有两位不幸离世了……', '我清楚地记得。']],
    ['an ellipsis inside a sentence does not', '把病人带走……所以在隔离病房里常常可以看到呼吸机。', ['把病人带走……所以在隔离病房里常常可以看到呼吸机。']],
    [
      'an enumeration inside a sentence is not an end',
      '这意味着：1. 诊断上能够满足高频次的 CT 检查；2. 放射科医生的工作模式将随之改变。',
      ['这意味着：1. 诊断上能够满足高频次的 CT 检查；2. 放射科医生的工作模式将随之改变。'],
    ],
    [
      'the seed article',
      '最关键的是诊断。临床无小事。放射科医生绝不是随便看看片子就完事了。',
      ['最关键的是诊断。', '临床无小事。', '放射科医生绝不是随便看看片子就完事了。'],
    ],
  ])('%s', (_name, text, sentences) => {
    expect(splitSentences(text, 'zh')).toEqual(sentences);
  });
});

describe('splitting mixed Chinese and English text', () => {
  test.each([
    ['a title abbreviation before a name', 'Dr. Wang 说：我们会赢。他很有信心。', ['Dr. Wang 说：我们会赢。', '他很有信心。']],
    ['an abbreviation inside a Chinese sentence', '答主在 CT+AI 方面做研究。Mr. Smith 也同意。', ['答主在 CT+AI 方面做研究。', 'Mr. Smith 也同意。']],
    ['an English sentence inside Chinese text', '他写道：It works. 然后就走了。', ['他写道：It works.', '然后就走了。']],
    ['half-width punctuation in Chinese text', '真的吗?我不信!你呢?', ['真的吗?', '我不信!', '你呢?']],
    ['a percentage with a decimal', '准确率达到 96.5%，但 TPR 只有 80%。这说明了问题。', ['准确率达到 96.5%，但 TPR 只有 80%。', '这说明了问题。']],
  ])('%s', (_name, text, sentences) => {
    expect(splitSentences(text, 'zh')).toEqual(sentences);
  });
});

describe('splitting English text', () => {
  test.each([
    ['titles and months', 'Dr. Smith arrived on Jan. 5. It rained all day.', ['Dr. Smith arrived on Jan. 5.', 'It rained all day.']],
    ['Latin abbreviations', 'Bring fruit, e.g. apples. Then leave.', ['Bring fruit, e.g. apples.', 'Then leave.']],
    ['initials', 'J. K. Rowling wrote it. Mrs. Dalloway did not.', ['J. K. Rowling wrote it.', 'Mrs. Dalloway did not.']],
    ['a quotation that ends a sentence', 'He said "Stop." Then he left.', ['He said "Stop."', 'Then he left.']],
    ['decimals', 'Growth was 3.5% in Q1. Mr. Lee said so.', ['Growth was 3.5% in Q1.', 'Mr. Lee said so.']],
    ['an abbreviation that ends a sentence', 'We met at 5 p.m. The room was full.', ['We met at 5 p.m.', 'The room was full.']],
  ])('%s', (_name, text, sentences) => {
    expect(splitSentences(text, 'en')).toEqual(sentences);
  });
});

describe('splitting a segment into sentences', () => {
  test('a paragraph becomes one paragraph per sentence, each with its own marks and links', () => {
    const paragraph = p('一句话：', strong('成熟的技术。'), '是', a('https://example.com/', '及时的', em('回应')), '！后文。');
    const pieces = splitSegmentIntoSentences(paragraph);
    expect(doc(...pieces).eq(doc(p('一句话：', strong('成熟的技术。')), p('是', a('https://example.com/', '及时的', em('回应')), '！'), p('后文。')))).toBe(
      true,
    );
  });

  test('a mark that spans a boundary is cut with it', () => {
    const pieces = splitSegmentIntoSentences(p('开头', strong('加粗。也加粗'), '。'));
    expect(doc(...pieces).eq(doc(p('开头', strong('加粗。')), p(strong('也加粗'), '。')))).toBe(true);
  });

  test('a line break separates sentences and is dropped at the cut', () => {
    const pieces = splitSegmentIntoSentences(p('第一行', br(), '第二行。'));
    expect(doc(...pieces).eq(doc(p('第一行'), p('第二行。')))).toBe(true);
  });

  test('a quoted paragraph becomes one quotation per sentence', () => {
    const pieces = splitSegmentIntoSentences(quote(p('甲。乙。')));
    expect(doc(...pieces).eq(doc(quote(p('甲。')), quote(p('乙。'))))).toBe(true);
  });

  test.each([
    ['a heading', h(2, '标题。副标题。')],
    ['a list item', li({ ordered: true, number: 1 }, '第一。第二。')],
    ['a figure', fig('https://example.com/a.jpg', '', '说明。再说明。')],
    ['a one-sentence paragraph', p('只有一句。')],
  ])('%s comes back unchanged', (_name, block) => {
    const pieces = splitSegmentIntoSentences(block);
    expect(pieces).toHaveLength(1);
    expect(pieces[0]!.eq(block)).toBe(true);
  });

  test('only long paragraphs are split when a whole import asks for it', () => {
    const long = p('这是一个很长的句子，'.repeat(5) + '结束了。' + '这是第二句，也不短。'.repeat(3));
    const short = p('短。也短。');
    const out = splitLongParagraphs([short, long], { minLength: 40 });
    expect(out[0]!.eq(short)).toBe(true);
    expect(out.slice(1).map((block) => block.textContent)).toEqual(['这是一个很长的句子，'.repeat(5) + '结束了。', ...Array(3).fill('这是第二句，也不短。')]);
  });
});
