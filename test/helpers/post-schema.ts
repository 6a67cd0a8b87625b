// The post record's JSON Schema (schema/post.schema.json), compiled by Ajv in strict mode: a misspelt keyword or
// a keyword that does not apply makes compiling fail, so the schema users rely on is checked as well as the records.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ROOT } from './cli.js';

const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema', 'post.schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true }).compile(schema);

/** The schema violations of one record, as readable lines (empty when the record is valid). */
export function schemaErrors(record: unknown): string[] {
  if (validate(record)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(record)'} ${e.message ?? ''}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
}

/** Every line of a JSONL text parsed and checked; returns the records. Throws with the line and problems on failure. */
export function validJsonl(text: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  text.split('\n').forEach((line, i) => {
    if (line === '') return;
    const rec = JSON.parse(line) as Record<string, unknown>;
    const errs = schemaErrors(rec);
    if (errs.length > 0) throw new Error(`line ${i + 1} does not match schema/post.schema.json:\n  ${errs.join('\n  ')}\n  ${line}`);
    out.push(rec);
  });
  return out;
}
