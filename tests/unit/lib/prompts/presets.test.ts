import { describe, expect, it } from 'vitest';
import type { PageContext } from '@/lib/forges/page-data';
import { ISSUE_PRESETS } from '@/lib/prompts/issue-presets';
import {
  buildMessage,
  defaultPreset,
  type PresetId,
  presetsFor,
  resolvePresetId,
} from '@/lib/prompts/presets';
import { PULL_PRESETS } from '@/lib/prompts/pull-presets';
import { presetIdSchema } from '@/tests/support/presets-schema';
import { FORK_PULL, ISSUE, PULL } from './contexts';

const EVERY_PRESET: [PageContext, PresetId][] = [
  ...presetsFor('issue').map((preset): [PageContext, PresetId] => [ISSUE, preset.id]),
  ...presetsFor('pull').map((preset): [PageContext, PresetId] => [PULL, preset.id]),
  ...presetsFor('pull').map((preset): [PageContext, PresetId] => [FORK_PULL, preset.id]),
];

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

  it.each([
    ['issue', ISSUE_PRESETS, ISSUE],
    ['pull', PULL_PRESETS, PULL],
  ] as const)(
    'should give every %s preset a label, a description and the text it sends',
    (_, presets, context) => {
      for (const preset of presets) {
        // Each preset is called with its own kind of page; the table pairs them.
        const { task, steps } = preset.template(context as never);
        const message = buildMessage(context, preset.id);

        expect(preset.label.trim()).not.toBe('');
        expect(preset.description.trim()).not.toBe('');
        expect(task.trim()).not.toBe('');
        expect(steps.length).toBeGreaterThan(0);
        for (const step of steps) expect(message).toContain(step);
      }
    },
  );
});

describe('defaultPreset', () => {
  it.each([
    ['issue', 'solve'],
    ['pull', 'address-review'],
  ] as const)('should default %s pages to %s', (kind, expected) => {
    const actual = defaultPreset(kind).id;

    expect(actual).toBe(expected);
  });

  it.each(['issue', 'pull'] as const)('should put the default first in the %s menu', (kind) => {
    const actual = presetsFor(kind)[0];

    expect(actual).toBe(defaultPreset(kind));
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

describe('buildMessage', () => {
  it.each(EVERY_PRESET)('should name the page, its title and body (#$number, $1)', (context, presetId) => {
    const actual = buildMessage(context, presetId);

    expect(actual).toContain(context.url);
    expect(actual).toContain(`"${context.title}"`);
    expect(actual).toContain(context.body);
    expect(actual).toContain(`#${context.number} in octo-org/hello-world`);
  });

  it.each([
    [ISSUE, 'solve', /^Solve GitHub issue #42 /],
    [ISSUE, 'investigate', /^Investigate GitHub issue #42 /],
    [PULL, 'address-review', /^Address the review comments on GitHub pull request #7 /],
    [PULL, 'fix-checks', /^Fix the failing checks of GitHub pull request #7 /],
    [PULL, 'resolve-conflicts', /^Resolve the merge conflicts of GitHub pull request #7 /],
    [PULL, 'review', /^Review and explain GitHub pull request #7 /],
  ] as const)('should state the task of %#: %s', (context, presetId, expected) => {
    const actual = buildMessage(context, presetId);

    expect(actual).toMatch(expected);
  });

  it.each([
    [ISSUE, 'solve'],
    [PULL, 'address-review'],
  ] as const)('should start the custom prompt from the default preset (%#)', (context, defaultId) => {
    const expected = buildMessage(context, defaultId);

    const actual = buildMessage(context, 'custom');

    expect(actual).toBe(expected);
  });

  it.each(['solve', 'constructor', '__proto__'])(
    'should use the default preset for an id not in the menu (%s)',
    (presetId) => {
      const expected = buildMessage(PULL, 'address-review');

      const actual = buildMessage(PULL, presetId);

      expect(actual).toBe(expected);
    },
  );
});
