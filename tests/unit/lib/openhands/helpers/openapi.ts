import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { specDir } from '../../../../support/openhands-server/spec-files.ts';

type Json = Record<string, unknown>;
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema: Json;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Json }> };
  responses: Record<string, { content?: Record<string, { schema: Json }> }>;
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json> };
}

/** A JSON pointer segment, escaped for use in a URI fragment. */
const segment = (s: string) => encodeURIComponent(s.replaceAll('~', '~0').replaceAll('/', '~1'));

/** Validates requests and responses against one OpenAPI 3.1 file, resolving its `$ref`s in place. */
export class SpecValidator {
  readonly doc: Document;
  private readonly ajv: Ajv2020;
  private readonly id: string;
  private readonly compiled = new Map<string, ReturnType<Ajv2020['compile']>>();

  constructor(fileName: string) {
    this.doc = JSON.parse(readFileSync(path.join(specDir(), fileName), 'utf8')) as Document;
    this.id = `https://spec.test/${fileName}`;
    // strict: false because OpenAPI adds keywords (discriminator, example) that aren't JSON Schema.
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    this.ajv.addSchema({ ...this.doc, $id: this.id });
  }

  /** The spec's path template matching a concrete path, e.g. `/api/conversations/{conversation_id}`. */
  template(method: string, pathname: string): string {
    const m = method.toLowerCase();
    const matches = Object.keys(this.doc.paths).filter((template) => {
      if (!this.doc.paths[template]?.[m]) return false;
      const re = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      return re.test(pathname);
    });
    // Prefer literal paths (`/search`) over templated ones (`/{id}`).
    matches.sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
    const found = matches[0];
    if (!found) throw new Error(`No ${method} ${pathname} in the spec`);
    return found;
  }

  private operation(method: string, template: string): Operation {
    const op = this.doc.paths[template]?.[method.toLowerCase()];
    if (!op) throw new Error(`No ${method} ${template} in the spec`);
    return op;
  }

  private validate(pointer: string[], value: unknown): string[] {
    const ref = `${this.id}#/${pointer.map(segment).join('/')}`;
    let check = this.compiled.get(ref);
    if (!check) {
      check = this.ajv.compile({ $ref: ref });
      this.compiled.set(ref, check);
    }
    if (check(value)) return [];
    return (check.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message}`);
  }

  /** Problems with a JSON body against the operation's `requestBody`. */
  validateBody(method: string, pathname: string, body: unknown): string[] {
    const template = this.template(method, pathname);
    const op = this.operation(method, template);
    if (!op.requestBody) return body === undefined ? [] : ['the operation takes no body'];
    if (body === undefined) return ['missing body'];
    return this.validate(
      ['paths', template, method.toLowerCase(), 'requestBody', 'content', 'application/json', 'schema'],
      body,
    );
  }

  /** Problems with query parameters: unknown names, missing required ones, values that don't fit. */
  validateQuery(method: string, pathname: string, search: URLSearchParams): string[] {
    const template = this.template(method, pathname);
    const m = method.toLowerCase();
    const params = this.operation(m, template).parameters ?? [];
    const problems: string[] = [];
    for (const name of new Set(search.keys())) {
      if (!params.some((p) => p.in === 'query' && p.name === name))
        problems.push(`unknown query parameter ${name}`);
    }
    params.forEach((param, index) => {
      if (param.in !== 'query') return;
      const raw = search.getAll(param.name);
      if (raw.length === 0) {
        if (param.required) problems.push(`missing required query parameter ${param.name}`);
        return;
      }
      const value = this.coerce(param.schema, raw);
      const issues = this.validate(['paths', template, m, 'parameters', String(index), 'schema'], value);
      problems.push(...issues.map((issue) => `${param.name}: ${issue}`));
    });
    return problems;
  }

  /** Problems with a response body against the operation's response for `status`. */
  validateResponse(method: string, pathname: string, status: number, body: unknown): string[] {
    const template = this.template(method, pathname);
    return this.validate(
      [
        'paths',
        template,
        method.toLowerCase(),
        'responses',
        String(status),
        'content',
        'application/json',
        'schema',
      ],
      body,
    );
  }

  /** Property names a component schema allows. */
  properties(component: string): string[] {
    return Object.keys((this.doc.components.schemas[component]?.properties as Json | undefined) ?? {});
  }

  /** Query strings are text; turn them into what the parameter's schema expects (FastAPI does the same). */
  private coerce(schema: Json, raw: string[]): unknown {
    if (schema.type === 'array') {
      const items = (schema.items as Json | undefined) ?? {};
      return raw.map((value) => this.scalar(items, value));
    }
    return this.scalar(schema, raw.at(-1) ?? '');
  }

  private scalar(schema: Json, value: string): unknown {
    const types = this.types(schema);
    if (types.includes('integer') && /^-?\d+$/.test(value)) return Number(value);
    if (types.includes('number') && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
    if (types.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true';
    return value;
  }

  private types(schema: Json): string[] {
    if (typeof schema.type === 'string') return [schema.type];
    if (Array.isArray(schema.anyOf)) return (schema.anyOf as Json[]).flatMap((s) => this.types(s));
    if (typeof schema.$ref === 'string') {
      const name = schema.$ref.split('/').at(-1) ?? '';
      const target = this.doc.components.schemas[name];
      return target ? this.types(target) : [];
    }
    return [];
  }
}
