/**
 * Presence (the y-protocols awareness) as both ends read it. A state is `{ user, focus, cursor }`; the
 * server writes `user` itself from the session of the socket that sent it (server/src/collab/presence-stamp.ts),
 * so a person appears with their own name, role, delegation and colour whatever their browser sent.
 */

/** Who a presence state belongs to. */
export interface PresenceUser {
  id: string;
  name: string;
  /** #rrggbb: the delegation's color, or the neutral color for the secretariat and others. */
  color: string;
  /** The Participant's code ("HN"), or null. */
  participant: string | null;
  role: string | null;
}

/** Secretariat, observers and anyone without a delegation: a neutral slate (7.6:1 on white). */
export const NEUTRAL_COLOR = '#4B5563';
