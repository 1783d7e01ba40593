/*
 * Everything the extension knows about an OpenHands server's address: Cloud's origin (written only here), the
 * one normal form, and the web pages it links to. Imports nothing, so wxt.config.ts can load it too.
 */

/** OpenHands Cloud, the default server. */
export const CLOUD_ORIGIN = 'https://app.all-hands.dev';

/** Cloud's host name, as the text of a page may name it. */
export const CLOUD_HOST = new URL(CLOUD_ORIGIN).host;

/**
 * The one normal form of a server URL, as used in requests, links and messages: trimmed, without credentials
 * (fetch refuses them, and messages must not echo them) and without trailing slashes; a path is kept. Text
 * that is not an absolute URL is only trimmed: fetch then reports it and the caller sees `offline`.
 */
export function normaliseServerUrl(url: string): string {
  let text = url.trim();
  try {
    const parsed = new URL(text);
    if (parsed.username || parsed.password) {
      parsed.username = '';
      parsed.password = '';
      text = parsed.href;
    }
  } catch {
    // Not absolute: left as it is.
  }
  return text.replace(/\/+$/, '');
}

/**
 * The origin that identifies a server: what is saved from the options page, and what each API key belongs to
 * (`http://host:3000/x/` and `http://host:3000` are one server). It is already in normal form. Strict, for
 * what users type: throws unless `input` is an http(s) URL.
 */
export function serverOrigin(input: string): string {
  const url = new URL(input.trim());
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error('The server URL must start with https:// or http://');
  }
  return url.origin;
}

/** Whether `serverUrl` is OpenHands Cloud; false for anything that is not a URL. */
export function isCloudServer(serverUrl: string): boolean {
  try {
    return new URL(serverUrl.trim()).origin === CLOUD_ORIGIN;
  } catch {
    return false;
  }
}

/** Where OpenHands users create API keys (Settings → API Keys); Cloud's when the server is not known. */
export function apiKeysUrl(serverUrl: string | undefined): string {
  return `${normaliseServerUrl(serverUrl ?? CLOUD_ORIGIN)}/settings/api-keys`;
}

/** The server's home page, which lists recent conversations (the web app has no `/conversations` page). */
export function homeUrl(serverUrl: string): string {
  return `${normaliseServerUrl(serverUrl)}/`;
}

/** The web page of a conversation (not `AppConversation.conversation_url`, which is the agent server's API). */
export function conversationUrl(serverUrl: string, id: string): string {
  return `${normaliseServerUrl(serverUrl)}/conversations/${encodeURIComponent(id)}`;
}

/** The web page of a pending start; the web app polls it and redirects to the conversation. */
export function taskUrl(serverUrl: string, taskId: string): string {
  return `${normaliseServerUrl(serverUrl)}/conversations/task-${encodeURIComponent(taskId)}`;
}

/**
 * The host-permission match pattern for a server, e.g. `http://localhost/*` for `http://localhost:3000`:
 * scheme and host only, so it covers every port of that host.
 */
export function originPattern(serverUrl: string): string {
  const url = new URL(serverUrl);
  return `${url.protocol}//${url.hostname}/*`;
}
