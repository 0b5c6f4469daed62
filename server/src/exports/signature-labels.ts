/**
 * The words the signature conventions add to a signed export, in the language of the text they
 * accompany, from shared/locales/<lang>/signature.json ("export"): "Original for El Salvador", "Done at
 * …, in four originals, in the English and Spanish languages, both texts being equally authentic", the
 * initials in the footer, "ad referendum" and its confirmation. As with labels.ts, exports are verified
 * by rendering them again: changing one of these strings changes the bytes of every later original.
 */
import type { TFunction } from 'i18next';
import { translator, type UiLanguage } from '../i18n';
import type { ExportLabels } from './labels';
import type { Attestations, OriginalCopy, OriginalsStatement } from '../../../shared/src/versions/signature-conventions';
import type { SignatureRecord, VersionRecord } from '../../../shared/src/versions/version-record';

type Participant = VersionRecord['participants'][number];

export interface SignatureLabels {
  t: TFunction;
  /** How an original's heading names a Participant ("the United States", "El Salvador"); its full name for a code without one. */
  shortName(participant: Participant): string;
  /** "Original for El Salvador" */
  originalFor(participant: Participant): string;
  /** "Original 2 of 4" */
  originalNumber(original: OriginalCopy): string;
  /** "Done at San Salvador, on 1 March 2026, in four originals, in the English and Spanish languages, both texts being equally authentic." */
  doneInOriginals(signature: SignatureRecord, originals: OriginalsStatement): string;
  /** "Initialled: US JR · SV MG" */
  initialled(record: VersionRecord, attestations: Attestations): string;
}

export function signatureLabels(lang: string, labels: ExportLabels): SignatureLabels {
  const t = translator(lang as UiLanguage, 'signature');
  const shortName = (participant: Participant): string =>
    t(`export.shortName.${participant.code}`, { defaultValue: participant.name[lang] ?? participant.code });
  return {
    t,
    shortName,
    originalFor: (participant) => t('export.originalFor', { name: shortName(participant) }),
    originalNumber: (original) => t('export.originalNumber', { number: original.number, of: original.of }),
    doneInOriginals: (signature, originals) => {
      const count = originals.count;
      const number = count <= 10 ? t(`export.numberWord.${count}`) : String(count);
      const names = originals.languages.map((code) => t(`export.languageInSentence.${code}`, { defaultValue: labels.languageName(code) }));
      const languagesKey = names.length === 1 ? 'export.languagesOne' : names.length === 2 ? 'export.languagesTwo' : 'export.languagesMany';
      return t('export.doneInOriginals', {
        place: signature.place[lang] ?? '',
        date: labels.date(signature.date),
        originals: count === 1 ? t('export.originalsOne') : t('export.originalsMany', { number }),
        languages: t(languagesKey, { languages: joinNames(names, t('export.and'), lang) }),
      });
    },
    initialled: (record, attestations) => {
      const list = attestations.initials.map((i) => `${record.participants.find((p) => p.id === i.participantId)?.code ?? ''} ${i.initials}`).join(' · ');
      return t('export.initialled', { list });
    },
  };
}

/**
 * "English and Spanish", "inglés, francés y español". Spanish writes "e" for "y" before a word that
 * starts with the sound /i/ ("español e inglés"), but not before "hie"/"hia" ("agua y hielo").
 */
export function joinNames(names: readonly string[], and: string, lang: string): string {
  if (names.length <= 1) return names.join('');
  const last = names[names.length - 1];
  const conjunction = lang === 'es' && and === 'y' && /^h?[ií](?![aeiouáéíóú])/i.test(last) ? 'e' : and;
  return `${names.slice(0, -1).join(', ')} ${conjunction} ${last}`;
}
