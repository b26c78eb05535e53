// What the Comunica tests (the client test here, the federation test in ../../federation)
// share: rows of SPARQL answers as strings, so that Comunica's answers (RDF/JS terms) and
// `silk query --format json` (SPARQL JSON terms) compare as strings, and the report of checks.

let failures = 0;

// One line per check; the detail under a failed one.
export function check(name, passed, detail) {
  console.log(`${passed ? 'ok   ' : 'FAIL '} ${name}`);
  if (!passed) {
    failures++;
    if (detail) console.log(`      ${detail}`.slice(0, 3000));
  }
}

// The summary line, and the exit code that says whether any check failed.
export function finish() {
  console.log(failures ? `\n${failures} checks failed` : '\nall checks passed');
  process.exit(failures ? 1 : 0);
}

// A term as one string: N-Triples' syntax, every literal with its datatype written out. Blank
// nodes are all `_:`, their labels being each side's own. Language tags in lower case:
// Comunica lowercases them (as RDF 1.1 allows), silk keeps them as written.
export const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const LANG_STRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';
function literalKey(value, datatype, language) {
  if (language) return `${JSON.stringify(value)}@${language.toLowerCase()}`;
  return `${JSON.stringify(value)}^^<${datatype || XSD_STRING}>`;
}
export function rdfjsKey(term) {
  switch (term.termType) {
    case 'NamedNode': return `<${term.value}>`;
    case 'BlankNode': return '_:';
    case 'Literal':
      return literalKey(term.value, term.datatype.value === LANG_STRING ? '' : term.datatype.value,
        term.language);
    default: throw new Error(`unexpected ${term.termType}`);
  }
}
export function jsonKey(term) {
  if (term.type === 'uri') return `<${term.value}>`;
  if (term.type === 'bnode') return '_:';
  return literalKey(term.value, term.datatype, term['xml:lang']);
}
// A row: its variables' terms, in the order of the variables, unbound as ''.
export const rowKey = (variables, lookup) => variables.map((v) => lookup(v) ?? '').join('\t');

// Whether two lists of rows hold the same rows (in the same order if `ordered`), and if not,
// a few of the rows missing and extra.
export function compareRows(expected, actual, ordered) {
  const e = ordered ? expected : [...expected].sort();
  const a = ordered ? actual : [...actual].sort();
  const same = e.length === a.length && e.every((row, i) => row === a[i]);
  const missing = e.filter((row) => !a.includes(row)).slice(0, 5);
  const extra = a.filter((row) => !e.includes(row)).slice(0, 5);
  const at = e.findIndex((row, i) => row !== a[i]);
  const detail = `${expected.length} rows expected, ${actual.length} received; missing ` +
    `${JSON.stringify(missing)}; extra ${JSON.stringify(extra)}` +
    `${same || missing.length || extra.length ? '' : `; the order differs from row ${at + 1} ` +
      `on: expected ${JSON.stringify(e.slice(at, at + 3))}, received ${JSON.stringify(a.slice(at, at + 3))}`}`;
  return { same, detail };
}
