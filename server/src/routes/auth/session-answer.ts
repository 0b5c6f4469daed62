import type { Request, Response } from 'express';
import { sessionSetCookie } from '../../auth/session-cookie';
import type { SignedIn } from '../../commands/sign-in';
import { presentSession } from '../../presenters/user';

/** Sets the new session's cookie and answers like GET /api/me. */
export function answerSignedIn(req: Request, res: Response, signedIn: SignedIn) {
  const maxAgeSeconds = Math.max(1, Math.floor((signedIn.expiresAt.getTime() - Date.now()) / 1000));
  res.append('Set-Cookie', sessionSetCookie(signedIn.token, { secure: req.secure, maxAgeSeconds }));
  res.setHeader('Cache-Control', 'no-store');
  req.lang = signedIn.user.uiLanguage;
  return presentSession(signedIn.user, signedIn.csrfToken);
}
