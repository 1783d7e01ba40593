import { REPOSITORY_PATTERN } from '@/lib/conversations/start-rules';

/** Whether `value` (trimmed) names a repository as `owner/repo`: `repositorySchema`'s rule, without zod. */
export function isRepositoryName(value: string): boolean {
  return REPOSITORY_PATTERN.test(value.trim());
}
