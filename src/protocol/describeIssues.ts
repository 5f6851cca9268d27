import type { z } from 'zod';

/**
 * Turns zod issues into one sentence per problem that names the field, e.g.
 * `graphic.props.name: Too big: expected string to have <=80 characters`.
 */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
