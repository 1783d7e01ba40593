import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { prepareStart } from '@/components/compose/validate';
import { EmptyState } from '@/components/popup/EmptyState';
import { exactTime, relativeTime } from '@/components/popup/format';
import { SetupNotice } from '@/components/popup/SetupNotice';
import { setPageWords } from '@/components/shared/page-words';
import { withSlots } from '@/components/shared/slots';
import { CLOUD_ORIGIN } from '@/lib/server/origin';
import { chromeMessages, getMessageFrom } from '../../support/i18n';

const english = { getMessage: fakeBrowser.i18n.getMessage, getUILanguage: fakeBrowser.i18n.getUILanguage };

/** The browser as a user of `locale` has it: its words, and its interface language `uiLanguage`. */
async function speak(locale: string, uiLanguage: string) {
  fakeBrowser.i18n.getMessage = getMessageFrom(await chromeMessages(locale)) as typeof english.getMessage;
  fakeBrowser.i18n.getUILanguage = () => uiLanguage;
}

describe("the pages' words in the browser's language", () => {
  afterEach(() => {
    cleanup();
    Object.assign(fakeBrowser.i18n, english);
  });

  it('should put the bold button name where German puts it in the sentence', async () => {
    await speak('de', 'de');
    render(<EmptyState serverUrl={CLOUD_ORIGIN} />);
    const panel = screen.getByRole('region', { name: 'Noch keine Unterhaltungen' });
    const button = within(panel).getByText('An OpenHands senden');
    expect(button.tagName).toBe('STRONG');
    expect(button.closest('p')?.textContent).toMatch(
      /^Öffnen Sie ein Issue .* und klicken Sie auf An OpenHands senden, oder markieren Sie/,
    );
    expect(within(panel).getByRole('link', { name: 'In OpenHands eine starten' })).toBeTruthy();
  });

  it('should link the API keys page inside the Chinese sentence', async () => {
    await speak('zh_CN', 'zh-CN');
    render(<SetupNotice serverUrl={CLOUD_ORIGIN} />);
    const link = screen.getByRole('link', { name: '设置 → API 密钥' });
    expect(link.closest('p')?.textContent).toContain('您可以在 OpenHands 的设置 → API 密钥中创建密钥。');
    expect(screen.getByRole('button', { name: '打开选项' })).toBeTruthy();
  });

  it('should say times in the browser’s language', async () => {
    await speak('de', 'de');
    const now = new Date('2026-11-28T12:00:00Z');
    expect(relativeTime('2026-11-28T11:55:00Z', now)).toBe('vor 5 Minuten');
    expect(relativeTime('2026-11-28T11:59:40Z', now)).toBe('gerade eben');
    expect(relativeTime('2026-11-27T11:00:00Z', now)).toBe('gestern');
    expect(exactTime('2026-11-28T10:05:00Z')).toMatch(/^28\.11\.2026, \d{2}:05$/);
  });

  it('should explain a bad field in the browser’s language', async () => {
    await speak('zh_CN', 'zh-CN');
    const prepared = prepareStart({
      text: ' ',
      url: 'https://example.com/',
      repository: '',
      branch: 'main',
      action: 'fix',
    });
    expect(prepared).toEqual({
      ok: false,
      errors: {
        text: '没有可发送的文本。请在页面上选择文本，或在此处输入。',
        branch: '分支需要配合仓库使用：请输入仓库，或将分支留空。',
      },
    });
  });

  it('should title the page and name its language', async () => {
    await speak('de', 'de-AT');
    setPageWords('Auswahl an OpenHands senden');
    expect(document.title).toBe('Auswahl an OpenHands senden');
    // The language of the words the page shows (German), whatever the browser's regional variant.
    expect(document.documentElement.lang).toBe('de');
  });
});

describe('withSlots', () => {
  afterEach(cleanup);

  it('should put each element where its slot is and keep the words around it', () => {
    render(
      <p>
        {withSlots('Click {button}, then {link}.', { button: <b>Send</b>, link: <a href="/x">this</a> })}
      </p>,
    );
    const text = screen.getByText('Send').closest('p');
    expect(text?.innerHTML).toBe('Click <b>Send</b>, then <a href="/x">this</a>.');
  });

  it('should show a slot it has no element for as it is, rather than lose the words', () => {
    render(<p>{withSlots('{a} and {b}', { a: 'one' })}</p>);
    expect(screen.getByText('one and {b}')).toBeTruthy();
  });
});
