import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { formatIssue, toValidationIssues } from './fastapi-errors.ts';
import {
  loadSpec,
  type OpenApiDocument,
  type OpenApiOperation,
  type SpecName,
  specDir,
} from './spec-files.ts';
import type { ValidationIssue } from './types.ts';

/**
 * Validates requests and responses against the published OpenAPI 3.1 files (JSON Schema 2020-12).
 * Every schema is taken from the spec at run time; nothing is restated by hand.
 */

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface BodyInput {
  /** The raw body text ('' when none was sent). */
  raw: string;
  /** The parsed JSON, when it parsed. */
  json: unknown;
  jsonError?: string;
  contentType?: string;
}

type Schema = Record<string, unknown>;

/** pydantic's UUID accepts 32 hex digits with or without dashes (OpenHands ids have none); ajv's needs dashes. */
const UUID_RE =
  /^(?:urn:uuid:)?(?:[0-9a-f]{32}|\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?)$/i;

export class OpenApiValidator {
  private readonly ajv: Ajv2020;
  private readonly doc: OpenApiDocument;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(
    private readonly name: SpecName,
    doc: OpenApiDocument = loadSpec(name),
  ) {
    this.doc = doc;
    // strict: false because the spec carries vendor keywords (openhands_settings, prominence, discriminator...).
    this.ajv = new Ajv2020({
      strict: false,
      allErrors: true,
      verbose: true,
      logger: false,
      validateSchema: false,
    });
    addFormats(this.ajv);
    this.ajv.addFormat('uuid', UUID_RE);
    // pydantic's SecretStr, Path and bytes formats are plain strings on the wire.
    for (const format of ['password', 'path', 'binary']) this.ajv.addFormat(format, true);
    this.ajv.addSchema({ $id: this.name, components: doc.components });
  }

  operation(method: HttpMethod, template: string): OpenApiOperation {
    const op = this.doc.paths[template]?.[method];
    if (!op) throw new Error(`${this.name} spec has no operation ${method.toUpperCase()} ${template}`);
    return op;
  }

  /** Query and body problems together, as FastAPI reports them in one 422. */
  validateRequest(
    method: HttpMethod,
    template: string,
    query: URLSearchParams,
    body?: BodyInput,
  ): ValidationIssue[] {
    return [...this.validateQuery(method, template, query), ...this.validateBody(method, template, body)];
  }

  validateQuery(method: HttpMethod, template: string, query: URLSearchParams): ValidationIssue[] {
    const params = (this.operation(method, template).parameters ?? []).filter((p) => p.in === 'query');
    if (params.length === 0) return [];
    const validate = this.compile(`query ${method} ${template}`, () => ({
      type: 'object',
      properties: Object.fromEntries(params.map((p) => [p.name, this.rebase(p.schema)])),
      required: params.filter((p) => p.required).map((p) => p.name),
    }));
    const data: Record<string, unknown> = {};
    for (const param of params) {
      const values = query.getAll(param.name);
      if (values.length > 0) data[param.name] = coerceQueryValues(param.schema, values);
    }
    return validate(data) ? [] : toValidationIssues('query', validate.errors ?? [], data);
  }

  validateBody(method: HttpMethod, template: string, body?: BodyInput): ValidationIssue[] {
    const requestBody = this.operation(method, template).requestBody;
    const schema = requestBody?.content['application/json']?.schema;
    if (!requestBody || !schema) return [];
    if (!body || body.raw === '') {
      return requestBody.required
        ? [{ loc: ['body'], msg: 'Field required', type: 'missing', input: null }]
        : [];
    }
    // FastAPI only parses JSON when the content type is missing or JSON; otherwise the model gets raw bytes.
    if (body.contentType && !/^application\/([\w.+-]*\+)?json\b/i.test(body.contentType)) {
      return [
        {
          loc: ['body'],
          msg: 'Input should be a valid dictionary or object to extract fields from',
          type: 'model_attributes_type',
          input: body.raw,
        },
      ];
    }
    if (body.jsonError !== undefined) {
      return [
        {
          loc: ['body', 0],
          msg: 'JSON decode error',
          type: 'json_invalid',
          input: {},
          ctx: { error: body.jsonError },
        },
      ];
    }
    const validate = this.compile(`body ${method} ${template}`, () => this.rebase(schema));
    return validate(body.json) ? [] : toValidationIssues('body', validate.errors ?? [], body.json);
  }

