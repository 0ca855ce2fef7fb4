import { commonEventChecks, fieldChecks } from './engine/checks';
import { courseEventChecks } from './course/checks';

/**
 * Every named refinement the event schemas use, by name: the validators generated for the workflow
 * sandbox (scripts/generate-validators.ts) call them from here. A kind's new refinement goes into its
 * checks.ts object, which is spread in below.
 */
export const checks = {
  ...fieldChecks,
  ...commonEventChecks,
  ...courseEventChecks,
};
