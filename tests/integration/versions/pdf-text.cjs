/**
 * Prints the text of each page and the metadata of a PDF as JSON, with pdf-parse (pdf.js). Run as a
 * child process: pdf.js loads its worker with a dynamic import, which Jest's module system refuses.
 * Usage: node pdf-text.cjs FILE.pdf
 */
const fs = require('node:fs');
const { PDFParse } = require('pdf-parse');

(async () => {
  const parser = new PDFParse({ data: fs.readFileSync(process.argv[2]) });
  try {
    const text = await parser.getText();
    const info = await parser.getInfo();
    process.stdout.write(JSON.stringify({ pages: text.pages.map((page) => page.text), info: info.info }));
  } finally {
    await parser.destroy();
  }
})().catch((err) => {
  process.stderr.write(`${err && err.stack ? err.stack : String(err)}\n`);
  process.exit(1);
});
