import { expect, test } from './fixtures.ts';

const KEY = 'oh-test-key-0123456789';

test.describe('options page', () => {
  test.beforeEach(async ({ openHands }) => {
    openHands.configure({ apiKey: KEY });
  });

  test('should save the key and server URL, and never show the key again', async ({ extension }) => {
    const options = await extension.openOptions();
    await expect(options.getByLabel('Server URL')).toHaveValue('https://app.all-hands.dev');
    await options.getByLabel('API key').fill(KEY);
    await options.getByRole('button', { name: 'Save' }).click();
    await expect(options.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

    await options.reload();
    const keyField = options.getByLabel('API key');
    await expect(keyField).toHaveValue('');
    await expect(keyField).toHaveAttribute('placeholder', /Saved key …6789/);
    expect(await options.content()).not.toContain(KEY);
    expect(JSON.stringify(await extension.storage())).not.toContain(KEY);
  });

  test('should remove the saved key', async ({ extension, openHands }) => {
    await extension.configure({ apiKey: KEY });
    const options = await extension.openOptions();
    const keyField = options.getByLabel('API key');
    await expect(keyField).toHaveAttribute('placeholder', /Saved key …6789/);

    await options.getByRole('button', { name: 'Remove key' }).click();

    await expect(options.getByRole('status').filter({ hasText: 'Key removed' })).toBeVisible();
    await expect(keyField).toHaveAttribute('placeholder', 'No key saved for this server');
    await expect(keyField).toBeFocused();
    await expect(options.getByRole('button', { name: 'Remove key' })).toHaveCount(0);
    // Gone for good: after a reload, and for the background, which now asks for a key.
    await options.reload();
    await expect(options.getByLabel('API key')).toHaveAttribute(
      'placeholder',
      'No key saved for this server',
    );
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect(options.getByRole('alert')).toContainText('Add your OpenHands API key');
    expect(openHands.requests.filter((r) => r.headers.authorization)).toEqual([]);
  });

  test('should show the key saved for the server in the URL field', async ({ extension }) => {
    await extension.configure({ apiKey: KEY });
    const options = await extension.openOptions();
    const keyField = options.getByLabel('API key');
    await options.getByLabel('Server URL').fill('http://localhost:3000');
    await expect(keyField).toHaveAttribute('placeholder', 'No key saved for this server');
    await expect(options.getByRole('button', { name: 'Remove key' })).toHaveCount(0);
    await options.getByLabel('Server URL').fill('https://app.all-hands.dev/');
    await expect(keyField).toHaveAttribute('placeholder', /Saved key …6789/);
  });

  test('should reveal and hide the typed key', async ({ extension }) => {
    const options = await extension.openOptions();
    const keyField = options.getByLabel('API key');
    await keyField.fill(KEY);
    await expect(keyField).toHaveAttribute('type', 'password');
    await options.getByRole('button', { name: 'Show key' }).click();
    await expect(keyField).toHaveAttribute('type', 'text');
    await options.getByRole('button', { name: 'Hide key' }).press('Enter');
    await expect(keyField).toHaveAttribute('type', 'password');
  });

  test('should report which server and key answered', async ({ extension, openHands }) => {
    const options = await extension.openOptions();
    await options.getByLabel('API key').fill(KEY);
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByRole('button', { name: 'Test connection' }).click();
    const result = options.getByRole('status').filter({ hasText: 'Connected' });
    await expect(result).toContainText('OpenHands Cloud at https://app.all-hands.dev (API V1)');
    await expect(result).toContainText('accepted for organization');
    const keyCheck = openHands.requests.find((r) => r.path === '/api/keys/current');
    expect(keyCheck?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  test('should show the rejection for a wrong key', async ({ extension }) => {
    const options = await extension.openOptions();
    await options.getByLabel('API key').fill('oh-wrong-key-000000');
    await options.getByRole('button', { name: 'Test connection' }).click();
    const alert = options.getByRole('alert');
    await expect(alert).toContainText('OpenHands did not accept the API key');
    await expect(alert).toContainText('Settings → API Keys');
    await expect(alert).toContainText('LLM Key');
  });

  test('should refuse a server URL that is not a URL', async ({ extension }) => {
    const options = await extension.openOptions();
    await options.getByLabel('Server URL').fill('app.all-hands');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect(options.getByLabel('Server URL')).toHaveAttribute('aria-invalid', 'true');
    await expect(options.getByText('Enter the server’s full address')).toBeVisible();
    await expect(options.getByRole('status').filter({ hasText: 'Saved' })).toHaveCount(0);
  });

  test('should say a key is missing when testing without one', async ({ extension }) => {
    const options = await extension.openOptions();
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect(options.getByRole('alert')).toContainText('Add your OpenHands API key');
  });
});
