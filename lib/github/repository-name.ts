/**
 * `owner/repo` as GitHub allows it: letters, digits, `-`, `_`, `.`. The same rule as `repositorySchema` in
 * lib/start-input, without zod, so the GitHub content script stays small (a unit test keeps the two in step).
 */
const REPOSITORY = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;

/** Whether `value` (trimmed) names a repository as `owner/repo`. */
export function isRepositoryName(value: string): boolean {
  return REPOSITORY.test(value.trim());
}
