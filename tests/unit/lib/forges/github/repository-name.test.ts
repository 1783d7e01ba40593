import { describe, expect, it } from 'vitest';
import { repositorySchema } from '@/lib/conversations/start-input';
import { isRepositoryName } from '@/lib/forges/github/repository-name';

describe('isRepositoryName', () => {
  it.each([
    ['octo-org/hello-world', true],
    [' octo-org/hello.world_2 ', true],
    ['octo-org', false],
    ['octo org/hello', false],
    ['octo-org/hello/world', false],
    ['octo_org/hello', false],
    ['', false],
  ])('should read %j as %s, like repositorySchema', (value, expected) => {
    const actual = isRepositoryName(value);

    expect(actual).toBe(expected);
    expect(repositorySchema.safeParse(value).success).toBe(expected);
  });
});
