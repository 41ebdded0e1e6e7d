/** The new-article dialog: a source pasted or chosen, the server's preview, creating the article. */
import type { Locator, Page } from 'playwright-core';

export interface PickedFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export class NewArticleDialog {
  constructor(private readonly page: Page) {}

  /** Click "New article" on the list and wait for the dialog. */
  static async open(page: Page): Promise<NewArticleDialog> {
    await page.getByTestId('new-article').click();
    const dialog = new NewArticleDialog(page);
    await dialog.locator.waitFor();
    return dialog;
  }

  get locator(): Locator {
    return this.page.getByTestId('new-article-dialog');
  }

  get title(): Locator {
    return this.locator.getByLabel('Title', { exact: true });
  }

  get pasteArea(): Locator {
    return this.locator.getByLabel('Paste the Chinese source');
  }

  get sourceSummary(): Locator {
    return this.locator.getByTestId('import-source-summary');
  }

  get preview(): Locator {
    return this.locator.getByTestId('import-preview');
  }

  /** "43 segments", once a preview is shown. */
  get count(): Locator {
    return this.locator.getByTestId('import-count');
  }

  get format(): Locator {
    return this.locator.getByTestId('import-format');
  }

  get sourceTitle(): Locator {
    return this.locator.getByTestId('import-source-title');
  }

  get segments(): Locator {
    return this.locator.getByTestId('import-segment');
  }

  segmentText(index: number): Locator {
    return this.segments.nth(index).getByTestId('import-segment-text');
  }

  segmentKind(index: number): Locator {
    return this.segments.nth(index).getByTestId('import-segment-kind');
  }

  /** The server's refusal of the source, shown in the preview. */
  get previewError(): Locator {
    return this.locator.getByTestId('import-error');
  }

  get submitButton(): Locator {
    return this.locator.getByTestId('new-article-submit');
  }

  /** The preview's state: idle, reading, loading, ready or error. */
  async previewState(): Promise<string | null> {
    return this.preview.getAttribute('data-state', { timeout: 1_000 }).catch(() => null);
  }

  /**
   * Paste as a browser does after copying part of a web page: a paste event whose
   * clipboard holds the page's HTML and its text. Dispatched by hand because headless
   * Chromium's clipboard permissions are unreliable; the app reads it the same way.
   */
  async pasteHtml(html: string): Promise<void> {
    await this.pasteArea.evaluate((element, markup) => {
      const data = new DataTransfer();
      data.setData('text/html', markup);
      // DOMParser runs no scripts and loads nothing: only for the text flavour a real copy carries too.
      data.setData('text/plain', new DOMParser().parseFromString(markup, 'text/html').body.textContent ?? '');
      (element as HTMLElement).focus();
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, html);
  }

  async chooseFile(file: PickedFile): Promise<void> {
    await this.locator.getByLabel('Or choose a file').setInputFiles(file);
  }

  /** Drag a file from the desktop and drop it on the dialog (dragover, then drop, as the browser sends them). */
  async dropFile(file: PickedFile): Promise<void> {
    await this.pasteArea.evaluate(
      (element, { name, mimeType, base64 }) => {
        const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
        const data = new DataTransfer();
        data.items.add(new File([bytes], name, { type: mimeType }));
        for (const type of ['dragenter', 'dragover', 'drop'])
          element.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      { name: file.name, mimeType: file.mimeType, base64: file.buffer.toString('base64') },
    );
  }

  async create(): Promise<void> {
    await this.submitButton.click();
  }

  async cancel(): Promise<void> {
    await this.locator.getByTestId('new-article-cancel').click();
  }
}
