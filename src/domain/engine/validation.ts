import type { z } from 'zod';

/** One line per problem, `field.path: what is wrong`, for error messages people read. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}