  /** Errors of a response against the operation's declared schema for that status ([] when none is declared). */
  validateResponse(method: HttpMethod, template: string, status: number, body: unknown): string[] {
    const schema = this.operation(method, template).responses[String(status)]?.content?.['application/json']
      ?.schema;
    if (!schema) return [];
    const validate = this.compile(`response ${status} ${method} ${template}`, () => this.rebase(schema));
    return validate(body) ? [] : errorStrings(validate.errors ?? [], body);
  }

  /** Errors of `data` against `#/components/schemas/<component>`. */
  validateComponent(component: string, data: unknown): string[] {
    if (!(component in this.doc.components.schemas))
      throw new Error(`${this.name} spec has no schema ${component}`);
    const validate = this.compile(`component ${component}`, () => ({
      $ref: `${this.name}#/components/schemas/${component}`,
    }));
    return validate(data) ? [] : errorStrings(validate.errors ?? [], data);
  }

  private compile(key: string, build: () => Schema): ValidateFunction {
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(build());
      this.compiled.set(key, validate);
    }
    return validate;
  }

  /** Inline schemas from `paths` use local refs (`#/components/...`); point them at the registered spec. */
  private rebase(schema: unknown): Schema {
    return JSON.parse(
      JSON.stringify(schema).replaceAll('"#/components/', `"${this.name}#/components/`),
    ) as Schema;
  }
}

/** Response problems as 'items.0.sandbox_id: Field required' (the loc without FastAPI's 'body' prefix). */
function errorStrings(errors: ErrorObject[], data: unknown): string[] {
  return toValidationIssues('body', errors, data).map((issue) =>
    formatIssue({ ...issue, loc: issue.loc.length > 1 ? issue.loc.slice(1) : ['(root)'] }),
  );
}

/** Query strings carry text: convert it the way FastAPI would before checking types and bounds. */
function coerceQueryValues(schema: Schema, values: string[]): unknown {
  const arrayBranch = branches(schema).find((s) => s.type === 'array');
  if (arrayBranch) {
    const items = (arrayBranch.items ?? {}) as Schema;
    return values.map((v) => coerceScalar(items, v));
  }
  // Starlette keeps the last value of a repeated scalar parameter.
  return coerceScalar(schema, values[values.length - 1] ?? '');
}

function coerceScalar(schema: Schema, value: string): unknown {
  const types = new Set(branches(schema).map((s) => s.type));
  if (types.has('string') || types.size === 0) return value;
  const text = value.trim();
  if (types.has('integer') && /^[+-]?\d+$/.test(text)) return Number(text);
  if (types.has('number') && text !== '' && Number.isFinite(Number(text))) return Number(text);
  if (types.has('boolean')) {
    const lower = text.toLowerCase();
    if (['true', '1', 'yes', 'on', 't', 'y'].includes(lower)) return true;
    if (['false', '0', 'no', 'off', 'f', 'n'].includes(lower)) return false;
  }
  return value;
}

function branches(schema: Schema): Schema[] {
  const union = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  return union ? union.flatMap(branches) : [schema];
}

const validators = new Map<string, OpenApiValidator>();

/** One validator per spec and process: compiling the Cloud spec's schemas takes ~100 ms, so share it. */
export function getValidator(name: SpecName): OpenApiValidator {
  const key = `${specDir()}|${name}`;
  let validator = validators.get(key);
  if (!validator) {
    validator = new OpenApiValidator(name);
    validators.set(key, validator);
  }
  return validator;
}
