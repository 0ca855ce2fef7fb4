import { writeFileSync } from 'node:fs';
import { bundleCaseWorkflows } from './workflow-bundle';

/**
 * Bundles the workflow code once, at image build time, so a worker starts at once and every worker
 * of a release runs the very same code: `node dist/worker/bundle-workflows.js <out.js>`, then
 * RF_WORKFLOW_BUNDLE=<out.js>.
 */
async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new Error('usage: bundle-workflows <output file>');
  const code = await bundleCaseWorkflows();
  writeFileSync(out, code);
  console.log(`workflow bundle: ${out} (${(code.length / 1024).toFixed(0)} KiB)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
