// The page at /: sends the editor's query to /sparql and shows what comes back. Plain DOM
// calls, no framework: the page must load from the binary alone, with nothing from elsewhere.
"use strict";

// A huge result would freeze the page while the browser lays out the table; the full result
// is one click away with `silk query` or the endpoint itself.
const kRowsShown = 1000;
const kRdfString = "http://www.w3.org/2001/XMLSchema#string";

const page = {
  query: document.getElementById("query"),
  run: document.getElementById("run"),
  addPrefixes: document.getElementById("add-prefixes"),
  status: document.getElementById("status"),
  error: document.getElementById("error"),
  results: document.getElementById("results"),
  examples: document.getElementById("examples"),
  prefixes: document.getElementById("prefixes"),
  picture: document.getElementById("picture"),
  pictureTitle: document.getElementById("picture-title"),
  pictureBody: document.getElementById("picture-body"),
  pictureClose: document.getElementById("picture-close"),
};

// [name, iri] pairs the server declares before every query (GET /web/prefixes.rq).
let serverPrefixes = [];

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

function parsePrefixLines(text) {
  const pairs = [];
  for (const match of text.matchAll(/PREFIX\s+([A-Za-z][\w.-]*|):\s*<([^>]*)>/gi)) {
    pairs.push([match[1], match[2]]);
  }
  return pairs;
}

// The query's own PREFIX lines win over the server's, as in SPARQL.
function prefixesFor(queryText) {
  return [...parsePrefixLines(queryText), ...serverPrefixes];
}

// "kca:Kazakhstan" for an IRI under a known prefix, when the rest is a plain local name.
function shorten(iri, prefixes) {
  let best = null;
  for (const [name, namespace] of prefixes) {
    if (!iri.startsWith(namespace)) continue;
    const local = iri.slice(namespace.length);
    if (!/^[\w-]*$/u.test(local)) continue;
    if (!best || namespace.length > best[1].length) best = [name, namespace, local];
  }
  return best ? `${best[0]}:${best[2]}` : `<${iri}>`;
}

// The term as N-Triples writes it (what `silk query --format tsv` writes), kept on each cell.
function nTriples(term) {
  if (term.type === "uri") return `<${term.value}>`;
  if (term.type === "bnode") return `_:${term.value}`;
  const text = `"${term.value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')
    .replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t")}"`;
  if (term["xml:lang"]) return `${text}@${term["xml:lang"]}`;
  if (term.datatype && term.datatype !== kRdfString) return `${text}^^<${term.datatype}>`;
  return text;
}

function termCell(term, prefixes) {
  if (!term) return element("td", { class: "unbound" });
  const cell = element("td", { "data-term": nTriples(term) });
  if (term.type === "uri") {
    const name = shorten(term.value, prefixes);
    const draw = element("button", { type: "button", class: "viz", "data-viz": term.value,
                                     title: `Draw the neighbourhood of ${name}` }, "\u25C8");
    draw.addEventListener("click", () => showPicture(term.value, name));
    cell.append(element("span", { class: "iri", title: term.value }, name), draw);
    cell.classList.add("iri-cell");
  } else if (term.type === "bnode") {
    cell.append(element("span", { class: "blank" }, `_:${term.value}`));
  } else if (term["xml:lang"] || !term.datatype || term.datatype === kRdfString) {
    cell.append(term.value);
    if (term["xml:lang"]) cell.append(element("span", { class: "tag" }, `@${term["xml:lang"]}`));
  } else {
    // A number or a date reads as one word: never broken over two lines (a long value may be).
    cell.append(element("span", { class: term.value.length <= 40 ? "typed" : "" }, term.value),
                element("span", { class: "tag", title: term.datatype },
                        shorten(term.datatype, prefixes)));
  }
  return cell;
}

function plural(count, word) {
  return `${count.toLocaleString("en")} ${word}${count === 1 ? "" : "s"}`;
}

