import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateChromeMessagesText, parseMessagesFile } from '@wxt-dev/i18n/build';

/** Where the words live (lib/i18n/locales/<language>.yml). */
export const LOCALES_DIR = resolve('lib/i18n/locales');

/** The languages the extension ships, from the files there ("en", "de", "zh_CN"). */
export const LOCALES = readdirSync(LOCALES_DIR)
  .filter((file) => file.endsWith('.yml'))
  .map((file) => file.slice(0, -'.yml'.length));

/** A locale's messages as the browser reads them (`_locales/<language>/messages.json`). */
export async function chromeMessages(locale: string): Promise<Record<string, { message: string }>> {
  const messages = await parseMessagesFile(resolve(LOCALES_DIR, `${locale}.yml`));
  return JSON.parse(generateChromeMessagesText(messages));
}

/**
 * `i18n.getMessage` as the browser implements it for one locale's messages: positional `$1`–`$9` replaced
 * by the substitutions, `$$` read as `$`, an unknown name gives "".
 */
export function getMessageFrom(messages: Record<string, { message: string }>) {
  return (name: string, substitutions?: string | string[]): string => {
    const entry = messages[name];
    if (!entry) return '';
    const values = substitutions === undefined ? [] : [substitutions].flat();
    return entry.message.replace(/\$(\$|[1-9])/g, (_, which: string) =>
      which === '$' ? '$' : (values[Number(which) - 1] ?? ''),
    );
  };
}

/** The resident's words as an English browser gives them (the unit tests' fake browser reads en.yml). */
export { residentWords } from '@/lib/content/resident/words';
