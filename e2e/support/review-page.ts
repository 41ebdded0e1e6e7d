/** Review threads in the editor, as a reviewer or translator uses them: select, comment, reply, apply, resolve. */
import type { Locator, Page } from 'playwright-core';
import type { EditorPage } from './editor-page';

export class ReviewControls {
  constructor(readonly editor: EditorPage) {}

  get page(): Page {
    return this.editor.page;
  }

  /** A row's open-thread count (0 when it shows only the "+"), or null while the row is not on the page. */
  async count(index: number): Promise<number | null> {
    const button = this.editor.row(index).getByTestId('thread-count');
    if ((await button.count()) === 0) return null;
    return Number(await button.getAttribute('data-count'));
  }

  async openRowThreads(index: number): Promise<void> {
    await this.editor.row(index).hover();
    await this.editor.row(index).getByTestId('thread-count').click();
    await this.panel.waitFor();
  }

  /**
   * Select `words` in a side with the mouse, as a person drags across them
   * (it works in a read-only side too, where keys cannot move a caret).
   */
  async selectWords(side: Locator, words: string): Promise<void> {
    const ends = await side.evaluate((element, wanted) => {
      const nodes: { node: Text; start: number }[] = [];
      let text = '';
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
        // Other people's caret labels are in the DOM but not in the text.
        acceptNode: (node) => (node.parentElement?.closest('.remote-caret') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        nodes.push({ node, start: text.length });
        text += node.data;
      }
      const at = text.indexOf(wanted);
      if (at < 0) return null;
      const charRect = (offset: number) => {
        const holder = nodes.find((entry) => entry.start <= offset && offset < entry.start + entry.node.data.length)!;
        const range = document.createRange();
        range.setStart(holder.node, offset - holder.start);
        range.setEnd(holder.node, offset - holder.start + 1);
        return range.getBoundingClientRect();
      };
      const first = charRect(at);
      const last = charRect(at + wanted.length - 1);
      return { from: { x: first.left + 1, y: first.top + first.height / 2 }, to: { x: last.right - 1, y: last.top + last.height / 2 } };
    }, words);
    if (!ends) throw new Error(`"${words}" is not in the side`);
    await this.page.mouse.move(ends.from.x, ends.from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(ends.to.x, ends.to.y, { steps: 8 });
    await this.page.mouse.up();
  }

  get commentButton(): Locator {
    return this.page.getByTestId('selection-comment');
  }

  get panel(): Locator {
    return this.page.getByTestId('threads-panel');
  }

  get composer(): Locator {
    return this.page.getByTestId('thread-composer');
  }

  /** Write the first comment of a new thread (the composer is open), with a suggested replacement if given. */
  async writeThread(text: string, suggestion?: string): Promise<void> {
    await this.composer.getByTestId('comment-input').fill(text);
    if (suggestion !== undefined) {
      await this.composer.getByTestId('suggest-toggle').check();
      await this.composer.getByTestId('suggestion-input').fill(suggestion);
    }
    await this.composer.getByTestId('comment-submit').click();
    await this.threadView.waitFor();
  }

  get items(): Locator {
    return this.page.getByTestId('thread-item');
  }

  get threadView(): Locator {
    return this.page.getByTestId('thread-view');
  }

  comments(): Locator {
    return this.threadView.getByTestId('comment');
  }

  /** The text of every highlight of one side, joined (a highlight can be split by marks or carets). */
  async highlighted(side: Locator): Promise<string> {
    if ((await side.count()) === 0) return '';
    return side.evaluate((element) =>
      [...element.querySelectorAll('[data-testid="thread-anchor"]')]
        .map((span) => {
          const copy = span.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('.remote-caret').forEach((caret) => caret.remove());
          return copy.textContent ?? '';
        })
        .join(''),
    );
  }
}
