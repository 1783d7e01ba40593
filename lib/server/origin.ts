/*
 * Everything the extension knows about an OpenHands server's address: Cloud's origin (written only here), the
 * one normal form, and the web pages it links to. Imports nothing, so wxt.config.ts can load it too.
 */

declare const originBrand: unique symbol;
/**
 * A server as the extension names it everywhere after it was read once (the options form, a stored value, a
 * message): its origin, e.g. `http://localhost:3000`. Made only by `serverOrigin` and `storedOrigin`, so
 * comparisons are `===` and URLs are built by appending, with no cleaning on the way.
 */
export type ServerOrigin = string & { readonly [originBrand]: true };

/** OpenHands Cloud, the default server. */
export const CLOUD_ORIGIN = 'https://app.all-hands.dev' as ServerOrigin;

/** Cloud's host name, as the text of a page may name it. */
export const CLOUD_HOST = new URL(CLOUD_ORIGIN).host;

/**
 * The origin that identifies a server: what is saved from the options page, and what each API key belongs to
 * (`http://host:3000/x/` and `http://host:3000` are one server); no credentials, path or trailing slash.
 * Strict, for what users type: throws unless `input` is an http(s) URL.
 */
export function serverOrigin(input: string): ServerOrigin {
  const url = new URL(input.trim());
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error('The server URL must start with https:// or http://');
  }
  return url.origin as ServerOrigin;
}

/**
 * A stored server read back (settings, records, caches): its origin, or the text as it is when it is no URL
 * (never written so; a request to it then fails as `offline`). Lenient: reading storage must not throw.
 */
export function storedOrigin(text: string): ServerOrigin {
  try {
    return serverOrigin(text);
  } catch {
    return text as ServerOrigin;
  }
}

/** Whether `serverUrl` is OpenHands Cloud. */
export function isCloudServer(serverUrl: ServerOrigin): boolean {
  return serverUrl === CLOUD_ORIGIN;
}

/** Where OpenHands users create API keys (Settings → API Keys); Cloud's when the server is not known. */
export function apiKeysUrl(serverUrl: ServerOrigin | undefined): string {
  return `${serverUrl ?? CLOUD_ORIGIN}/settings/api-keys`;
}

/** The server's home page, which lists recent conversations (the web app has no `/conversations` page). */
export function homeUrl(serverUrl: ServerOrigin): string {
  return `${serverUrl}/`;
}

/** The web page of a conversation (not `AppConversation.conversation_url`, which is the agent server's API). */
export function conversationUrl(serverUrl: ServerOrigin, id: string): string {
  return `${serverUrl}/conversations/${encodeURIComponent(id)}`;
}

/** The web page of a pending start; the web app polls it and redirects to the conversation. */
export function taskUrl(serverUrl: ServerOrigin, taskId: string): string {
  return `${serverUrl}/conversations/task-${encodeURIComponent(taskId)}`;
}

/**
 * The host-permission match pattern for a server, e.g. `http://localhost/*` for `http://localhost:3000`:
 * scheme and host only, so it covers every port of that host.
 */
export function originPattern(serverUrl: string): string {
  const url = new URL(serverUrl);
  return `${url.protocol}//${url.hostname}/*`;
}
