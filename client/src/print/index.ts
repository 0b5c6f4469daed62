/** Printing the agreement and downloading drafts (issue 19). */
import './output.css';
import './print.css';

export { DocumentOutput } from './document-output';
export { DownloadMenu, type DownloadMenuProps } from './download-menu';
export { buildPrintDocument, type PrintSource } from './print-document';
export { draftExportPath, DRAFT_CHOICES } from './draft-downloads';
