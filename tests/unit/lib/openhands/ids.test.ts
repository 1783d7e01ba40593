// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { normalizeId, sameId, toUuid } from '@/lib/openhands/ids';

describe('ids', () => {
  const dashless = '13ac04c455964f4c98dcb04544e05a9a';
  const dashed = '13ac04c4-5596-4f4c-98dc-b04544e05a9a';

  it('should normalize to lowercase without dashes', () => {
    expect(normalizeId(dashed.toUpperCase())).toBe(dashless);
  });

  it('should format a uuid with dashes', () => {
    expect(toUuid(dashless)).toBe(dashed);
    expect(toUuid(dashed)).toBe(dashed);
  });

  it('should leave non-uuids alone', () => {
    expect(toUuid('task-1')).toBe('task-1');
  });

  it('should compare across forms', () => {
    expect(sameId(dashed.toUpperCase(), dashless)).toBe(true);
    expect(sameId(dashless, '0'.repeat(32))).toBe(false);
  });
});
