import type { z } from 'zod';

/** Longest key or path segment quoted back: a refusal names the problem, it never echoes a huge input. */
const MAX_KEY_CHARS = 40;
const MAX_KEYS_LISTED = 5;
const MAX_ISSUES_LISTED = 10;

/**
 * Turns zod issues into one sentence per problem that names the field, e.g.
 * `graphic.props.name: Too big: expected string to have <=80 characters`.
 */
export function describeIssues(error: z.ZodError): string {
  const lines = error.issues.slice(0, MAX_ISSUES_LISTED).map((issue) => {
    const path = issue.path.map((part) => cutKey(String(part))).join('.');
    const message = issue.code === 'unrecognized_keys' ? unknownKeys(issue.keys) : issue.message;
    return path ? `${path}: ${message}` : message;
  });
  const more = error.issues.length - MAX_ISSUES_LISTED;
  if (more > 0) lines.push(`and ${more} more ${more === 1 ? 'problem' : 'problems'}`);
  return lines.join('; ');
}

function unknownKeys(keys: string[]): string {
  const listed = keys.slice(0, MAX_KEYS_LISTED).map((key) => `"${cutKey(key)}"`).join(', ');
  const more = keys.length > MAX_KEYS_LISTED ? ` and ${keys.length - MAX_KEYS_LISTED} more` : '';
  return `Unrecognized ${keys.length === 1 ? 'key' : 'keys'}: ${listed}${more}`;
}

function cutKey(key: string): string {
  return key.length <= MAX_KEY_CHARS ? key : `${key.slice(0, MAX_KEY_CHARS)}…`;
}
