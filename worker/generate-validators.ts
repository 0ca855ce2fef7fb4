import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { generateValidators, validatorsFileIsCurrent, validatorsPath } from './validators';

/**
 * `npm run validators`: writes src/domain/generated/event-validators.ts from the event schemas;
 * `npm run validators -- --check` only says whether the committed file is current (exit 1 if not).
 */
if (process.argv.includes('--check')) {
  if (!validatorsFileIsCurrent()) {
    console.error(
      `${relative(process.cwd(), validatorsPath)} is not what the event schemas generate: run \`npm run validators\``,
    );
    process.exit(1);
  }
  console.log(`${relative(process.cwd(), validatorsPath)} is current`);
} else {
  const code = generateValidators();
  writeFileSync(validatorsPath, code);
  console.log(`wrote ${relative(process.cwd(), validatorsPath)} (${(code.length / 1024).toFixed(0)} KiB)`);
}
