// Validates JSON instances against the generated JSON Schemas (docs/schemas) with a real draft
// 2020-12 validator (ajv, strict, with ajv-formats so that formats are asserted too).
//
//   node tests/tools/validate-json.mjs <schemas folder> < cases.json
//   node tests/tools/validate-json.mjs <schemas folder> --serve
//
// cases.json is a list of {"name", "schema", "instance"}: schema is a path inside the folder
// ("ironic/NodePayload/1.16.json"). Prints one JSON list of {"name", "valid", "errors"} with each
// error as "<instancePath> <message>". Every schema of the folder is compiled first, so a schema
// that does not compile fails every run. Exits 0 when every case ran (valid or not), 2 when a schema
// does not compile or the input is unreadable. With --serve it prints "ready" once the schemas are
// compiled, then reads one list of cases per line and answers each with one line of results, so
// that a test run compiles the schemas once.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join, relative, sep } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

function schemaFiles(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) {
      return schemaFiles(path);
    }
    return name.endsWith('.json') ? [path] : [];
  });
}

function load(folder) {
  // strict mode also checks the schemas themselves: unknown keywords, keywords that cannot apply to
  // the declared type, required properties that are not declared. allowUnionTypes permits
  // type: ["string", "null"].
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  addFormats(ajv);
  const ids = new Map();
  for (const file of schemaFiles(folder).sort()) {
    const schema = JSON.parse(readFileSync(file, 'utf8'));
    ajv.addSchema(schema);
    ids.set(relative(folder, file).split(sep).join('/'), schema.$id);
  }
  for (const id of ids.values()) {
    ajv.getSchema(id);
  }
  return { ajv, ids };
}

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node validate-json.mjs <schemas folder> < cases.json');
  process.exit(2);
}

let loaded;
try {
  loaded = load(folder);
} catch (error) {
  console.error(`the schemas in ${folder} do not compile: ${error.message}`);
  process.exit(2);
}

function run(cases) {
  return cases.map(({ name, schema, instance }) => {
    const id = loaded.ids.get(schema);
    if (id === undefined) {
      return { name, valid: false, errors: [`no schema ${schema} in ${folder}`] };
    }
    const validate = loaded.ajv.getSchema(id);
    const valid = validate(instance);
    const errors = valid ? [] : validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`);
    return { name, valid, errors };
  });
}

if (process.argv[3] === '--serve') {
  console.log('ready');
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim() !== '') {
      console.log(JSON.stringify(run(JSON.parse(line))));
    }
  }
} else {
  let cases;
  try {
    cases = JSON.parse(readFileSync(0, 'utf8'));
  } catch (error) {
    console.error(`cannot read the cases from standard input: ${error.message}`);
    process.exit(2);
  }
  console.log(JSON.stringify(run(cases)));
}
