// Comunica (@comunica/query-sparql 4) federates each query over the endpoints of N parts
// (`silk load --partition K/N`, each served by `silk serve`) as one dataset, and its rows must
// be those of `silk query` on one store that holds everything. Run by federation_test.sh from
// the folder the Comunica fixture installed (tests/server/clients), with
//   SILK             the silk binary        SILK_DB         the store of everything
//   SILK_PART_DBS    the parts' stores      SILK_URLS       their endpoints, in the same order
//   SILK_PREFIXES    PREFIX lines for the queries (those silk query declares)
//   SILK_SOURCE_DIR  the project, whose paths name the queries (in known_differences.txt too)
//   SILK_QUERY_FILES SELECT queries that must give one store's rows, space-separated
//   SILK_BLANK_NODE_QUERIES  the blank-node queries: local_* must give one store's rows;
//                    across_* join through a blank node, and give the rows of the parts, each
//                    queried alone (see SCALING.md, "Blank nodes"), strictly fewer than one
//                    store's: the test fails if the data no longer shows the difference.
//   SILK_KNOWN_DIFFERENCES  known_differences.txt: checks that differ for a reason it gives
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

import { QueryEngine } from '@comunica/query-sparql';

import { fetchReadAtOnce } from './read_at_once.mjs';
import { check, compareRows, finish, jsonKey, rdfjsKey, rowKey } from './checks.mjs';

const env = process.env;
const prefixes = readFileSync(env.SILK_PREFIXES, 'utf8');
const sources = env.SILK_URLS.split(' ').map((url) => ({ type: 'sparql', value: `${url}/sparql` }));
const partDbs = env.SILK_PART_DBS.split(' ');
const engine = new QueryEngine();

// `silk query` on `db`: the variables and the rows as strings.
function silkRows(db, query) {
  const results = JSON.parse(execFileSync(env.SILK, ['--db', db, 'query', query, '--format', 'json'],
    { encoding: 'utf8', maxBuffer: 1 << 28 }));
  const variables = results.head.vars;
  return {
    variables,
    rows: results.results.bindings.map((b) => rowKey(variables, (v) => b[v] && jsonKey(b[v]))),
  };
}

async function federatedRows(query, variables) {
  const bindings = await (await engine.queryBindings(prefixes + query,
    { sources, fetch: fetchReadAtOnce })).toArray();
  return bindings.map((b) => rowKey(variables, (v) => b.get(v) && rdfjsKey(b.get(v))));
}

// QUERY<TAB>CHECK -> why, from known_differences.txt.
const known = new Map(readFileSync(env.SILK_KNOWN_DIFFERENCES, 'utf8').split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'))
  .map((line) => line.split('\t')).map(([query, what, why]) => [`${query}\t${what}`, why]));

// check(), unless `query`'s `what` check is a known difference: then it must still differ.
// (A listed query that this run leaves out, as the default form leaves out the slow ones,
// is not checked at all.)
function checkAgainstKnown(query, what, name, passed, detail) {
  const why = known.get(`${query}\t${what}`);
  if (why === undefined) {
    check(name, passed, detail);
  } else if (passed) {
    check(`${name}: listed in known_differences.txt, but agrees now: remove the line`, false);
  } else {
    console.log(`known ${name}: differs, as known_differences.txt says: ${why}`);
  }
}

// The variables of an ORDER BY made of variables (`?a`, `DESC(?b)`), or null without one.
function orderVariables(query) {
  const clause = /\bORDER\s+BY\b([^}]*)$/i.exec(query);
  if (!clause) return null;
  return [...clause[1].matchAll(/\?(\w+)/g)].map((m) => m[1]);
}

// The same rows; under an ORDER BY also the same sequence of the ordering variables' values
// (rows that tie may come in any order).
function sameAnswer(queryName, name, query, variables, expected, actual) {
  const rows = compareRows(expected, actual, false);
  checkAgainstKnown(queryName, 'rows', `${name} (${actual.length} rows)`, rows.same, rows.detail);
  const order = orderVariables(query);
  if (!order || !rows.same) return;
  const positions = order.map((v) => variables.indexOf(v)).filter((i) => i >= 0);
  const keys = (list) => list.map((row) => positions.map((i) => row.split('\t')[i]).join('\t'));
  const sequence = compareRows(keys(expected), keys(actual), true);
  checkAgainstKnown(queryName, 'order', `${name}: in ORDER BY ${order.map((v) => `?${v}`).join(' ')}`,
    sequence.same, sequence.detail);
}

// [name, text] of each file: the name is its path in the project, without .rq.
const named = (files) => files.map((file) =>
  [relative(env.SILK_SOURCE_DIR, file).replace(/\.rq$/, ''), readFileSync(file, 'utf8')]);
const inFolder = (folder) =>
  readdirSync(folder).filter((f) => f.endsWith('.rq')).sort().map((f) => join(folder, f));

for (const [name, query] of named(env.SILK_QUERY_FILES.split(' '))) {
  try {
    const { variables, rows } = silkRows(env.SILK_DB, query);
    sameAnswer(name, `${name}: ${sources.length} parts as one store`, query, variables, rows,
      await federatedRows(query, variables));
  } catch (error) {
    check(`${name}: ran`, false, error.stack);
  }
}

for (const [name, query] of named(inFolder(env.SILK_BLANK_NODE_QUERIES))) {
  try {
    const whole = silkRows(env.SILK_DB, query);
    const actual = await federatedRows(query, whole.variables);
    if (basename(name).startsWith('local_')) {
      sameAnswer(name, `${name}: ${sources.length} parts as one store`, query, whole.variables,
        whole.rows, actual);
      continue;
    }
    const parts = partDbs.flatMap((db) => silkRows(db, query).rows);
    sameAnswer(name, `${name}: the rows each part gives alone`, query, whole.variables, parts, actual);
    check(`${name}: fewer rows than one store (${parts.length} < ${whole.rows.length}), as ` +
      'SCALING.md says', parts.length < whole.rows.length && parts.length > 0);
  } catch (error) {
    check(`${name}: ran`, false, error.stack);
  }
}

finish();
