/**
 * Images in the editor's rows: upload a file (dropped or chosen) or have the
 * server store a remote image, then show it in the segment's target.
 *
 * The change goes through the row's target editor when the row is mounted
 * (see place-image.ts: it syncs and undoes like typing). A row scrolled out of
 * view while its upload ran has no editor any more: the same change is then
 * written into the Y.Doc directly.
 */
import type * as Y from 'yjs';
import { EditorState } from 'prosemirror-state';
import { readSegment, setSide, sideFragment } from '../../shared/article/article';
import { schema } from '../../shared/schema/schema';
import { describeError } from '../ui/messages';
import type { MountedRows } from '../editing/mounted-views';
import type { UndoRegistry } from '../editing/undo-registry';
import { EDITOR_ORIGIN } from '../editing/origins';
import { storeRemoteImage, uploadImage } from './media-api';
import { placeImage } from './place-image';

export interface RowMediaDeps {
  articleId: string;
  doc: Y.Doc;
  /** The mounted rows' editors by segment id (the editor page's registry, read at the moment of use). */
  views: MountedRows;
  undo: UndoRegistry;
  /** Who is editing, for the segment's "last changed by" when the row is not mounted. */
  actor: string;
  notify(message: string): void;
}

const IMAGE_NAME = /\.(png|jpe?g|gif|webp)$/i;

/** Worth uploading: an image by its type, or by its name when the browser gives no type. */
export const isImageFile = (file: File): boolean => file.type.startsWith('image/') || (file.type === '' && IMAGE_NAME.test(file.name));

export class RowMedia {
  /** Uploads and fetches under way, by segment: the row shows that it is waiting. */
  private readonly busy = new Map<string, number>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deps: RowMediaDeps) {}

  /** Upload `file` and show it in the segment's target (in figure `figureIndex`, else the first, else a new one). */
  async placeFile(segmentId: string, file: File, figureIndex: number | null = null): Promise<void> {
    if (!isImageFile(file)) return this.deps.notify(`“${file.name}” is not an image: choose a PNG, JPEG, GIF or WebP file.`);
    await this.run(segmentId, 'upload the image', async () => (await uploadImage(this.deps.articleId, file)).url, figureIndex);
  }

  /** Have the server fetch the remote image `url` and point figure `figureIndex` at the stored copy. */
  async storeRemote(segmentId: string, figureIndex: number, url: string): Promise<void> {
    await this.run(segmentId, 'store the image', async () => (await storeRemoteImage(this.deps.articleId, url)).url, figureIndex);
  }

  isBusy = (segmentId: string): boolean => (this.busy.get(segmentId) ?? 0) > 0;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private async run(segmentId: string, what: string, store: () => Promise<string>, figureIndex: number | null): Promise<void> {
    this.setBusy(segmentId, 1);
    try {
      this.show(segmentId, await store(), figureIndex);
    } catch (error) {
      this.deps.notify(`Could not ${what}: ${describeError(error)}`);
    } finally {
      this.setBusy(segmentId, -1);
    }
  }

  private setBusy(segmentId: string, delta: number): void {
    this.busy.set(segmentId, (this.busy.get(segmentId) ?? 0) + delta);
    for (const listener of this.listeners) listener();
  }

  private show(segmentId: string, src: string, figureIndex: number | null): void {
    const { doc, views, undo } = this.deps;
    let fragment: Y.XmlFragment;
    try {
      fragment = sideFragment(doc, segmentId, 'target');
    } catch {
      return this.deps.notify('The segment was removed while its image was stored; the image is kept with the article.');
    }
    const view = views.get(segmentId)?.target;
    if (view && !view.isDestroyed) {
      // The history must exist before the change, or Ctrl+Z would not find it.
      undo.for(fragment);
      view.dispatch(placeImage(view.state, src, figureIndex));
      return;
    }
    const target = readSegment(doc, segmentId).target;
    const next = placeImage(EditorState.create({ schema, doc: target }), src, figureIndex).doc;
    setSide(doc, segmentId, 'target', next, this.deps.actor, EDITOR_ORIGIN);
  }
}
