/**
 * Page objects: what a person sees and does on each screen, in their words,
 * located by data-testid so the stories survive changes of wording and layout.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { ACTION_TIMEOUT_MS } from './browser';

/**
 * Wait for a value in the page to become what the story expects (never sleep).
 * Read with textOf (or other calls that do not wait themselves), so the poll's
 * timeout governs and a failure shows the last value seen.
 */
export const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: ACTION_TIMEOUT_MS, interval: 50 });

/** The element's text now, or null while it is not on the page; unlike locator.textContent(), never waits. */
export async function textOf(locator: Locator): Promise<string | null> {
  const texts = await locator.allTextContents();
  return texts.length === 0 ? null : texts.join('');
}

export class SetupPage {
  constructor(private readonly page: Page) {}

  get form(): Locator {
    return this.page.getByTestId('setup-form');
  }

  get error(): Locator {
    return this.page.getByTestId('setup-error');
  }

  async createAdmin(name: string, password: string, repeat = password): Promise<void> {
    // Fill by label, as a person (and a screen reader) finds the fields.
    await this.form.getByLabel('Name').fill(name);
    await this.form.getByLabel('Password', { exact: true }).fill(password);
    await this.form.getByLabel('Repeat password').fill(repeat);
    await this.page.getByTestId('setup-submit').click();
  }
}

export class SignInPage {
  constructor(private readonly page: Page) {}

  get form(): Locator {
    return this.page.getByTestId('sign-in-form');
  }

  get error(): Locator {
    return this.page.getByTestId('sign-in-error');
  }

  get notice(): Locator {
    return this.page.getByTestId('sign-in-notice');
  }

  async signIn(name: string, password: string): Promise<void> {
    await this.form.getByLabel('Name').fill(name);
    await this.form.getByLabel('Password').fill(password);
    await this.page.getByTestId('sign-in-submit').click();
  }

  /** Open Duet's front page and sign in; waits until the header names the account. */
  static async from(page: Page, name: string, password: string): Promise<void> {
    await page.goto('/');
    await new SignInPage(page).signIn(name, password);
    await page.getByTestId('current-user-name').waitFor();
  }
}

export class AppHeader {
  constructor(private readonly page: Page) {}

  get userName(): Locator {
    return this.page.getByTestId('current-user-name');
  }

  get role(): Locator {
    return this.page.getByTestId('current-user-role');
  }

  async signOut(): Promise<void> {
    await this.page.getByTestId('sign-out').click();
  }
}

export class ArticleListPage {
  constructor(private readonly page: Page) {}

  get list(): Locator {
    return this.page.getByTestId('article-list');
  }

  get rows(): Locator {
    return this.page.getByTestId('article-row');
  }

  get newArticleButton(): Locator {
    return this.page.getByTestId('new-article');
  }

  get emptyMessage(): Locator {
    return this.page.getByTestId('article-list-empty');
  }

  get createdNotice(): Locator {
    return this.page.getByTestId('article-created');
  }

  row(title: string): ArticleRow {
    return new ArticleRow(this.rows.filter({ has: this.page.getByTestId('article-link').getByText(title, { exact: true }) }));
  }

  async titles(): Promise<string[]> {
    return this.page.getByTestId('article-link').allTextContents();
  }

  async createArticle(title: string): Promise<void> {
    await this.newArticleButton.click();
    await this.page.getByTestId('new-article-form').getByLabel('Title').fill(title);
    await this.page.getByTestId('new-article-submit').click();
  }
}

export class ArticleRow {
  constructor(readonly locator: Locator) {}

  async segments(): Promise<string> {
    return (await this.locator.getByTestId('article-segments').textContent()) ?? '';
  }

  /** The progress bar's spoken description, e.g. "1 draft, 2 translated". */
  async progress(): Promise<string> {
    return (await this.locator.getByTestId('article-progress').getAttribute('aria-label')) ?? '';
  }

  async progressFigure(): Promise<string> {
    return (await this.locator.getByTestId('article-progress-figure').textContent()) ?? '';
  }

  async lastActivity(): Promise<string> {
    return (await this.locator.locator('time').textContent()) ?? '';
  }

  async open(): Promise<void> {
    await this.locator.getByTestId('article-link').click();
  }
}

export class EditorPlaceholderPage {
  constructor(private readonly page: Page) {}

  get title(): Locator {
    return this.page.getByTestId('editor-title');
  }

  async backToArticles(): Promise<void> {
    await this.page.getByTestId('back-to-articles').click();
  }
}
