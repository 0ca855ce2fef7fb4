import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTemplates } from '../src/notifications/templates';
import { letterSamples, sampleFile } from './lib/letter-samples';

/** Writes a sample of every letter to docs/letters/ (plain text and HTML), replacing the old ones. */
const dir = join(__dirname, '..', 'docs', 'letters');
mkdirSync(dir, { recursive: true });
for (const file of readdirSync(dir)) if (/\.(txt|html)$/.test(file)) rmSync(join(dir, file));
const samples = letterSamples(loadTemplates());
for (const sample of samples) {
  writeFileSync(join(dir, `${sample.name}.txt`), sampleFile(sample));
  writeFileSync(join(dir, `${sample.name}.html`), sample.html);
}
console.log(`${samples.length} letters written to ${dir}`);
