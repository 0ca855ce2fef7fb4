import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { failureConverterPath } from '../../src/temporal/data-converter';
import { bundleCaseWorkflows } from '../../worker/workflow-bundle';
import { step } from './progress';

export interface Bundles {
  /** The product's workflows, bundled as the tests and production images bundle them. */
  cases: string;
  /** The baseline workflows (bench/baseline-workflows.ts). */
  baseline: string;
}

/**
 * Bundles both workflow sets once per benchmark run (a worker would otherwise bundle at every start).
 * Both carry the product's failure converter; it only acts on failures, which the baselines never
 * raise, so the bare baseline's payloads stay bare.
 */
export async function bundleAll(dir: string): Promise<Bundles> {
  mkdirSync(dir, { recursive: true });
  const logger = new DefaultLogger('WARN');
  const build = async (name: string, bundle: () => Promise<string>) => {
    const started = Date.now();
    const code = await bundle();
    const path = join(dir, `${name}.js`);
    writeFileSync(path, code);
    step(`bundled ${name} workflows (${Math.round(code.length / 1024)} KiB) in ${Date.now() - started} ms`);
    return path;
  };
  return {
    cases: await build('case-workflows', () => bundleCaseWorkflows(logger)),
    baseline: await build('baseline-workflows', async () => {
      const workflowsPath = require.resolve('../baseline-workflows');
      return (await bundleWorkflowCode({ workflowsPath, failureConverterPath, logger })).code;
    }),
  };
}
