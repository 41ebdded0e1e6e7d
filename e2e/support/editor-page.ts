/** The side-by-side editor, as a translator or reviewer uses it. */
import type { Locator, Page } from 'playwright-core';
import { SignInPage } from './pages';

export class EditorPage {
  constructor(readonly page: Page) {}

  /** Sign in and open an article's editor; waits until it is connected. */
  static async open(page: Page, articleId: string, name: string, password: string): Promise<EditorPage> {
    await SignInPage.from(page, name, password);
    await page.goto(`/articles/${articleId}`);
    const editor = new EditorPage(page);
    await editor.connection.and(page.locator('[data-state="connected"]')).waitFor();
    return editor;
  }

  get connection(): Locator {
    return this.page.getByTestId('connection');
  }

  get saved(): Locator {
    return this.page.getByTestId('saved');
  }

  row(index: number): Locator {
    return this.page.locator(`[data-testid="segment-row"][data-index="${index}"]`);
  }

  target(index: number): Locator {
    return this.row(index).getByTestId('target-editor');
  }

  source(index: number): Locator {
    return this.row(index).getByTestId('source-editor');
  }

  status(index: number): Locator {
    return this.row(index).getByTestId('status-chip');
  }

  /** Click into a target, go to its start or end, and type key by key, as a person does. */
  async typeInTarget(index: number, text: string, at: 'start' | 'end' = 'end'): Promise<void> {
    const target = this.target(index);
    await target.click();
    // Rows can move while a colleague's edit lands; make sure the caret is where the story says.
    if (!(await target.evaluate((element) => element.contains(document.activeElement)))) await target.click();
    await this.page.keyboard.press(at === 'end' ? 'End' : 'Home');
    // A person's next key comes frames later; let the editor take in where the caret went.
    await this.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await this.page.keyboard.type(text, { delay: 5 });
  }

  /** A target's text as a reader sees it: without the name labels of other people's carets. */
  async targetText(index: number): Promise<string | null> {
    const target = this.target(index);
    if ((await target.count()) === 0) return null;
    return target.evaluate((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.remote-caret').forEach((caret) => caret.remove());
      return copy.textContent;
    });
  }

  remoteCaret(index: number, user: string): Locator {
    return this.row(index).locator(`[data-testid="remote-caret"][data-user="${user}"]`);
  }

  avatar(user: string): Locator {
    return this.page.locator(`[data-testid="avatar"][data-user="${user}"]`);
  }

  async isSaved(): Promise<boolean> {
    return (await this.saved.getAttribute('data-saved')) === 'true';
  }
}

/** Row menu actions, as a person picks them from the ⋯ menu. */
export async function rowAction(
  editor: EditorPage,
  index: number,
  action: 'insert-before' | 'insert-after' | 'merge-next' | 'move-up' | 'move-down' | 'toggle-omit',
): Promise<void> {
  const row = editor.row(index);
  await row.getByTestId('row-actions').click();
  await row.getByTestId(action).click();
}
