import { bundleWorkflowCode, DefaultLogger, type Logger } from '@temporalio/worker';
import { failureConverterPath } from '../src/temporal/data-converter';

export const caseWorkflowsPath = require.resolve('../workflows');

/** The case workflows bundled as every worker runs them: tests, benchmarks and production images. */
export async function bundleCaseWorkflows(logger: Logger = new DefaultLogger('WARN')): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: caseWorkflowsPath,
    failureConverterPath,
    logger,
  });
  return code;
}
