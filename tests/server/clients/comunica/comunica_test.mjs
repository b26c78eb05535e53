// Comunica (@comunica/query-sparql 4) queries `silk serve` as a SPARQL endpoint source (its
// `sparql@` source type) and each answer is compared with `silk query` on the same store:
// SELECT bindings with `silk query --format json`, ASK, and CONSTRUCT and DESCRIBE graphs with
// `--format ntriples`, for queries/ and the shipped graph's questions; then a query past the
// server's --timeout, updates with silk as the destination, and the service description read
// by N3.js. Run by client_test.sh (the environment is described there), from the folder
// `npm ci` installed.
//
// package.json overrides rdf-data-factory to 2.1: Comunica 4.5 asks for 1.1, which cannot make
// the language-tagged literals its SPARQL results parser (sparqljson-parse 3) asks it for, so
// every tag would be lost before this test sees the terms.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { QueryEngine } from '@comunica/query-sparql';
import { Parser } from 'n3';

import { XSD_STRING, check, compareRows, finish, jsonKey, rdfjsKey, rowKey } from './checks.mjs';

const env = process.env;
const prefixes = readFileSync(env.SILK_PREFIXES, 'utf8');
const source = { type: 'sparql', value: `${env.SILK_URL}/sparql` };
const engine = new QueryEngine();

function silk(query, format) {
  return execFileSync(env.SILK, ['--db', env.SILK_DB, 'query', query, '--format', format],
    { encoding: 'utf8', maxBuffer: 1 << 26 });
}

function sameRows(name, expected, actual, ordered) {
  const { same, detail } = compareRows(expected, actual, ordered);
  check(`${name} (${actual.length} rows)`, same, detail);
}

function queries(folder) {
  return readdirSync(folder).filter((f) => f.endsWith('.rq')).sort()
    .map((f) => [f.slice(0, -3), readFileSync(join(folder, f), 'utf8')]);
}

const all = [...queries(env.SILK_QUERIES), ...queries(env.SILK_QUESTIONS)];
for (const [name, query] of all) {
  const kind = name.split('_')[0];
  const text = prefixes + query;
  try {
    if (kind === 'ask') {
      const expected = JSON.parse(silk(query, 'json')).boolean;
      check(`${name}: ASK`, (await engine.queryBoolean(text, { sources: [source] })) === expected);
    } else if (kind === 'construct' || kind === 'describe') {
      const expected = new Parser({ format: 'N-Triples' }).parse(silk(query, 'ntriples'))
        .map((q) => [q.subject, q.predicate, q.object].map(rdfjsKey).join(' '));
      const quads = await (await engine.queryQuads(text, { sources: [source] })).toArray();
      sameRows(`${name}: ${kind.toUpperCase()}`, expected,
        quads.map((q) => [q.subject, q.predicate, q.object].map(rdfjsKey).join(' ')), false);
    } else {
      const results = JSON.parse(silk(query, 'json'));
      const variables = results.head.vars;
      const expected = results.results.bindings.map((b) => rowKey(variables, (v) => b[v] && jsonKey(b[v])));
      const bindings = await (await engine.queryBindings(text, { sources: [source] })).toArray();
      const actual = bindings.map((b) => rowKey(variables, (v) => b.get(v) && rdfjsKey(b.get(v))));
      sameRows(`${name}: SELECT`, expected, actual, /\bORDER\s+BY\b/i.test(query));
    }
  } catch (error) {
    check(`${name}: ran`, false, error.stack);
  }
}

// A query past the server's --timeout: Comunica's error carries the server's status and message.
const slow = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . ?p ?q ?r }';
try {
  await (await engine.queryBindings(slow, { sources: [source] })).toArray();
  check('a query past --timeout: an error', false, 'answered');
} catch (error) {
  check('a query past --timeout: an error with the server\'s 503 and its message',
    error.message.includes('503') && error.message.includes('time limit'), error.message);
}

// An update with silk's endpoint as the destination: Comunica sends it on, silk query sees it.
const graph = '<http://example.org/clients/comunica>';
const statements = '<http://example.org/clients/tea> <http://example.org/clients/label> ' +
  '"Türk çayı"@tr, "1.0"^^<http://www.w3.org/2001/XMLSchema#decimal>, "a \\"quoted\\" word"';
const inGraph = `SELECT ?o WHERE { GRAPH ${graph} { ?s ?p ?o } }`;
const silkRows = (query) => JSON.parse(silk(query, 'json')).results.bindings.map((b) => jsonKey(b.o));
try {
  await engine.queryVoid(`INSERT DATA { GRAPH ${graph} { ${statements} } }`, { sources: [source], destination: source });
  sameRows('INSERT DATA through Comunica: silk query sees it', [
    '"Türk çayı"@tr', '"1.0"^^<http://www.w3.org/2001/XMLSchema#decimal>',
    `${JSON.stringify('a "quoted" word')}^^<${XSD_STRING}>`], silkRows(inGraph), false);
  await engine.queryVoid(`DELETE DATA { GRAPH ${graph} { <http://example.org/clients/tea> ` +
    '<http://example.org/clients/label> "Türk çayı"@tr } }', { sources: [source], destination: source });
  check('DELETE DATA through Comunica: silk query sees it', !silkRows(inGraph).includes('"Türk çayı"@tr'));
} catch (error) {
  check('updates through Comunica', false, error.stack);
}

// The service description, read by N3.js (Comunica's parser), which takes only valid labels.
for (const type of ['text/turtle', 'application/n-triples']) {
  const response = await fetch(source.value, { headers: { accept: type } });
  try {
    const quads = new Parser({ format: type }).parse(await response.text());
    check(`the service description as ${type}: N3.js parses it (${quads.length} statements)`,
      quads.some((q) => q.predicate.value.endsWith('#endpoint') && q.object.value === source.value));
  } catch (error) {
    check(`the service description as ${type}: N3.js parses it`, false, error.message);
  }
}

finish();
