/** The review workflow in the editor and the app header: selection, bulk actions, send back, history, notifications. */
import type { Locator, Page } from 'playwright-core';
import type { EditorPage } from './editor-page';

export class WorkflowControls {
  constructor(readonly editor: EditorPage) {}

  get page(): Page {
    return this.editor.page;
  }

  /** A row by segment id, wherever the filter puts it. */
  rowOf(segmentId: string): Locator {
    return this.page.locator(`[data-testid="segment-row"][data-segment="${segmentId}"]`);
  }

  /** The segment ids of the rows shown, top to bottom (the rows near the viewport). */
  async shownSegments(): Promise<string[]> {
    const rows = await this.page
      .getByTestId('segment-row')
      .evaluateAll((elements) => elements.map((element) => [Number(element.getAttribute('data-index')), element.getAttribute('data-segment') ?? ''] as const));
    return rows.sort((a, b) => a[0] - b[0]).map(([, id]) => id);
  }

  async showOnly(filter: 'all' | 'assigned' | 'untranslated' | 'mine'): Promise<void> {
    await this.page.getByTestId('filter').selectOption(filter);
  }

  /** Tick a row's box; with shift, the range from the last ticked row. */
  async tick(segmentId: string, shift = false): Promise<void> {
    await this.rowOf(segmentId)
      .getByTestId('row-select')
      .click({ modifiers: shift ? ['Shift'] : [] });
  }

  get bulkCount(): Locator {
    return this.page.getByTestId('bulk-count');
  }

  get bulkApprove(): Locator {
    return this.page.getByTestId('bulk-approve');
  }

  async assign(people: { translator?: string; reviewer?: string }): Promise<void> {
    await this.page.getByTestId('bulk-assign').click();
    const dialog = this.page.getByTestId('assign-dialog');
    // The members arrive from the server: wait for the names before choosing.
    if (people.translator) {
      await dialog.locator(`[data-testid="assign-translator"] option[value="${people.translator}"]`).waitFor({ state: 'attached' });
      await dialog.getByTestId('assign-translator').selectOption(people.translator);
    }
    if (people.reviewer) {
      await dialog.locator(`[data-testid="assign-reviewer"] option[value="${people.reviewer}"]`).waitFor({ state: 'attached' });
      await dialog.getByTestId('assign-reviewer').selectOption(people.reviewer);
    }
    await dialog.getByTestId('assign-submit').click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** The initials on a row: role → account name. */
  async assignees(segmentId: string): Promise<Record<string, string>> {
    const entries = await this.rowOf(segmentId)
      .getByTestId('assignee')
      .evaluateAll((elements) => elements.map((element) => [element.getAttribute('data-role') ?? '', element.getAttribute('data-user') ?? ''] as const));
    return Object.fromEntries(entries);
  }

  status(segmentId: string): Locator {
    return this.rowOf(segmentId).getByTestId('status-chip');
  }

  /** The statuses the chip offers, as it words them. */
  async offered(segmentId: string): Promise<string[]> {
    return this.status(segmentId).locator('option').allTextContents();
  }

  get sendBackDialog(): Locator {
    return this.page.getByTestId('send-back-dialog');
  }

  get notice(): Locator {
    return this.page.getByTestId('editor-notice');
  }

  async openHistory(segmentId: string): Promise<Locator> {
    const row = this.rowOf(segmentId);
    await row.getByTestId('row-actions').click();
    await row.getByTestId('open-history').click();
    const panel = this.page.getByTestId('history-panel');
    await panel.waitFor();
    return panel;
  }
}

export class NotificationsBell {
  constructor(readonly page: Page) {}

  get button(): Locator {
    return this.page.getByTestId('notifications-button');
  }

  get unread(): Locator {
    return this.page.getByTestId('notifications-unread');
  }

  get items(): Locator {
    return this.page.getByTestId('notification');
  }

  async open(): Promise<void> {
    if ((await this.button.getAttribute('aria-expanded')) !== 'true') await this.button.click();
    await this.page.getByTestId('notifications-panel').waitFor();
  }
}
