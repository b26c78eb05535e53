// The page `silk serve` shows at /, in a real headless chromium: a query typed into the
// editor and run (by the button and by Ctrl+Enter) fills a table whose cells are the rows
// `silk query --format tsv` prints; an error shows the server's message with its caret; an
// example question fills the editor and runs; the button beside an IRI draws its
// neighbourhood (GET /viz); nothing is loaded from anywhere else.
// Usage: node --test web_page_test.mjs (SILK_BINARY and SILK_SOURCE_DIR in the environment)
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { launchChromium, runSilk, serveShippedGraph } from "./silk_page.mjs";

const silk = process.env.SILK_BINARY;
const sourceDir = process.env.SILK_SOURCE_DIR;
const kXsd = "http://www.w3.org/2001/XMLSchema#";

let server;
let browser;
let page;
const problems = [];  // console errors, blocked loads, requests to other origins

before(async () => {
  assert.ok(silk && sourceDir, "set SILK_BINARY and SILK_SOURCE_DIR");
  server = await serveShippedGraph(silk, sourceDir);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page: ${error.message}`));
  page.on("request", (request) => {
    if (!request.url().startsWith(server.url)) problems.push(`request to ${request.url()}`);
  });
  const response = await page.goto(server.url + "/");
  assert.equal(response.status(), 200);
  const policy = response.headers()["content-security-policy"] ?? "";
  assert.match(policy, /default-src 'none'/);
  assert.match(policy, /script-src 'self'/);
  await page.waitForSelector("body[data-ready=true]");
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

// `silk query --format tsv`'s rows, each value as N-Triples writes it (TSV writes numbers
// and booleans bare, as Turtle does).
function tsvRows(args) {
  const lines = runSilk(silk, ["--db", server.db, "query", ...args, "--format", "tsv"])
    .split("\n").filter(Boolean);
  const asNTriples = (value) => {
    if (value === "" || /^[<"_]/.test(value)) return value;
    if (value === "true" || value === "false") return `"${value}"^^<${kXsd}boolean>`;
    if (/[eE]/.test(value)) return `"${value}"^^<${kXsd}double>`;
    if (value.includes(".")) return `"${value}"^^<${kXsd}decimal>`;
    return `"${value}"^^<${kXsd}integer>`;
  };
  return {
    header: lines[0].split("\t"),
    rows: lines.slice(1).map((line) => line.split("\t").map(asNTriples)),
  };
}

// The table on the page: its header and each cell's term (an unbound cell is "").
async function pageTable() {
  return page.evaluate(() => ({
    header: [...document.querySelectorAll("#results thead th:not(.row-number)")]
      .map((th) => th.textContent),
    rows: [...document.querySelectorAll("#results tbody tr")].map((tr) =>
      [...tr.querySelectorAll("td:not(.row-number)")].map((td) => td.dataset.term ?? "")),
  }));
}

async function typeQuery(text) {
  await page.fill("#query", "");
  await page.click("#query");
  await page.keyboard.insertText(text);
}

// Waits for the run started by `start` to end, and returns the status line.
async function runAnd(start) {
  await start();
  await page.waitForFunction(() => {
    const status = document.getElementById("status").textContent;
    return status && status !== "Running…";
  });
  return page.textContent("#status");
}

test("a typed query run with the button shows the rows silk query prints", async () => {
  const query = "SELECT ?person ?name WHERE { kca:SadyrJaparov kca:metWith ?person . " +
                "?person skos:prefLabel ?name } ORDER BY ?name";
  await typeQuery(query);
  const status = await runAnd(() => page.click("#run"));
  const expected = tsvRows([query]);
  assert.ok(expected.rows.length > 0, "the query finds rows in the shipped graph");
  assert.deepEqual(await pageTable(), expected);
  assert.match(status, new RegExp(`^${expected.rows.length} rows? · \\d+ ms$`));
  // IRIs are shown under their prefix, the whole IRI kept in the title.
  const firstPerson = page.locator("#results tbody tr:first-child td:nth-child(2) .iri");
  assert.match(await firstPerson.textContent(), /^kca:\w+$/);
  assert.match(await firstPerson.getAttribute("title"), /^https:\/\/silkgraph\.org\/kca\//);
});

test("the button beside an IRI draws its neighbourhood: an SVG the server made", async () => {
  const query = "SELECT ?person WHERE { kca:SadyrJaparov kca:metWith ?person } ORDER BY ?person";
  await typeQuery(query);
  await runAnd(() => page.click("#run"));
  const button = page.locator("#results tbody tr:first-child td:nth-child(2) button.viz");
  const iri = await button.getAttribute("data-viz");
  assert.match(iri, /^https:\/\/silkgraph\.org\/kca\//);
  await button.click();
  const image = page.locator("#picture-body img");
  await image.waitFor();
  assert.equal(await image.getAttribute("data-term"), iri);
  const source = await image.getAttribute("src");
  assert.match(source, /^data:image\/svg\+xml;base64,/);
  // The browser drew it.
  await page.waitForFunction(() => document.querySelector("#picture-body img").naturalWidth > 0);
  assert.match(await page.textContent("#picture-title"), /^Neighbourhood of kca:\w+$/);
  // It shows the entity by its English name, as the store holds it.
  const svg = Buffer.from(source.slice(source.indexOf(",") + 1), "base64").toString("utf8");
  assert.match(svg, /<svg/);
  const name = runSilk(silk, ["--db", server.db, "query", "--format", "tsv",
    `SELECT ?name WHERE { <${iri}> skos:prefLabel ?name FILTER(LANG(?name) = "en") }`])
    .split("\n")[1].replace(/^"(.*)"@en$/, "$1");
  // (Graphviz writes a hyphen as &#45;.)
  assert.ok(name && svg.replaceAll("&#45;", "-").includes(name), `the picture names ${name}`);
  await page.click("#picture-close");
  assert.equal(await page.locator("#picture").isHidden(), true);
});

test("Ctrl+Enter runs the query; typed literals show their datatype or language", async () => {
  const query = "SELECT ?date ?name WHERE { ?e schema:startDate ?date ; skos:prefLabel ?name } " +
                "ORDER BY ?date ?name LIMIT 20";
  await typeQuery(query);
  await runAnd(() => page.keyboard.press("Control+Enter"));
  assert.deepEqual(await pageTable(), tsvRows([query]));
  const tags = await page.locator("#results tbody .tag").allTextContents();
  assert.ok(tags.some((tag) => tag.startsWith("xsd:")), `datatypes shown: ${tags}`);
});

test("ASK answers yes or no, CONSTRUCT shows Turtle", async () => {
  await typeQuery("ASK { kca:SadyrJaparov kca:metWith ?someone }");
  assert.match(await runAnd(() => page.keyboard.press("Control+Enter")), /^ASK/);
  assert.equal(await page.getAttribute("#results .answer", "data-answer"), "true");
  await typeQuery("CONSTRUCT { kca:SadyrJaparov kca:metWith ?p } WHERE { kca:SadyrJaparov kca:metWith ?p }");
  assert.match(await runAnd(() => page.click("#run")), /^Turtle/);
  assert.match(await page.textContent("#results .graph-text"), /kca:SadyrJaparov kca:metWith/);
});

test("a malformed query shows the server's message, line, column and caret", async () => {
  const query = "SELECT ?x WHERE {\n  ?x kca:visited . }";
  await typeQuery(query);
  assert.match(await runAnd(() => page.click("#run")), /^Error 400/);
  assert.equal(await page.locator("#results table").count(), 0);
  const shown = await page.textContent("#error");
  const cli = await fetch(`${server.url}/sparql`, {
    method: "POST", headers: { "Content-Type": "application/sparql-query" }, body: query });
  assert.equal(shown, (await cli.text()).trimEnd());
  assert.match(shown, /^<query>:2:18: expected an object after the predicate\n.*kca:visited \. }\n +\^$/);
  assert.equal(await page.getAttribute("#error", "class"), "error");
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById("error")).whiteSpace), "pre");
});

test("an example question fills the editor and runs", async () => {
  const example = page.locator("#examples button").first();
  const name = await example.getAttribute("data-example");
  assert.match(await example.textContent(), /\?$/, "shown as its question");
  await example.click();
  const file = join(sourceDir, "tests", "datasets", "questions", name);
  assert.equal(await page.inputValue("#query"), readFileSync(file, "utf8"));
  await runAnd(() => page.keyboard.press("Control+Enter"));
  const expected = tsvRows(["-f", file]);
  assert.ok(expected.rows.length > 0);
  assert.deepEqual(await pageTable(), expected);
});

test("a huge result renders its first 1000 rows and says how many there are", async () => {
  await typeQuery("SELECT * WHERE { ?s ?p ?o VALUES ?copy { 1 2 3 } }");
  const status = await runAnd(() => page.click("#run"));
  const total = Number(status.match(/^([\d,]+) rows/)[1].replace(/,/g, ""));
  assert.ok(total > 1000, `three copies of the shipped graph's triples: ${total}`);
  assert.equal(await page.locator("#results tbody tr").count(), 1000);
  assert.match(await page.textContent("#results .capped"), /first 1,000 of [\d,]+ rows/);
});

