import type { ErrorObject } from 'ajv';
import type { ValidationIssue } from './types.ts';

/**
 * Turns ajv errors into FastAPI's 422 `detail` items, with pydantic's wording and `type` codes, so clients
 * see what the real server would send. Exact pydantic union locs (e.g. a branch's model name) are not imitated.
 */

type Source = 'body' | 'query' | 'path';

export function toValidationIssues(source: Source, errors: ErrorObject[], root: unknown): ValidationIssue[] {
  const relevant = errors.filter((e) => !isNullableBranchNoise(e) && !isSummarisedUnion(e, errors));
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  for (const error of relevant) {
    const issue = toIssue(source, error, root);
    const key = JSON.stringify([issue.loc, issue.type]);
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  }
  return issues;
}

export function formatIssue(issue: ValidationIssue): string {
  return `${issue.loc.join('.')}: ${issue.msg}`;
}

/** `anyOf: [X, {type: null}]` is pydantic's Optional[X]: it reports only X's errors, never "must be null". */
function isNullableBranchNoise(error: ErrorObject): boolean {
  return (
    error.keyword === 'type' &&
    error.params.type === 'null' &&
    /\/(anyOf|oneOf)\/\d+\/type$/.test(error.schemaPath)
  );
}

/** The anyOf/oneOf summary error is redundant when the branches explained what went wrong. */
function isSummarisedUnion(error: ErrorObject, all: ErrorObject[]): boolean {
  if (error.keyword !== 'anyOf' && error.keyword !== 'oneOf') return false;
  return all.some(
    (other) =>
      other !== error &&
      other.keyword !== 'anyOf' &&
      other.keyword !== 'oneOf' &&
      !isNullableBranchNoise(other) &&
      (other.instancePath === error.instancePath || other.instancePath.startsWith(`${error.instancePath}/`)),
  );
}

function toIssue(source: Source, error: ErrorObject, root: unknown): ValidationIssue {
  const loc: (string | number)[] = [source, ...pointerToLoc(error.instancePath, root)];
  const input: unknown = error.data;
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      // FastAPI reports a missing parameter with input null; pydantic a missing field with its parent object.
      return {
        loc: [...loc, String(p.missingProperty)],
        msg: 'Field required',
        type: 'missing',
        input: source === 'body' ? input : null,
      };
    case 'additionalProperties': {
      const name = String(p.additionalProperty);
      const value = isRecord(input) ? input[name] : undefined;
      return {
        loc: [...loc, name],
        msg: 'Extra inputs are not permitted',
        type: 'extra_forbidden',
        input: value,
      };
    }
    case 'type':
      return { loc, ...typeError(String(p.type), source, input), input };
    case 'enum': {
      const expected = describeChoices(p.allowedValues as unknown[]);
      return { loc, msg: `Input should be ${expected}`, type: 'enum', input, ctx: { expected } };
    }
    case 'const': {
      const expected = describeChoices([p.allowedValue]);
      return { loc, msg: `Input should be ${expected}`, type: 'literal_error', input, ctx: { expected } };
    }
    case 'format':
      return { loc, ...formatError(String(p.format)), input };
    case 'maximum':
    case 'exclusiveMaximum':
    case 'minimum':
    case 'exclusiveMinimum': {
      const { ctx, ...rest } = boundError(error.keyword, p.limit);
      return { loc, ...rest, input, ctx };
    }
    case 'minLength':
      return {
        loc,
        msg: `String should have at least ${p.limit} character${p.limit === 1 ? '' : 's'}`,
        type: 'string_too_short',
        input,
        ctx: { min_length: p.limit },
      };
    case 'maxLength':
      return {
        loc,
        msg: `String should have at most ${p.limit} characters`,
        type: 'string_too_long',
        input,
        ctx: { max_length: p.limit },
      };
    case 'minItems':
      return { loc, msg: `List should have at least ${p.limit} item(s)`, type: 'too_short', input };
    case 'maxItems':
      return { loc, msg: `List should have at most ${p.limit} item(s)`, type: 'too_long', input };
    case 'pattern':
      return {
        loc,
        msg: `String should match pattern '${p.pattern}'`,
        type: 'string_pattern_mismatch',
        input,
        ctx: { pattern: p.pattern },
      };
    case 'anyOf':
    case 'oneOf':
      return { loc, msg: 'Input does not match any of the allowed types', type: 'union_error', input };
    default:
      return { loc, msg: error.message ?? `Failed ${error.keyword}`, type: error.keyword, input };
  }
}

function typeError(type: string, source: Source, input: unknown): { msg: string; type: string } {
  // Query values arrive as strings, so a bad number is a parsing error there, a type error in a JSON body.
  const fromString = source !== 'body' && typeof input === 'string';
  switch (type) {
    case 'string':
      return { msg: 'Input should be a valid string', type: 'string_type' };
    case 'integer':
      return fromString
        ? {
            msg: 'Input should be a valid integer, unable to parse string as an integer',
            type: 'int_parsing',
          }
        : { msg: 'Input should be a valid integer', type: 'int_type' };
    case 'number':
      return fromString
        ? { msg: 'Input should be a valid number, unable to parse string as a number', type: 'float_parsing' }
        : { msg: 'Input should be a valid number', type: 'float_type' };
    case 'boolean':
      return fromString
        ? { msg: 'Input should be a valid boolean, unable to interpret input', type: 'bool_parsing' }
        : { msg: 'Input should be a valid boolean', type: 'bool_type' };
    case 'array':
      return { msg: 'Input should be a valid list', type: 'list_type' };
    case 'object':
      return {
        msg: 'Input should be a valid dictionary or object to extract fields from',
        type: 'model_attributes_type',
      };
    case 'null':
      return { msg: 'Input should be None', type: 'none_required' };
    default:
      return { msg: `Input should be of type ${type}`, type: 'type_error' };
  }
}

function formatError(format: string): { msg: string; type: string } {
  switch (format) {
    case 'uuid':
      return { msg: 'Input should be a valid UUID', type: 'uuid_parsing' };
    case 'date-time':
      return { msg: 'Input should be a valid datetime', type: 'datetime_from_date_parsing' };
    default:
      return { msg: `Input should be a valid ${format}`, type: 'value_error' };
  }
}

function boundError(
  keyword: string,
  limit: unknown,
): { msg: string; type: string; ctx: Record<string, unknown> } {
  switch (keyword) {
    case 'maximum':
      return {
        msg: `Input should be less than or equal to ${limit}`,
        type: 'less_than_equal',
        ctx: { le: limit },
      };
    case 'exclusiveMaximum':
      return { msg: `Input should be less than ${limit}`, type: 'less_than', ctx: { lt: limit } };
    case 'minimum':
      return {
        msg: `Input should be greater than or equal to ${limit}`,
        type: 'greater_than_equal',
        ctx: { ge: limit },
      };
    default:
      return { msg: `Input should be greater than ${limit}`, type: 'greater_than', ctx: { gt: limit } };
  }
}

/** pydantic lists choices as `'a', 'b' or 'c'`. */
function describeChoices(values: unknown[]): string {
  const quoted = values.map((v) => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v)));
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

/** JSON pointer to a FastAPI loc: array indices become numbers, as in pydantic. */
function pointerToLoc(pointer: string, root: unknown): (string | number)[] {
  if (!pointer) return [];
  const loc: (string | number)[] = [];
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      const index = Number(part);
      loc.push(index);
      node = node[index];
    } else {
      loc.push(part);
      node = isRecord(node) ? node[part] : undefined;
    }
  }
  return loc;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
