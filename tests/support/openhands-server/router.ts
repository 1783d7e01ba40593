import type { SpecName } from './spec-files.ts';
import type { ServerState } from './state.ts';
import type { ServerMode, ServerOptions } from './types.ts';

/** Route table plumbing: which handler serves a method and path in the current mode. */

export interface RouteContext {
  query: URLSearchParams;
  /** The JSON body, already checked against the spec. */
  body: unknown;
  headers: Record<string, string>;
  params: Record<string, string>;
  state: ServerState;
  options: ServerOptions;
  /** `created_by_user_id` for this deployment (null on self-hosted servers without users). */
  userId: string | null;
  startedAt: string;
}

export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: 'GET' | 'POST';
  /** The OpenAPI path template, used to find the operation's schemas. */
  template: string;
  spec: SpecName;
  modes: readonly ServerMode[];
  /** False for the few routes the real server serves without credentials. */
  auth: boolean;
  handle(ctx: RouteContext): Reply;
}

export type RouteMatch =
  | { route: Route; params: Record<string, string> }
  | { route: null; status: 404 | 405; body: { detail: string } };

export function matchRoute(
  routes: readonly Route[],
  method: string,
  path: string,
  mode: ServerMode,
): RouteMatch {
  let pathMatched = false;
  for (const route of routes) {
    if (!route.modes.includes(mode)) continue;
    const params = matchTemplate(route.template, path);
    if (!params) continue;
    if (route.method === method) return { route, params };
    pathMatched = true;
  }
  return pathMatched
    ? { route: null, status: 405, body: { detail: 'Method Not Allowed' } }
    : { route: null, status: 404, body: { detail: 'Not Found' } };
}

function matchTemplate(template: string, path: string): Record<string, string> | null {
  const names: string[] = [];
  const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const match = new RegExp(`^${source}$`).exec(path);
  if (!match) return null;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? '')]));
}

/** pydantic's lenient boolean parsing, for already-validated query flags. */
export function queryFlag(query: URLSearchParams, name: string): boolean {
  return ['true', '1', 'yes', 'on', 't', 'y'].includes((query.get(name) ?? '').trim().toLowerCase());
}

export function queryInt(query: URLSearchParams, name: string, fallback: number): number {
  const value = query.getAll(name).at(-1);
  return value === undefined ? fallback : Number(value.trim());
}

export function queryString(query: URLSearchParams, name: string): string | null {
  return query.getAll(name).at(-1) ?? null;
}
