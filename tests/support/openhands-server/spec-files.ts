import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Loads the published OpenAPI files: the contract. They are vendored byte for byte in tests/contract/openapi
 * (source and sha256 in its README); `OPENHANDS_SPEC_DIR` points the tests at other copies.
 */

export type SpecName = 'cloud' | 'v0';

const FILE_NAMES: Record<SpecName, string> = {
  cloud: 'openhands-cloud.json',
  v0: 'V0_openapi.json',
};

/** This folder is tests/support/openhands-server, so the project root is three levels up. */
const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The vendored copies, whatever `OPENHANDS_SPEC_DIR` says. */
export const VENDORED_SPEC_DIR = path.resolve(PROJECT_ROOT, 'tests/contract/openapi');

export function specDir(): string {
  return process.env.OPENHANDS_SPEC_DIR || VENDORED_SPEC_DIR;
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, unknown> };
}

export interface OpenApiParameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema: Record<string, unknown>;
}

export interface OpenApiOperation {
  operationId?: string;
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}

const cache = new Map<string, OpenApiDocument>();

export function loadSpec(name: SpecName): OpenApiDocument {
  const file = path.join(specDir(), FILE_NAMES[name]);
  let doc = cache.get(file);
  if (!doc) {
    doc = JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
    if (!doc.openapi?.startsWith('3.1')) {
      // The validator relies on 3.1 (JSON Schema 2020-12 with `type: null`); fail loudly if the files change.
      throw new Error(`${file}: expected OpenAPI 3.1, got ${doc.openapi}`);
    }
    cache.set(file, doc);
  }
  return doc;
}
