/** Who else is in a row, as coloured initials; read by subscription, so a caret moving elsewhere re-renders nothing here. */
import { useSyncExternalStore } from 'react';
import { useArticle } from '../article-context';

export function PeopleHere({ segmentId }: { segmentId: string }) {
  const { presence } = useArticle();
  const people = useSyncExternalStore(presence.subscribe, () => presence.inSegment(segmentId));
  if (people.length === 0) return null;
  return (
    <div className="people-here" data-testid="people-here">
      {people.map((person) => (
        <span key={person.clientId} className="person-dot" style={{ background: person.color }} title={`${person.name} is here`}>
          {person.name.slice(0, 1).toUpperCase()}
        </span>
      ))}
    </div>
  );
}
