import { type ConnectionDeps, connect } from '@/lib/background/settings/connection';
import { typedKey } from '@/lib/background/settings/settings';
import { t } from '@/lib/i18n';
import type { ConnectionReport } from '@/lib/protocol/messages';
import { type ServerOrigin, serverOrigin } from '@/lib/server/origin';

function describeServer(
  serverUrl: ServerOrigin,
  appMode: 'saas' | 'oss' | null,
  apiVersion: 'v1' | 'v0',
): string {
  const where = { url: serverUrl, version: apiVersion.toUpperCase() };
  if (appMode === 'saas') return t('background.connection.server.cloud', where);
  if (appMode === 'oss') return t('background.connection.server.selfHosted', where);
  return t('background.connection.server.other', where);
}

/**
 * Checks the server and the key the way starting a conversation would, and says who answered: on Cloud,
 * which key and organization; elsewhere, that an authenticated list call worked. Uses exactly the form's
 * values: its URL, and the typed key or else the key saved for that URL. Always asks the server afresh.
 */
export async function testConnection(
  override: { serverUrl?: string; apiKey?: string },
  deps: ConnectionDeps,
): Promise<ConnectionReport> {
  const serverUrl = override.serverUrl ? serverOrigin(override.serverUrl) : undefined;
  const apiKey = typedKey(override.apiKey);
  const connection = await connect(deps, { serverUrl, apiKey, probe: true });
  const server = describeServer(connection.serverUrl, connection.appMode, connection.apiVersion);
  if (connection.apiVersion === 'v0') {
    await connection.client.listConversationsV0({ limit: 1 });
    return { ...base(connection), key: null, summary: t('background.connection.keyAccepted', { server }) };
  }
  if (connection.appMode === 'saas') {
    const key = await connection.client.getCurrentApiKey();
    const name = key.name
      ? t('background.connection.keyName', { name: key.name })
      : t('background.connection.keyUnnamed');
    return {
      ...base(connection),
      key: { name: key.name ?? null, orgId: key.org_id, boundOrgId: key.bound_org_id ?? null },
      summary: t('background.connection.apiKeyAccepted', { server, name, org: key.org_id }),
    };
  }
  await connection.client.searchConversations({ limit: 1 });
  return {
    ...base(connection),
    key: null,
    summary: t('background.connection.requestAccepted', { server }),
  };
}

function base(c: { serverUrl: ServerOrigin; apiVersion: 'v1' | 'v0'; appMode: 'saas' | 'oss' | null }) {
  return { serverUrl: c.serverUrl, apiVersion: c.apiVersion, appMode: c.appMode };
}
