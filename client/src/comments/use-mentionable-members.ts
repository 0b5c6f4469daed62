/** Members whose names can be mentioned in comments; none if the list cannot be read. */
import { useEffect, useState } from 'react';
import { listMembers } from '../api/members';
import type { MemberForMentions } from './comments-viewer';

export function useMentionableMembers(documentId: string): MemberForMentions[] {
  const [members, setMembers] = useState<MemberForMentions[]>([]);
  useEffect(() => {
    let cancelled = false;
    listMembers(documentId).then(
      ({ members: list }) => {
        if (!cancelled) setMembers(list.map((m) => ({ userId: m.userId, displayName: m.displayName, role: m.role, participantId: m.participantId })));
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [documentId]);
  return members;
}
