import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorMessage } from '@/components/shared/ErrorMessage';
import { testOrigin } from '../../../support/origin';

const limit = {
  code: 'concurrency_limit' as const,
  message: 'You have 3 of 3 conversations running.',
  action: 'conversations' as const,
};

describe('ErrorMessage', () => {
  afterEach(cleanup);

  it('should lead the concurrency limit to the server’s home page, which lists the conversations', () => {
    render(<ErrorMessage error={limit} serverUrl={testOrigin('http://localhost:3000')} />);
    // The web app routes `/` and `/conversations/:id`; there is no `/conversations` page.
    const link = screen.getByRole('link', { name: 'Open OpenHands' });
    expect(link.getAttribute('href')).toBe('http://localhost:3000/');
  });

  it('should prefer the link the background sent', () => {
    render(<ErrorMessage error={{ ...limit, url: 'https://app.all-hands.dev/' }} />);
    const link = screen.getByRole('link', { name: 'Open OpenHands' });
    expect(link.getAttribute('href')).toBe('https://app.all-hands.dev/');
  });
});
