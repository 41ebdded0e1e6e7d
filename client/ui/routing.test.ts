import { describe, expect, test } from 'vitest';
import { ALIGN_PATH, articlePath, parseRoute, publishPath, segmentInHash } from './routing';

describe('parseRoute', () => {
  test('the root and /articles are the article list, with or without a trailing slash', () => {
    expect(parseRoute('/')).toEqual({ page: 'articles' });
    expect(parseRoute('/articles')).toEqual({ page: 'articles' });
    expect(parseRoute('/articles/')).toEqual({ page: 'articles' });
  });

  test('/articles/<id> is that article, and articlePath makes the same URL back', () => {
    expect(parseRoute('/articles/k3Jx9_a-Q')).toEqual({ page: 'article', id: 'k3Jx9_a-Q' });
    expect(parseRoute(articlePath('a b/c'))).toEqual({ page: 'article', id: 'a b/c' });
  });

  test("/articles/<id>/publish is that article's publish page, and publishPath makes the same URL back", () => {
    expect(parseRoute('/articles/k3Jx9_a-Q/publish')).toEqual({ page: 'publish', id: 'k3Jx9_a-Q' });
    expect(parseRoute('/articles/k3Jx9_a-Q/publish/')).toEqual({ page: 'publish', id: 'k3Jx9_a-Q' });
    expect(parseRoute(publishPath('a b/c'))).toEqual({ page: 'publish', id: 'a b/c' });
    expect(parseRoute('/articles/x/publishing')).toEqual({ page: 'not-found', path: '/articles/x/publishing' });
  });

  test('/memory/align is the Align page', () => {
    expect(parseRoute(ALIGN_PATH)).toEqual({ page: 'align' });
    expect(parseRoute('/memory/align/')).toEqual({ page: 'align' });
    expect(parseRoute('/memory')).toEqual({ page: 'not-found', path: '/memory' });
  });

  test('anything else is not found, including a malformed escape', () => {
    expect(parseRoute('/settings')).toEqual({ page: 'not-found', path: '/settings' });
    expect(parseRoute('/articles/a/b')).toEqual({ page: 'not-found', path: '/articles/a/b' });
    expect(parseRoute('/articles/%E0%A4%A')).toEqual({ page: 'not-found', path: '/articles/%E0%A4%A' });
  });
});

describe('a segment in the URL', () => {
  test('articlePath with a segment puts it in the hash, and segmentInHash reads it back', () => {
    const path = articlePath('abc', 'seg/1 x');
    expect(path).toBe('/articles/abc#segment=seg%2F1%20x');
    const url = new URL(path, 'http://duet.test');
    expect(parseRoute(url.pathname)).toEqual({ page: 'article', id: 'abc' });
    expect(segmentInHash(url.hash)).toBe('seg/1 x');
  });

  test('no hash, another hash, or a malformed escape names no segment', () => {
    expect(articlePath('abc')).toBe('/articles/abc');
    expect(segmentInHash('')).toBeNull();
    expect(segmentInHash('#top')).toBeNull();
    expect(segmentInHash('#segment=%E0%A4%A')).toBeNull();
  });
});
