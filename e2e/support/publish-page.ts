/** The publish page (/articles/<id>/publish): checks, preview, Markdown, downloads, publishing. */
import type { Locator, Page } from 'playwright-core';
import { SignInPage } from './pages';

export class PublishPage {
  constructor(readonly page: Page) {}

  /** Sign in and open an article's publish page; waits until the checks are shown. */
  static async open(page: Page, articleId: string, name: string, password: string): Promise<PublishPage> {
    await SignInPage.from(page, name, password);
    await page.goto(`/articles/${articleId}/publish`);
    const publish = new PublishPage(page);
    await publish.qaPanel.waitFor();
    return publish;
  }

  get qaPanel(): Locator {
    return this.page.getByTestId('qa-panel');
  }

  /** Every issue the panel lists, or those of one check. */
  issues(check?: string): Locator {
    return this.qaPanel.locator(check ? `[data-testid="qa-issue"][data-check="${check}"]` : '[data-testid="qa-issue"]');
  }

  /** How many errors the panel counts. */
  async errorCount(): Promise<number> {
    return Number(
      await this.page
        .getByTestId('qa-summary')
        .getAttribute('data-errors', { timeout: 1_000 })
        .catch(() => NaN),
    );
  }

  get preview(): Locator {
    return this.page.getByTestId('preview');
  }

  get markdown(): Locator {
    return this.page.getByTestId('markdown-text');
  }

  get downloadMarkdown(): Locator {
    return this.page.getByTestId('download-markdown');
  }

  get backToEditor(): Locator {
    return this.page.getByTestId('back-to-editor');
  }
}
