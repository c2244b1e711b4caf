// Validates YAML definition files against definitions/definitions.schema.json with a real
// JSON Schema (draft 2020-12) validator, reading YAML the way editors do (YAML 1.2 core schema).
//
//   node tests/tools/validate-definitions.mjs <file.yaml>...
//
// Prints one line per file, "OK <file>" or "FAIL <file>: <instancePath> <message>", and exits 1
// when any file fails, 2 when the schema itself does not compile.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { parseDocument } from 'yaml';

const schemaPath = resolve(dirname(fileURLToPath(import.meta.url)), '../../definitions/definitions.schema.json');

function compileSchema() {
  // strict mode also checks the schema: unknown keywords, keywords that cannot apply to the
  // declared type, required properties that are not declared. allowUnionTypes permits
  // type: ["object", "null"], which strict mode otherwise rejects as ambiguous.
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  return ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
}

/** The most specific error: the deepest instance path, then the first reported. */
function describe(errors) {
  const deepest = errors.reduce((best, error) =>
    error.instancePath.split('/').length > best.instancePath.split('/').length ? error : best);
  const detail = deepest.params && Object.keys(deepest.params).length > 0 && deepest.keyword !== 'if'
    ? ' ' + JSON.stringify(deepest.params)
    : '';
  return `${deepest.instancePath || '/'} ${deepest.message}${detail}`;
}

function validateFile(validate, file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return `cannot read: ${error.message}`;
  }

  const document = parseDocument(text, { prettyErrors: false });
  if (document.errors.length > 0) {
    const error = document.errors[0];
    const where = error.linePos ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}` : 'YAML';
    return `${where} ${error.message.split('\n')[0]}`;
  }

  return validate(document.toJS()) ? null : describe(validate.errors);
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node validate-definitions.mjs <file.yaml>...');
  process.exit(2);
}

let validate;
try {
  validate = compileSchema();
} catch (error) {
  console.error(`the schema ${schemaPath} does not compile: ${error.message}`);
  process.exit(2);
}

let failed = false;
for (const file of files) {
  const problem = validateFile(validate, file);
  if (problem === null) {
    console.log(`OK ${file}`);
  } else {
    failed = true;
    console.log(`FAIL ${file}: ${problem}`);
  }
}

process.exit(failed ? 1 : 0);
