import { describe, expect, it } from 'vitest';
import { defaultPreset, presetsFor, resolvePresetId } from '@/lib/prompts/presets';
import { presetIdSchema } from '@/tests/support/presets-schema';

describe('presetsFor', () => {
  it('should list the issue presets, default first', () => {
    const expected = [
      ['solve', 'Solve the issue'],
      ['investigate', 'Investigate and report'],
      ['custom', 'Custom prompt…'],
    ];

    const actual = presetsFor('issue').map((preset) => [preset.id, preset.label]);

    expect(actual).toEqual(expected);
  });

  it('should list the PR presets, default first', () => {
    const expected = [
      ['address-review', 'Address review comments'],
      ['fix-checks', 'Fix failing checks'],
      ['resolve-conflicts', 'Resolve merge conflicts'],
      ['review', 'Review and explain'],
      ['custom', 'Custom prompt…'],
    ];

    const actual = presetsFor('pull').map((preset) => [preset.id, preset.label]);

    expect(actual).toEqual(expected);
  });
});

describe('defaultPreset', () => {
  it.each([
    ['issue', 'solve'],
    ['pull', 'address-review'],
  ] as const)('should default %s pages to %s', (kind, expected) => {
    const actual = defaultPreset(kind).id;

    expect(actual).toBe(expected);
  });
});

describe('resolvePresetId', () => {
  it.each([
    ['issue', 'investigate', 'investigate'],
    ['issue', 'review', 'solve'],
    ['pull', 'review', 'review'],
    ['pull', 'solve', 'address-review'],
    ['pull', undefined, 'address-review'],
    ['pull', 'nonsense', 'address-review'],
  ] as const)('should resolve %s/%s to %s', (kind, id, expected) => {
    const actual = resolvePresetId(kind, id);

    expect(actual).toBe(expected);
  });
});

describe('presetIdSchema', () => {
  it('should accept every listed preset and nothing else', () => {
    const ids = [...presetsFor('issue'), ...presetsFor('pull')].map((preset) => preset.id);

    expect(ids.every((id) => presetIdSchema.safeParse(id).success)).toBe(true);
    expect(presetIdSchema.safeParse('nonsense').success).toBe(false);
  });
});
