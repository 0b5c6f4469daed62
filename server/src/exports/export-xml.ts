/**
 * Whether the XML of an export parses: the Akoma Ntoso file itself, or every XML part of a DOCX
 * package. Verification asks it of a file only once the file is known to be exactly what this exporter
 * renders, so what it inflates is bounded by our own output.
 */
import JSZip from 'jszip';
import type { ExportFormat } from '../../../shared/src/api/versions';
import { xmlProblems } from './xml-well-formed';

/** The problems of the file's XML, each prefixed with its part for a DOCX; none for PDF and JSON. */
export async function exportXmlProblems(bytes: Buffer, format: ExportFormat): Promise<string[]> {
  if (format === 'akn') return xmlProblems(bytes.toString('utf8'));
  if (format !== 'docx') return [];
  const zip = await JSZip.loadAsync(bytes);
  const problems: string[] = [];
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir || !/\.(xml|rels)$/.test(name)) continue;
    for (const problem of xmlProblems(await file.async('string'))) problems.push(`${name}: ${problem}`);
  }
  return problems;
}
