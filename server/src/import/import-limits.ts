/**
 * How much an import may cost, whatever the file. Each limit is checked before the work it guards,
 * and refused with its own error (the person learns which one and what to do):
 *
 *   upload          IMPORT_MAX_BYTES per file (10 MiB)                 import_file_too_large
 *   inflated XML    what a DOCX's XML parts inflate to, counted while   import_file_too_large
 *                   inflating (a ZIP directory may lie about sizes)
 *   XML elements    in the parts the Word reader parses                 import_too_complex
 *   paragraphs      per file, DOCX or text                              import_too_many_paragraphs
 *   clauses         per file, and rows of a preview or a confirmation   import_too_many_clauses
 *   time, memory    the reading thread's (import-thread.ts)             import_too_complex
 *
 * A long real agreement has a few hundred clauses and some thousands of paragraphs (the demo
 * Memorandum: 40 and 120; the 300-clause benchmark agreement: 4,000 XML elements per 100 clauses):
 * these are three to ten times that and more. A confirmed import is built on a worker thread, but the
 * event loop still applies it to the live document (in steps of 25 clauses, then the order at once:
 * about 30–50 ms in all for 1,000 clauses of two languages, more under load, and every open workspace
 * applies it too), which is why clauses are capped far lower than paragraphs; a longer agreement is
 * imported in parts (append). docs/performance.md has the figures.
 */
export const IMPORT_LIMITS = {
  /** Inflated bytes of the XML parts of one DOCX. */
  xmlBytes: 64 * 1024 * 1024,
  xmlElements: 500_000,
  paragraphs: 50_000,
  clauses: 1_000,
  /** One reading (all files of an upload) is stopped after this long. */
  readMs: 30_000,
  /** The reading thread's heap. */
  heapMb: 1024,
} as const;