test("Tab completes a prefix, and the PREFIX lines a query uses can be added", async () => {
  await typeQuery("SELECT * WHERE { ?s skos:prefLabel ?o ; ");
  await page.keyboard.type("kc");
  await page.keyboard.press("Tab");
  await page.keyboard.type("fileId ?f }");
  await page.click("#add-prefixes");
  assert.equal(await page.inputValue("#query"),
               "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n" +
               "PREFIX kca: <https://silkgraph.org/kca/>\n" +
               "SELECT * WHERE { ?s skos:prefLabel ?o ; kca:fileId ?f }");
  const prefixes = await page.locator("#prefixes b").allTextContents();
  for (const name of ["rdf:", "rdfs:", "xsd:", "owl:", "skos:", "schema:", "prov:", "dct:",
                      "foaf:", "kca:", "src:"]) {
    assert.ok(prefixes.includes(name), `${name} listed`);
  }
});

test("the page loaded nothing from elsewhere and logged no error", () => {
  // The malformed query's 400 is the one failed load the console reports.
  const unexpected = problems.filter((problem) => !/status of 400/.test(problem));
  assert.deepEqual(unexpected, []);
});

test("every file of the page carries the policy; an unknown one is a 404 in words", async () => {
  for (const path of ["/", "/web/app.js", "/web/style.css", "/web/prefixes.rq", "/web/examples"]) {
    const response = await fetch(server.url + path);
    assert.equal(response.status, 200, path);
    assert.match(response.headers.get("Content-Security-Policy"), /default-src 'none'/, path);
  }
  assert.match((await fetch(server.url + "/web/app.js")).headers.get("Content-Type"),
               /^text\/javascript/);
  const missing = await fetch(server.url + "/web/examples/nothing.rq");
  assert.equal(missing.status, 404);
  assert.equal(await missing.text(), "the web page has no example question named nothing.rq\n");
});
