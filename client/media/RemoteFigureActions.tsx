/**
 * A row whose target shows a remote image (still on Zhihu, WeChat…): offer to
 * store it with the article (the server fetches it) or to replace it with an
 * uploaded file. Publishing refuses remote images (shared/qa, check-figures).
 *
 * Reads the figures' `src` straight from the target's Y.XmlFragment (figures
 * are top-level elements), so watching a row costs no document conversion.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import type { RowMedia } from './row-media';
import { IMAGE_TYPES, takeFile } from './ImageMenuItem';
import './media.css';

const REMOTE = /^https?:\/\//i;

interface FigureSrc {
  index: number;
  src: string;
}

function figureSrcs(fragment: Y.XmlFragment): FigureSrc[] {
  const out: FigureSrc[] = [];
  let index = 0;
  for (const child of fragment.toArray()) {
    if (!(child instanceof Y.XmlElement) || child.nodeName !== 'figure') continue;
    const src = child.getAttribute('src');
    out.push({ index: index++, src: typeof src === 'string' ? src : '' });
  }
  return out;
}

const sameList = (a: FigureSrc[], b: FigureSrc[]) => a.length === b.length && a.every((item, i) => item.src === b[i]!.src);

const remoteFigures = (fragment: Y.XmlFragment) => figureSrcs(fragment).filter((figure) => REMOTE.test(figure.src));

/** Could these changes have added, removed or re-pointed a figure? Text typed inside a block cannot. */
const touchesFigures = (fragment: Y.XmlFragment, events: Y.YEvent<Y.AbstractType<unknown>>[]) =>
  events.some((event) => event.target === fragment || (event.target instanceof Y.XmlElement && event.target.nodeName === 'figure'));

function useRemoteFigures(fragment: Y.XmlFragment): FigureSrc[] {
  const [figures, setFigures] = useState<FigureSrc[]>(() => remoteFigures(fragment));
  useEffect(() => {
    // Runs on every keystroke in this row, local or a colleague's: most are text typed inside a
    // block, which asks nothing of React (even a setState that changes nothing costs a priority lookup).
    const read = (events?: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      if (events && !touchesFigures(fragment, events)) return;
      const next = remoteFigures(fragment);
      setFigures((previous) => (sameList(previous, next) ? previous : next));
    };
    read();
    fragment.observeDeep(read);
    return () => fragment.unobserveDeep(read);
  }, [fragment]);
  return figures;
}

export function RemoteFigureActions({ segmentId, target, media }: { segmentId: string; target: Y.XmlFragment; media: RowMedia }) {
  const figures = useRemoteFigures(target);
  const busy = useSyncExternalStore(media.subscribe, () => media.isBusy(segmentId));
  if (figures.length === 0 && !busy) return null;
  return (
    <div className="remote-figures" data-testid="remote-figures">
      {figures.map(({ index, src }) => (
        <div key={index} className="remote-figure" title={`This figure shows ${src}, which is not stored with the article.`}>
          <span className="remote-figure-label">Remote image{figures.length > 1 ? ` ${index + 1}` : ''}</span>
          <button type="button" data-testid="store-image" disabled={busy} onClick={() => void media.storeRemote(segmentId, index, src)}>
            Store this image
          </button>
          <label className="button-like" data-testid="replace-image">
            Replace with upload
            <input
              type="file"
              accept={IMAGE_TYPES}
              hidden
              data-testid="replace-image-input"
              onChange={(event) => {
                const file = takeFile(event);
                if (file) void media.placeFile(segmentId, file, index);
              }}
            />
          </label>
        </div>
      ))}
      {busy && (
        <span className="media-busy" role="status" data-testid="media-busy">
          Storing the image…
        </span>
      )}
    </div>
  );
}
