// Parses and validates AsyncAPI documents with the official parser (@asyncapi/parser, its Spectral ruleset
// included): node validate.mjs FILE... Exits 1 when a document has an error or a warning, printing each.
import { readFileSync } from 'node:fs';
import { Parser, DiagnosticSeverity } from '@asyncapi/parser';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node validate.mjs FILE...');
  process.exit(2);
}
const parser = new Parser();
const names = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info', [DiagnosticSeverity.Hint]: 'hint' };
let failed = false;
for (const file of files) {
  const { document, diagnostics } = await parser.parse(readFileSync(file, 'utf8'), { source: file });
  const serious = diagnostics.filter(d => d.severity <= DiagnosticSeverity.Warning);
  for (const d of diagnostics) {
    console.log(`${file}: ${names[d.severity]} ${d.code} at ${d.path.join('.') || '/'}: ${d.message}`);
  }
  if (!document || serious.length > 0) {
    failed = true;
    console.log(`${file}: INVALID`);
  } else {
    const channels = document.channels().all().map(c => c.address());
    console.log(`${file}: valid AsyncAPI ${document.version()}, channels ${channels.join(', ')}`);
  }
}
process.exit(failed ? 1 : 0);
