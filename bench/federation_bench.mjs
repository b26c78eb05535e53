// Times each query through Comunica (@comunica/query-sparql 4): over one `silk serve` endpoint
// that holds everything, and federated over the endpoints of the parts. Run by
// bench/federation.sh from the folder where the client tests installed Comunica, with
//   SINGLE   the one endpoint's URL          PARTS   the parts' URLs, space-separated
//   QUERIES  query files, space-separated    RUNS    timed runs after one warm run
// Prints per query and set-up, in bench/run.sh's format:
//   engine=comunica-single|comunica-federated query=NAME rows=N first_ms=X median_ms=Y min_ms=Z
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

import { QueryEngine } from '@comunica/query-sparql';

import { fetchReadAtOnce } from './read_at_once.mjs';

const env = process.env;
const runs = Number(env.RUNS || 3);
const sparql = (url) => ({ type: 'sparql', value: `${url}/sparql` });
const setups = [
  ['comunica-single', [sparql(env.SINGLE)]],
  ['comunica-federated', env.PARTS.split(' ').map(sparql)],
];

// One run: every solution received, each bound term's text read.
async function run(query, sources) {
  // A new engine each time: Comunica caches what it learnt of the sources between queries.
  const engine = new QueryEngine();
  const started = performance.now();
  const stream = await engine.queryBindings(query, { sources, fetch: fetchReadAtOnce });
  let rows = 0;
  let chars = 0;
  for await (const bindings of stream) {
    rows++;
    for (const [, term] of bindings) chars += term.value.length;
  }
  return { rows, ms: performance.now() - started, chars };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
let failed = false;
for (const file of env.QUERIES.split(' ')) {
  const name = basename(file, '.rq');
  const query = readFileSync(file, 'utf8');
  for (const [engineName, sources] of setups) {
    try {
      const first = await run(query, sources);
      const times = [];
      for (let i = 0; i < runs; i++) times.push((await run(query, sources)).ms);
      console.log(`engine=${engineName} query=${name} rows=${first.rows} first_ms=${first.ms.toFixed(2)} ` +
        `median_ms=${median(times).toFixed(2)} min_ms=${Math.min(...times).toFixed(2)}`);
    } catch (error) {
      console.log(`engine=${engineName} query=${name} ERROR: ${error.message.split('\n')[0]}`);
      failed = true;
    }
  }
}
process.exit(failed ? 1 : 0);
