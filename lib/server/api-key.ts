/*
 * An OpenHands API key as people paste it: copied from a web page, a password manager or a terminal, so it may
 * come with surrounding spaces, a line break, a `Bearer ` prefix, or an invisible character picked up on the
 * way. What is safe to strip is stripped; anything else inside the key is refused with a sentence that says
 * what is wrong, because a key that cannot travel in an HTTP header would never reach the server. No zod and
 * no imports but the words (lib/i18n), so the options page, the background and the HTTP layer share it.
 */

import { formatNumber, t } from '@/lib/i18n';

/** What a request header may carry: visible ASCII, no spaces. */
const HEADER_SAFE = /^[\x21-\x7e]+$/;

/** `Bearer ` (any case, any whitespace after it), as copied from a curl command or an API client. */
const BEARER = /^bearer\s+/i;

declare const apiKeyBrand: unique symbol;
/**
 * A key as it is sent, made only by `cleanApiKey`: every step after the options form and the key store takes
 * this type, so none cleans it again.
 */
export type ApiKey = string & { readonly [apiKeyBrand]: true };

/** `key` is null when nothing was typed (or only what is stripped). */
export type ApiKeyCheck = { ok: true; key: ApiKey | null } | { ok: false; problem: string };

/** One character as a reader can find it: its name for the usual suspects, else `U+XXXX`. */
function nameOf(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (char === '\n' || char === '\r' || char === '\u2028' || char === '\u2029')
    return t('errors.apiKey.lineBreak');
  if (char === '\t') return t('errors.apiKey.tab');
  if (/\s/.test(char)) return t('errors.apiKey.space');
  if (/[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]/.test(char))
    return t('errors.apiKey.invisible', { code: hex });
  if (code < 0x20 || code === 0x7f) return t('errors.apiKey.control', { code: hex });
  return t('errors.apiKey.other', { char, code: hex });
}

/**
 * The key as it is sent: surrounding whitespace and a `Bearer ` prefix stripped, nothing else changed; or why
 * it cannot be one. An empty result is `ok` with `null` (no key).
 * @example cleanApiKey('  Bearer sk-oh-abc123\n') // { ok: true, key: 'sk-oh-abc123' }
 * @example cleanApiKey('sk-oh-abc\u200b123').ok // false: "…contains an invisible character (U+200B)…"
 */
export function cleanApiKey(input: string): ApiKeyCheck {
  const key = input.trim().replace(BEARER, '').trim();
  if (key === '') return { ok: true, key: null };
  if (HEADER_SAFE.test(key)) return { ok: true, key: key as ApiKey };
  const bad = [...key].find((char) => !HEADER_SAFE.test(char)) ?? '';
  const where = [...key].indexOf(bad) + 1;
  return {
    ok: false,
    problem: t('errors.apiKey.problem', { what: nameOf(bad), position: formatNumber(where) }),
  };
}