function showTable(json, prefixes) {
  const variables = json.head.vars;
  const rows = json.results.bindings;
  const header = element("tr", {}, element("th", { class: "row-number" }, "#"));
  for (const variable of variables) header.append(element("th", {}, `?${variable}`));
  const body = element("tbody");
  rows.slice(0, kRowsShown).forEach((row, index) => {
    const line = element("tr", {}, element("td", { class: "row-number" }, String(index + 1)));
    for (const variable of variables) line.append(termCell(row[variable], prefixes));
    body.append(line);
  });
  page.results.append(element("table", {}, element("thead", {}, header), body));
  if (rows.length > kRowsShown) {
    page.results.append(element("div", { class: "capped" },
      `The first ${kRowsShown.toLocaleString("en")} of ${plural(rows.length, "row")} are shown; ` +
      "add LIMIT and OFFSET to page through the rest."));
  }
  return plural(rows.length, "row");
}

// The picture of an entity's neighbourhood (GET /viz, SVG drawn by the server), above the
// table. It is shown as an image from a data: URL, so nothing in it can run.
async function showPicture(iri, name) {
  page.picture.hidden = false;
  page.pictureTitle.textContent = `Neighbourhood of ${name}`;
  page.pictureBody.replaceChildren(element("p", { class: "note" }, "Drawing…"));
  page.picture.scrollIntoView({ block: "nearest" });
  try {
    const response = await fetch(`/viz?${new URLSearchParams({ term: iri })}`);
    if (!response.ok) {
      page.pictureBody.replaceChildren(
        element("pre", { class: "error" }, `Error ${response.status}: ${(await response.text()).trimEnd()}`));
      return;
    }
    const url = await new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result);
      reader.onerror = () => reject(reader.error);
      response.blob().then((blob) => reader.readAsDataURL(blob), reject);
    });
    const image = element("img", { src: url, alt: `The neighbourhood of ${name}`, "data-term": iri,
                                   title: "Click for the full size" });
    // Fitted to the panel first; a click shows it at full size (the panel scrolls).
    image.addEventListener("click", () => image.classList.toggle("full"));
    const link = element("a", { href: `/viz?${new URLSearchParams({ term: iri })}`, target: "_blank",
                                rel: "noopener" }, "Open the SVG");
    page.pictureBody.replaceChildren(image, element("p", { class: "note" }, link));
  } catch (failure) {
    page.pictureBody.replaceChildren(
      element("pre", { class: "error" }, `The server did not answer: ${failure.message}`));
  }
}

function clearOutput() {
  page.error.hidden = true;
  page.error.textContent = "";
  page.results.replaceChildren();
}

async function runQuery() {
  const text = page.query.value;
  if (!text.trim()) return;
  clearOutput();
  page.run.disabled = true;
  page.status.textContent = "Running…";
  const started = performance.now();
  try {
    const response = await fetch("/sparql", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/sparql-results+json, text/turtle;q=0.9, text/plain;q=0.5",
      },
      body: new URLSearchParams({ query: text }),
    });
    const type = response.headers.get("Content-Type") || "";
    const body = await response.text();
    const elapsed = `${(performance.now() - started).toFixed(0)} ms`;
    if (!response.ok) {
      page.status.textContent = `Error ${response.status} · ${elapsed}`;
      page.error.textContent = body.trimEnd();
      page.error.hidden = false;
      return;
    }
    if (type.startsWith("application/sparql-results+json")) {
      const json = JSON.parse(body);
      if ("boolean" in json) {
        page.results.append(element("div", { class: "answer", "data-answer": String(json.boolean) },
                                    json.boolean ? "Yes" : "No"));
        page.status.textContent = `ASK · ${elapsed}`;
      } else {
        page.status.textContent = `${showTable(json, prefixesFor(text))} · ${elapsed}`;
      }
    } else {
      // A graph (CONSTRUCT, DESCRIBE) as Turtle, or an EXPLAIN's plan.
      page.results.append(element("pre", { class: "graph-text" }, body));
      const what = type.startsWith("text/turtle") ? "Turtle" : "Text";
      page.status.textContent = `${what} · ${elapsed}`;
    }
  } catch (failure) {
    page.status.textContent = "Error";
    page.error.textContent = `The server did not answer: ${failure.message}`;
    page.error.hidden = false;
  } finally {
    page.run.disabled = false;
  }
}

