import { z } from 'zod';

/**
 * Path parameters shared by several routers (request and response bodies live in shared/src/api/).
 * Objects are strict: an unknown field is a 400 naming it.
 */
export const documentParams = z.object({ documentId: z.uuid() }).strict();
