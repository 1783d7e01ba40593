/** `owner/repo` as GitHub allows it: letters, digits, `-`, `_`, `.`. */
export const REPOSITORY_PATTERN = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;

/** Whether `value` (trimmed) names a repository as `owner/repo`: `repositorySchema`'s rule, without zod. */
export function isRepositoryName(value: string): boolean {
  return REPOSITORY_PATTERN.test(value.trim());
}
