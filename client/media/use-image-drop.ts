/**
 * Dropping an image file onto a row's target (or onto one of its figures).
 * Listened for in the capture phase on the element around the editor, so the
 * editor never sees an image drop (it would try to insert the file's name);
 * any other drop (text dragged from elsewhere) goes on to the editor unchanged.
 */
import { useEffect, type RefObject } from 'react';
import { useLatest } from '../ui/use-latest';
import { isImageFile } from './row-media';

export type ImageDropHandler = (file: File, figureIndex: number | null) => void;

const DROP_CLASS = 'image-drop-target';

const carriesFiles = (event: DragEvent): boolean => Array.from(event.dataTransfer?.types ?? []).includes('Files');

/** `onImage` null: dropping is off (the person may not edit the target). */
export function useImageDrop(mount: RefObject<HTMLElement | null>, onImage: ImageDropHandler | null): void {
  // The handler changes with the row; the listeners stay while dropping is on, and call the newest.
  const latest = useLatest(onImage);
  const enabled = onImage != null;
  useEffect(() => {
    const element = mount.current;
    if (!element || !enabled) return;
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      event.stopPropagation();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      element.classList.add(DROP_CLASS);
    };
    const leave = (event: DragEvent) => {
      if (!(event.relatedTarget instanceof Node && element.contains(event.relatedTarget))) element.classList.remove(DROP_CLASS);
    };
    const drop = (event: DragEvent) => {
      element.classList.remove(DROP_CLASS);
      const file = Array.from(event.dataTransfer?.files ?? []).find(isImageFile);
      if (!file) return;
      event.preventDefault();
      event.stopPropagation();
      // Figures are top-level blocks, so their order in the page is their order in the target.
      const figure = event.target instanceof Element ? event.target.closest('figure') : null;
      const index = figure ? Array.from(element.querySelectorAll('figure')).indexOf(figure) : -1;
      latest.current?.(file, index >= 0 ? index : null);
    };
    element.addEventListener('dragenter', over, true);
    element.addEventListener('dragover', over, true);
    element.addEventListener('dragleave', leave, true);
    element.addEventListener('drop', drop, true);
    return () => {
      element.removeEventListener('dragenter', over, true);
      element.removeEventListener('dragover', over, true);
      element.removeEventListener('dragleave', leave, true);
      element.removeEventListener('drop', drop, true);
      element.classList.remove(DROP_CLASS);
    };
  }, [mount, enabled, latest]);
}
