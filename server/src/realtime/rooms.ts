/** socket.io rooms: everyone on a document, and each delegation's (or the secretariat's) own room on it. */
export const documentRoom = (documentId: string) => `doc:${documentId}`;
export const delegationRoom = (documentId: string, participantId: string | null) => `doc:${documentId}:p:${participantId ?? 'secretariat'}`;
