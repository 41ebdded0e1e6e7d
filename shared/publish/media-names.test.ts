import { describe, expect, test } from 'vitest';
import { mediaUrl, parseMediaUrl } from './media-url';
import { planMediaNames } from './media-names';
import { parsePostDate } from './post-date';

const hash = (c: string) => c.repeat(64);
const stored = (c: string, ext = 'jpg') => mediaUrl('art1', `${hash(c)}.${ext}`);
const naming = { date: parsePostDate('2020-02-23'), shortSlug: 'ali-ai', mediaFolder: 'assets/media' };
const names = (srcs: string[]) => Object.fromEntries([...planMediaNames(srcs, naming)].map(([src, planned]) => [src, planned.url]));

describe('parseMediaUrl', () => {
  test.each([
    [stored('a'), { articleId: 'art1', name: `${hash('a')}.jpg`, extension: 'jpg' }],
    [`/api/articles/x9/media/${hash('b')}.webp`, { articleId: 'x9', name: `${hash('b')}.webp`, extension: 'webp' }],
    ['https://pic1.zhimg.com/v2-5c1e_b.jpg', null],
    [`https://duet.example/api/articles/art1/media/${hash('a')}.jpg`, null],
    [`/api/articles/art1/media/${hash('a')}.svg`, null],
    [`/api/articles/art1/media/../${hash('a')}.jpg`, null],
    ['/assets/media/2020-02-23/x-01.jpg', null],
  ])('%s', (src, ref) => expect(parseMediaUrl(src)).toEqual(ref));

  test('mediaUrl refuses names it did not make', () => {
    expect(() => mediaUrl('art1', '../../etc/passwd')).toThrow(/not a stored image/);
    expect(() => mediaUrl('../x', `${hash('a')}.jpg`)).toThrow(/not an article id/);
  });
});

describe('planMediaNames', () => {
  test.each<[string, string[], Record<string, string>]>([
    [
      'numbers stored images by their place in reading order',
      [stored('a'), stored('b', 'png'), stored('c', 'gif')],
      {
        [stored('a')]: '/assets/media/2020-02-23/ali-ai-01.jpg',
        [stored('b', 'png')]: '/assets/media/2020-02-23/ali-ai-02.png',
        [stored('c', 'gif')]: '/assets/media/2020-02-23/ali-ai-03.gif',
      },
    ],
    [
      'leaves remote and site images alone, counting their places',
      ['https://pic1.zhimg.com/x.jpg', '/assets/media/2019-01-01/old-01.jpg', stored('a')],
      {
        [stored('a')]: '/assets/media/2020-02-23/ali-ai-03.jpg',
      },
    ],
    [
      'never takes a name a site image already has',
      ['/assets/media/2020-02-23/ali-ai-02.jpg', stored('a'), stored('b')],
      {
        [stored('a')]: '/assets/media/2020-02-23/ali-ai-03.jpg',
        [stored('b')]: '/assets/media/2020-02-23/ali-ai-04.jpg',
      },
    ],
    [
      'gives an image used twice one name',
      [stored('a'), stored('a'), stored('b')],
      {
        [stored('a')]: '/assets/media/2020-02-23/ali-ai-01.jpg',
        [stored('b')]: '/assets/media/2020-02-23/ali-ai-03.jpg',
      },
    ],
    ['plans nothing without stored images', ['', 'https://x.cn/a.png'], {}],
  ])('%s', (_name, srcs, expected) => expect(names(srcs)).toEqual(expected));

  test('gives the path inside the repository', () => {
    const [planned] = [...planMediaNames([stored('a')], { ...naming, mediaFolder: 'img/posts' }).values()];
    expect(planned).toMatchObject({ repoPath: 'img/posts/2020-02-23/ali-ai-01.jpg', url: '/img/posts/2020-02-23/ali-ai-01.jpg', ref: { articleId: 'art1' } });
  });
});
