import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureTemporalCli, ensureTestServer } from '../scripts/lib/temporal-binaries';
import { bundleCaseWorkflows } from '../worker/workflow-bundle';
import { WORKFLOW_BUNDLE_PATH } from './helpers/paths';

export default async function globalSetup(): Promise<void> {
  ensureTemporalCli();
  ensureTestServer();
  const code = await bundleCaseWorkflows();
  mkdirSync(join(WORKFLOW_BUNDLE_PATH, '..'), { recursive: true });
  writeFileSync(WORKFLOW_BUNDLE_PATH, code);
}
