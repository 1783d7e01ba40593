import { describe, expect, it } from 'vitest';
import { type ComposeFields, prepareStart } from '@/components/compose/validate';
import { MAX_MESSAGE_CHARS, startInputSchema } from '@/lib/conversations/start-input';

const fields = (overrides: Partial<ComposeFields> = {}): ComposeFields => ({
  text: 'Error: line one\nline two',
  url: 'https://forum.example.com/t/123',
  repository: 'octo-org/hello-world',
  branch: '',
  action: 'fix',
  ...overrides,
});

describe('prepareStart', () => {
  it('should build a valid start input for a selection', () => {
    const actual = prepareStart(fields({ branch: ' feature/x ' }));
    if (!actual.ok) throw new Error('expected ok');
    expect(startInputSchema.parse(actual.input)).toEqual(actual.input);
    expect(actual.input).toMatchObject({
      repository: 'octo-org/hello-world',
      branch: 'feature/x',
      title: 'Error: line one',
      source: { kind: 'selection', url: 'https://forum.example.com/t/123' },
    });
    expect(actual.input.message).toContain('Error: line one\nline two');
    expect(actual.cut).toBe(0);
  });

  it('should leave out an empty branch', () => {
    const actual = prepareStart(fields());
    expect(actual.ok && 'branch' in actual.input).toBe(false);
  });

  it('should start without a repository when none is given, and not mention one', () => {
    const actual = prepareStart(fields({ repository: '  ' }));
    if (!actual.ok) throw new Error('expected ok');
    expect(startInputSchema.parse(actual.input)).toEqual(actual.input);
    expect('repository' in actual.input).toBe(false);
    expect(actual.input.message).not.toMatch(/repository/i);
  });

  it('should accept a pasted GitHub address as the repository', () => {
    const actual = prepareStart(fields({ repository: 'https://github.com/octo-org/hello-world/pull/3' }));
    expect(actual.ok && actual.input.repository).toBe('octo-org/hello-world');
  });

  it.each([
    ['text', { text: '  \n ' }, 'There is no text to send'],
    ['branch', { repository: ' ', branch: 'main' }, 'A branch needs a repository'],
    ['repository', { repository: 'hello-world' }, 'Repository must look like owner/repo'],
    ['repository', { repository: 'octo org/hello' }, 'Repository must look like owner/repo'],
    ['branch', { branch: 'my branch' }, 'Not a valid branch name'],
    ['branch', { branch: 'a..b' }, 'Not a valid branch name'],
    ['url', { url: 'not a url' }, 'full address'],
  ] as const)('should refuse a bad %s', (field, overrides, message) => {
    const actual = prepareStart(fields(overrides));
    expect(actual).toEqual({ ok: false, errors: { [field]: expect.stringContaining(message) } });
  });

  it('should report every bad field at once', () => {
    const actual = prepareStart(fields({ text: '', repository: 'x' }));
    expect(actual.ok ? [] : Object.keys(actual.errors)).toEqual(['text', 'repository']);
  });

  it('should cut text longer than a message may be instead of refusing it', () => {
    const actual = prepareStart(fields({ text: 'z'.repeat(MAX_MESSAGE_CHARS * 2) }));
    if (!actual.ok) throw new Error('expected ok');
    expect(actual.cut).toBeGreaterThan(MAX_MESSAGE_CHARS);
    expect(startInputSchema.safeParse(actual.input).success).toBe(true);
  });
});
