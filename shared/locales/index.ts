/**
 * Every string a person reads, in English and Spanish, one namespace per file
 * (shared/locales/<lang>/<namespace>.json). The client and the server load the same resources;
 * a test fails when a key is missing or empty in either language.
 */
import enErrors from './en/errors.json';
import esErrors from './es/errors.json';

export const resources = {
  en: { errors: enErrors },
  es: { errors: esErrors },
} as const;

export const NAMESPACES = Object.keys(resources.en) as Array<keyof typeof resources.en>;
