import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { holidayTableJson } from './lib/holidays';

/** Writes the Danish public holidays the deadline calendar uses: `npm run holidays:generate`. */
const target = join(__dirname, '..', 'src', 'domain', 'engine', 'holidays-dk.json');
writeFileSync(target, holidayTableJson());
console.log(`wrote ${target}`);