// PREFIX lines for the known prefixes the query uses but does not declare, at its top.
function addPrefixLines() {
  const text = page.query.value;
  const declared = new Set(parsePrefixLines(text).map(([name]) => name));
  // Prefixed names outside IRIs, strings and comments.
  const code = text.replace(/<[^>\s]*>|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|#[^\n]*/g, " ");
  const used = new Set([...code.matchAll(/(?:^|[^\w:?$])([A-Za-z][\w.-]*)?:/g)]
    .map((match) => match[1] || ""));
  const lines = serverPrefixes
    .filter(([name]) => used.has(name) && !declared.has(name))
    .map(([name, iri]) => `PREFIX ${name}: <${iri}>\n`);
  if (lines.length) insertAtTop(lines.join(""));
}

// After the query's comment lines, so an example keeps its question first.
function insertAtTop(lines) {
  const text = page.query.value;
  const comments = text.match(/^(?:[ \t]*#[^\n]*\n)*/)[0];
  page.query.value = comments + lines + text.slice(comments.length);
}

function insertPrefix(name, iri) {
  if (parsePrefixLines(page.query.value).some(([declared]) => declared === name)) return;
  insertAtTop(`PREFIX ${name}: <${iri}>\n`);
  page.query.focus();
}

// Tab after the start of a prefix name completes it when only one prefix fits; else indents.
function completeOrIndent() {
  const { selectionStart: start, selectionEnd: end, value } = page.query;
  const word = start === end ? (value.slice(0, start).match(/(?:^|[^\w:?$])([A-Za-z][\w-]*)$/) || [])[1] : null;
  const fits = word ? serverPrefixes.filter(([name]) => name.startsWith(word)) : [];
  const insert = fits.length === 1 ? `${fits[0][0].slice(word.length)}:` : "  ";
  page.query.setRangeText(insert, start, end, "end");
}

page.query.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    runQuery();
  } else if (event.key === "Tab" && !event.shiftKey && !event.altKey && !event.ctrlKey) {
    event.preventDefault();
    completeOrIndent();
  }
});
page.run.addEventListener("click", runQuery);
page.addPrefixes.addEventListener("click", addPrefixLines);

async function fetchText(path) {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.text();
}

async function loadPrefixes() {
  serverPrefixes = parsePrefixLines(await fetchText("/web/prefixes.rq"));
  for (const [name, iri] of serverPrefixes) {
    const button = element("button", { type: "button", title: `PREFIX ${name}: <${iri}>` },
                           element("b", {}, `${name}:`), ` ${iri}`);
    button.addEventListener("click", () => insertPrefix(name, iri));
    page.prefixes.append(element("li", {}, button));
  }
}

// Each example opens with its question as comment lines.
async function loadExamples() {
  const names = (await fetchText("/web/examples")).split("\n").filter(Boolean);
  const texts = await Promise.all(names.map((name) => fetchText(`/web/examples/${name}`)));
  texts.forEach((text, index) => {
    const question = (text.match(/^(?:#[^\n]*\n)+/) || [names[index]])[0]
      .replace(/^#\s?/gm, "").replace(/\s+/g, " ").trim();
    const button = element("button", { type: "button", "data-example": names[index] }, question);
    button.addEventListener("click", () => {
      page.query.value = text;
      page.query.focus();
      clearOutput();
      page.status.textContent = "Ctrl+Enter runs the example.";
    });
    page.examples.append(element("li", {}, button));
  });
}

page.pictureClose.addEventListener("click", () => {
  page.picture.hidden = true;
  page.pictureBody.replaceChildren();
});

Promise.all([loadPrefixes(), loadExamples()]).then(
  () => document.body.setAttribute("data-ready", "true"),
  (failure) => {
    page.status.textContent = `The page could not load its prefixes or examples: ${failure.message}`;
  });
