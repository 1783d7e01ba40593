import { resolve } from 'node:path';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { LOCALES, LOCALES_DIR } from '../../../support/i18n';

/** A locale file's words by key, each with the placeholders it uses. */
async function wordsOf(locale: string) {
  const parsed = await parseMessagesFile(resolve(LOCALES_DIR, `${locale}.yml`));
  const words = new Map<string, string[]>();
  for (const entry of parsed) {
    if (entry.type === 'chrome') continue;
    const key = entry.key.join('.');
    if (entry.type === 'plural')
      for (const [form, text] of Object.entries(entry.plurals)) words.set(`${key}[${form}]`, [text]);
    else words.set(key, [entry.message]);
  }
  return words;
}

/** The placeholders in a message, sorted: `{name}` and `$1`–`$9` (a literal `$$` is none). */
const placeholders = (text: string) =>
  [...text.replaceAll('$$', '').matchAll(/\{\w+\}|\$[1-9]/g)].map((match) => match[0]).sort();

describe('locales', () => {
  it('ships English, German and Simplified Chinese', () => {
    expect(LOCALES.sort()).toEqual(['de', 'en', 'zh_CN']);
  });

  for (const locale of LOCALES.filter((name) => name !== 'en')) {
    it(`${locale} has every English key, none empty, none extra, with the same placeholders`, async () => {
      const english = await wordsOf('en');
      const other = await wordsOf(locale);
      const keys = (words: Map<string, string[]>) =>
        [...words.keys()].map((key) => key.replace(/\[(1|n)\]$/, '')).sort();
      expect([...new Set(keys(other))]).toEqual([...new Set(keys(english))]);
      for (const [key, [text = '']] of other) {
        expect(text.trim(), `${locale} ${key}`).not.toBe('');
        const base = key.replace(/\[(0|1|n)\]$/, '');
        const englishText = english.get(key)?.[0] ?? english.get(`${base}[n]`)?.[0] ?? '';
        expect(placeholders(text), `${locale} ${key}: placeholders`).toEqual(placeholders(englishText));
      }
    });
  }

  it('English has no empty message', async () => {
    for (const [key, [text = '']] of await wordsOf('en')) expect(text.trim(), key).not.toBe('');
  });
});
