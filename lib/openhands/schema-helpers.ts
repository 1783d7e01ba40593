import { z } from 'zod';

/**
 * A response enum the server may extend (start-task stages and sandbox states have grown before): known values
 * keep their literal types, and an unknown string still parses instead of failing the whole response.
 */
export function openEnum<const T extends readonly [string, ...string[]]>(_values: T) {
  return z.custom<T[number] | (string & {})>((value) => typeof value === 'string', 'Expected a string');
}
