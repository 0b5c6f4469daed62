import { audienceKey, canReadThread, delegationOf, type CommentReader } from '../../../shared/src/comment-visibility';
import { can, ROLES } from '../../../shared/src/policy';

const GT = 'gt-participant';
const HN = 'hn-participant';

const members: Array<{ name: string; member: CommentReader | null }> = [
  { name: 'a secretariat member', member: { role: 'secretariat', participantId: null } },
  { name: 'a Guatemalan delegate', member: { role: 'delegate', participantId: GT } },
  { name: 'a Guatemalan legal reviewer', member: { role: 'legal_reviewer', participantId: GT } },
  { name: 'a Honduran delegate', member: { role: 'delegate', participantId: HN } },
  { name: 'a legal reviewer without a Participant', member: { role: 'legal_reviewer', participantId: null } },
  { name: 'an observer', member: { role: 'observer', participantId: null } },
  { name: 'an administrator who is no member', member: null },
];

const audiences = [
  { name: 'public', audience: { visibility: 'all' as const, delegationParticipantId: null }, readers: members.map((m) => m.name) },
  {
    name: "Guatemala's internal",
    audience: { visibility: 'delegation' as const, delegationParticipantId: GT },
    readers: ['a Guatemalan delegate', 'a Guatemalan legal reviewer'],
  },
  { name: "the secretariat's internal", audience: { visibility: 'delegation' as const, delegationParticipantId: null }, readers: ['a secretariat member'] },
];

describe('[V1]–[V3] who reads which thread', () => {
  describe.each(audiences)('a $name thread', ({ audience, readers }) => {
    it.each(members)('is read by $name only if listed', ({ name, member }) => {
      expect(canReadThread(member, audience)).toBe(readers.includes(name));
    });
  });

  it('agrees with the policy table on reading internal notes, for every role', () => {
    for (const role of ROLES) {
      for (const participantId of [null, GT]) {
        if (role === 'delegate' && participantId === null) continue;
        if ((role === 'secretariat' || role === 'observer') && participantId !== null) continue;
        const subject = { userId: 'u', isAdmin: false, membership: { role, participantId } };
        for (const audienceParticipant of [null, GT, HN]) {
          const audience = { visibility: 'delegation' as const, delegationParticipantId: audienceParticipant };
          const policy = can(subject, 'comment.read_internal', { participantId: audienceParticipant }).allowed;
          expect({ role, participantId, audienceParticipant, allowed: canReadThread({ role, participantId }, audience) }).toEqual({
            role,
            participantId,
            audienceParticipant,
            allowed: policy,
          });
        }
      }
    }
  });

  it('names the delegation of each member, and none for observers and unattached reviewers', () => {
    expect(members.map((m) => delegationOf(m.member))).toEqual(['secretariat', GT, GT, HN, null, null, null]);
    expect(audienceKey({ visibility: 'all', delegationParticipantId: null })).toBeNull();
  });
});
