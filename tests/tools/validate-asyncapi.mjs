// Parses AsyncAPI documents with the real parser (@asyncapi/parser, with its default rules) and
// prints what it found, so that a test can check both the diagnostics and the content.
//
//   node tests/tools/validate-asyncapi.mjs <document.yaml>...
//
// Prints one JSON list with, per document: "file", "diagnostics" (each {severity, code, message,
// path}; severity 0 error, 1 warning, 2 information, 3 hint), and when it parsed "summary":
// asyncapi version, title, channels (address, AMQP exchange, message names), operations (action,
// channel, message count) and messages (name, and whether each example validates against the
// message's payload schema, checked with ajv since the parser's rules do not). Exits 0 when every
// document parsed without an error-severity diagnostic, 1 otherwise, 2 on a usage error.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Parser } from '@asyncapi/parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node validate-asyncapi.mjs <document.yaml>...');
  process.exit(2);
}

const parser = new Parser();

// AsyncAPI's default schema format is a superset of JSON Schema draft-07, which is what Ajv's default
// class reads. Not strict: the parser annotates the schemas it resolved with x-parser-* keys.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);

/** Whether each of the message's examples validates against the message's (resolved) payload schema. */
function checkExamples(message) {
  const validate = ajv.compile(message.payload().json());
  return message.examples().all().map((example) => {
    const valid = validate(example.payload());
    return { name: example.name(), valid, errors: valid ? [] : validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`) };
  });
}

function summarize(document) {
  return {
    asyncapi: document.version(),
    title: document.info().title(),
    version: document.info().version(),
    channels: document.channels().all().map((channel) => ({
      id: channel.id(),
      address: channel.address(),
      exchange: channel.bindings().get('amqp')?.value()?.exchange?.name ?? null,
      messages: channel.messages().all().map((message) => message.name()),
    })),
    operations: document.operations().all().map((operation) => ({
      id: operation.id(),
      action: operation.action(),
      channels: operation.channels().all().map((channel) => channel.address()),
      messages: operation.messages().all().length,
    })),
    messages: document.components().messages().all().map((message) => ({ name: message.name(), examples: checkExamples(message) })),
  };
}

let failed = false;
const results = [];
for (const file of files) {
  const path = resolve(file);
  const { document, diagnostics } = await parser.parse(readFileSync(path, 'utf8'), { source: path });
  const found = diagnostics.map((d) => ({ severity: d.severity, code: d.code, message: d.message, path: d.path.join('/') }));
  failed ||= document === undefined || found.some((d) => d.severity === 0);
  results.push({ file, diagnostics: found, summary: document === undefined ? null : summarize(document) });
}

console.log(JSON.stringify(results));
process.exit(failed ? 1 : 0);
