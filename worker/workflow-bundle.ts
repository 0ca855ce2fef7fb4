import { bundleWorkflowCode, DefaultLogger, type Logger } from '@temporalio/worker';
import { failureConverterPath } from '../src/temporal/data-converter';
import { assertValidatorsCurrent } from './validators';

export const caseWorkflowsPath = require.resolve('../workflows');

/** Evaluated once per worker and shared by every workflow (see workflows/shared-modules.ts). */
export const sharedModulesPath = require.resolve('../workflows/shared-modules');

/**
 * The case workflows bundled as every worker runs them: tests, benchmarks and production images.
 * Every workflow evaluates the bundle's modules anew, so it carries no zod: events are checked by the
 * validators generated from the schemas, which must be current (`npm run validators`), and a bundle
 * that pulled zod in after all is refused. The case rules, messages and immer are evaluated once per
 * worker instead (workflows/shared-modules.ts).
 */
export async function bundleCaseWorkflows(logger: Logger = new DefaultLogger('WARN')): Promise<string> {
  await assertValidatorsCurrent();
  const { code } = await bundleWorkflowCode({
    workflowsPath: caseWorkflowsPath,
    failureConverterPath,
    preloadModules: [sharedModulesPath],
    logger,
  });
  assertNoZod(code);
  return code;
}

/** webpack names every module it bundles by its path: zod's are under node_modules/zod/. */
export function assertNoZod(code: string): void {
  const found = /node_modules\/zod\/[\w./-]+/.exec(code);
  if (found) {
    throw new Error(
      `the workflow bundle contains zod (${found[0]}): code the workflows import must not import zod's values (import type is fine; see src/domain/core.ts)`,
    );
  }
}
