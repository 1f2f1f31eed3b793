/**
 * Schema checks on hot paths. Each schema is compiled once (TypeBox's JIT validator) and a value
 * is first only checked; the slower error walk runs just for values that fail, which on ingest is
 * almost never.
 */
import type { TSchema } from 'typebox';
import { Compile, type Validator } from 'typebox/compile';

const compiled = new WeakMap<TSchema, Validator>();

function validatorOf(schema: TSchema): Validator {
  let v = compiled.get(schema);
  if (!v) {
    v = Compile(schema) as unknown as Validator;
    compiled.set(schema, v);
  }
  return v;
}

export interface SchemaProblem { path: string; message: string }

/** At most `limit` problems of `value` against `schema`, paths prefixed; [] when it conforms. */
export function schemaProblems(schema: TSchema, value: unknown, prefix = '', limit = 10): SchemaProblem[] {
  const v = validatorOf(schema);
  if (v.Check(value)) return [];
  return v
    .Errors(value)
    .slice(0, limit)
    .map((e) => ({ path: prefix + (e.instancePath || '/'), message: e.message }));
}
