import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { failureConverterPath } from '../src/temporal/data-converter';
import { ensureTemporalCli, ensureTestServer } from '../scripts/lib/temporal-binaries';
import { WORKFLOW_BUNDLE_PATH } from './helpers/paths';

export default async function globalSetup(): Promise<void> {
  ensureTemporalCli();
  ensureTestServer();
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('../workflows'),
    failureConverterPath,
    logger: new DefaultLogger('WARN'),
  });
  mkdirSync(join(WORKFLOW_BUNDLE_PATH, '..'), { recursive: true });
  writeFileSync(WORKFLOW_BUNDLE_PATH, code);
}
