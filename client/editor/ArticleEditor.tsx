/**
 * The editor page for one article: its session and page-wide hubs started
 * and ended with the page, and the surface shown: the opening rows while the
 * article's document is on its way (use-opening.ts), then the article's.
 */
import { useEffect, useState } from 'react';
import type { ArticleSession, SessionUser } from '../collab/article-session';
import { afterPaint } from '../collab/after-paint';
import { claimSession } from '../collab/early-session';
import { PresenceHub } from '../editing/presence';
import { UndoRegistry } from '../editing/undo-registry';
import { ReviewHub } from '../review/review-hub';
import { ConsistencyHub } from '../publish/consistency-hub';
import { approvedTranslations } from '../memory/memory-api';
import { EditorSurface } from './EditorSurface';
import { useOpening } from './use-opening';
import './editor.css';
import '../memory/memory.css';

interface EditorParts {
  session: ArticleSession;
  presence: PresenceHub;
  undo: UndoRegistry;
  review: ReviewHub;
  consistency: ConsistencyHub;
}

export function ArticleEditor({ articleId, user }: { articleId: string; user: SessionUser }) {
  const [parts, setParts] = useState<EditorParts | null>(null);
  const opening = useOpening(articleId, parts?.session ?? null, user);
  // The session starts once the opening rows are shown and painted (or known absent): see use-opening.ts.
  const openingDecided = opening.kind !== 'pending';
  const { id, name, role } = user;
  useEffect(() => {
    if (!openingDecided) return;
    let started: EditorParts | null = null;
    // After the frame that shows the opening rows: starting the session (device copy, websocket,
    // a render of the page with it) takes a few tens of milliseconds the first rows need not wait for.
    const cancel = afterPaint(() => {
      // Opened already if the app was loaded at this article's address without an opening (early-session.ts).
      const session = claimSession(articleId, { id, name, role });
      started = {
        session,
        presence: new PresenceHub(session.provider.awareness),
        undo: new UndoRegistry(),
        review: new ReviewHub(session.doc),
        consistency: new ConsistencyHub(session.doc, () => approvedTranslations(articleId)),
      };
      setParts(started);
    });
    return () => {
      cancel();
      if (!started) return;
      started.consistency.destroy();
      started.review.destroy();
      started.presence.destroy();
      started.undo.destroy();
      started.session.destroy();
    };
  }, [articleId, id, name, role, openingDecided]);
  // Keyed: the opening rows and the article's are different documents, never the same views.
  if (opening.kind === 'shown') {
    const { doc, presence, undo, review, handOver, total, session } = opening.parts;
    return (
      <EditorSurface
        key="opening"
        session={parts?.session ?? session}
        doc={doc}
        presence={presence}
        undo={undo}
        review={review}
        user={user}
        opening={{ handOver, total }}
      />
    );
  }
  if (!parts) return <p className="status-message">Opening the article…</p>;
  return <EditorSurface key="article" {...parts} doc={parts.session.doc} user={user} carried={opening.kind === 'handed-over' ? opening.carried : null} />;
}
