/**
 * The password rules as the person types (shared/src/security/password-rules.ts): length and personal
 * words at once, the common-password check once its dictionary has loaded. The dictionary (zxcvbn-ts's
 * common list, several hundred kB) is imported lazily — the first time a new-password field is shown —
 * so no other page carries it. The server checks again; its answer is the one that counts.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordProblem, quickPasswordProblem, type PasswordOwner, type PasswordProblem } from '../../../shared/src/security/password-rules';

type IsCommon = (password: string) => boolean;
let dictionary: Promise<IsCommon> | null = null;
const loadDictionary = (): Promise<IsCommon> => (dictionary ??= import('../../../shared/src/security/password-dictionary').then((m) => m.isCommonPassword));

/** The first rule the password breaks (null: none), and whether the dictionary has answered yet. */
export function usePasswordProblem(password: string, owner: PasswordOwner): { problem: PasswordProblem | null; checking: boolean } {
  const [isCommon, setIsCommon] = useState<IsCommon | null>(null);
  useEffect(() => {
    let cancelled = false;
    void loadDictionary().then((check) => {
      if (!cancelled) setIsCommon(() => check);
    });
    return () => {
      cancelled = true;
    };
  }, []);
  if (!isCommon) return { problem: quickPasswordProblem(password, owner), checking: true };
  return { problem: passwordProblem(password, owner, isCommon), checking: false };
}

/** A live line under a new-password field: what is wrong, or that it is fine. Silent while the field is empty. */
export function PasswordCheck({ id, password, owner }: { id: string; password: string; owner: PasswordOwner }) {
  const { t } = useTranslation();
  const { problem, checking } = usePasswordProblem(password, owner);
  if (!password) return <p className="hint" id={id} aria-live="polite" />;
  return (
    <p className={problem ? 'hint hint-problem' : 'hint'} id={id} aria-live="polite">
      {problem ? t(`security:problems.${problem}`) : checking ? t('security:password.checking') : t('security:password.fine')}
    </p>
  );
}
