/**
 * The accounts a comment can @mention, from `GET /api/members`. When that
 * cannot be had (offline, or an older server) the names already seen in this
 * article stand in, so mentions still work for the people who take part here.
 */
import { useEffect, useState } from 'react';
import { listMembers, type Member } from '../api/api';

/** Members from the server, or null until (and unless) it answers. */
export function useServerMembers(): Member[] | null {
  const [members, setMembers] = useState<Member[] | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    listMembers(controller.signal).then(
      (list) => setMembers(list),
      () => undefined, // the fallback below serves
    );
    return () => controller.abort();
  }, []);
  return members;
}

/** The server's members when known, else the names given (authors, people present), each once. */
export function mentionable(serverMembers: Member[] | null, seen: Iterable<string>): string[] {
  if (serverMembers && serverMembers.length > 0) return serverMembers.map((member) => member.name);
  return [...new Set([...seen].filter((name) => name !== ''))].sort();
}
