#!/usr/bin/env python3
"""A synthetic news graph for load and query benchmarks: articles that mention people,
organisations and places, written as N-Triples or N-Quads.

    python3 datasets/generate_news.py 1e6 -o news.nt            # 1,000,000 triples
    python3 datasets/generate_news.py 200000 --format nq -o news.nq.gz --seed 7

The output is a function of (N, seed, format) alone: the same arguments give the same bytes
on every machine and Python 3 version (only random.Random's documented integer and float
methods are used). Its shape is meant to look like real news data:

* skewed degrees: which person, organisation, place or topic an article mentions follows a
  Zipf law, so a few are everywhere and most appear once or twice;
* every kind of literal a loader must handle: plain strings with escapes (quotes, backslash,
  newline, tab) and text beyond the BMP, labels tagged @en, @de and @tr with non-ASCII
  letters, integers (negative too), decimals, doubles, booleans, dates before 1970,
  dateTimes with time zones, and values of custom datatypes;
* N-Quads: each article's statements in a named graph of their own, entity descriptions in
  one graph for reference data.
"""

import argparse
import bisect
import gzip
import io
import itertools
import random
import sys

NEWS = "https://silkgraph.org/news/"
VOCAB = NEWS + "vocab#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ENTITIES_GRAPH = NEWS + "graph/entities"

# Names in three languages; each entity's label is built from these, so labels repeat in
# realistic ways while staying distinct per entity (a number is appended).
GIVEN = ["Ayşe", "Jürgen", "Zoë", "Mehmet", "Ömer", "Łukasz", "Anna", "José", "Çağla", "Björn",
         "Émile", "Nuray", "Søren", "Ğülşen", "Wei", "Ines", "İbrahim", "Ngozi", "Siobhán", "Yusuf"]
FAMILY = ["Yılmaz", "Müller", "Öztürk", "Schröder", "Şahin", "García", "Kowalski", "Dubois",
          "Çelik", "Nakamura", "Straße", "Ødegaard", "Doğan", "Fischer", "Kılıç", "Nguyen"]
PLACE_WORDS = {
    "en": ["Port", "Lake", "North", "Old", "New", "River", "Hill", "Bay"],
    "de": ["Hafen", "See", "Nord", "Alt", "Neu", "Fluss", "Hügel", "Bucht"],
    "tr": ["Liman", "Göl", "Kuzey", "Eski", "Yeni", "Irmak", "Tepe", "Körfez"],
}
TOPIC_WORDS = {
    "en": ["economy", "climate", "elections", "health", "energy", "football", "science", "trade"],
    "de": ["Wirtschaft", "Klima", "Wahlen", "Gesundheit", "Energie", "Fußball", "Wissenschaft",
           "Handel"],
    "tr": ["ekonomi", "iklim", "seçimler", "sağlık", "enerji", "futbol", "bilim", "ticaret"],
}
HEADLINE = {
    "en": "{who} meets {org} in {where} on {topic}",
    "de": "{who} trifft {org} in {where} zum Thema {topic}",
    "tr": "{who}, {where} şehrinde {org} ile {topic} konusunu görüştü",
}
# Strings that exercise escaping and text outside the Basic Multilingual Plane.
QUOTES = ["He said \"no comment\".", "Line one\nline two", "Tab\tseparated", "Back\\slash",
          "Cheers 🎉 from the stadium", "Ünïcödé “quotes” — dashes", "plain text"]
CURRENCIES = ["EUR", "USD", "TRY", "GBP"]
ZONES = ["Z", "+01:00", "+03:00", "-05:00", "+05:30", "-08:00"]


def escape(text):
    return (text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
            .replace("\r", "\\r").replace("\t", "\\t"))


def iri(value):
    return "<" + value + ">"


def string(text, lang=None):
    out = "\"" + escape(text) + "\""
    return out + "@" + lang if lang else out


def typed(lexical, datatype):
    return "\"" + escape(lexical) + "\"^^<" + datatype + ">"


class Zipf:
    """Draws 0..n-1 with probability proportional to 1/(rank+1)^s, by bisection on the
    cumulative weights (exact and deterministic, no floating-point sampling library)."""

    def __init__(self, n, s, rng):
        self.rng = rng
        self.cumulative = list(itertools.accumulate(1.0 / (k + 1) ** s for k in range(n)))

    def draw(self):
        x = self.rng.random() * self.cumulative[-1]
        return min(bisect.bisect_left(self.cumulative, x), len(self.cumulative) - 1)


class NewsGraph:
    def __init__(self, triples, seed):
        self.rng = random.Random(seed)
        # Pool sizes grow with the output so degrees stay skewed at every scale.
        self.pools = {
            "person": max(20, triples // 60),
            "org": max(10, triples // 300),
            "place": max(10, triples // 500),
            "topic": 64,
        }
        self.zipf = {kind: Zipf(n, 1.1, self.rng) for kind, n in self.pools.items()}
        self.described = {kind: 0 for kind in self.pools}

    def entity(self, kind, k):
        return iri(NEWS + kind + "/" + str(k))

    def mention(self, kind):
        return self.entity(kind, self.zipf[kind].draw())

    def date_time(self):
        r = self.rng
        return "%04d-%02d-%02dT%02d:%02d:%02d%s" % (
            r.randint(1995, 2024), r.randint(1, 12), r.randint(1, 28), r.randint(0, 23),
            r.randint(0, 59), r.randint(0, 59), r.choice(ZONES))

    def person_name(self, k):
        return "%s %s %d" % (GIVEN[k % len(GIVEN)], FAMILY[(k * 7) % len(FAMILY)], k)

    def place_name(self, k, lang):
        words = PLACE_WORDS[lang]
        return "%s %s %d" % (words[k % len(words)], FAMILY[(k * 3) % len(FAMILY)], k)

    def article(self, n):
        """The statements of article n, as (subject, predicate, object)."""
        r = self.rng
        a = iri(NEWS + "article/" + str(n))
        lang = r.choice(["en", "de", "tr"])
        who = self.zipf["person"].draw()
        org = self.zipf["org"].draw()
        where = self.zipf["place"].draw()
        topic = self.zipf["topic"].draw()
        words = TOPIC_WORDS[lang]
        headline = HEADLINE[lang].format(who=self.person_name(who), org="Org %d" % org,
                                         where=self.place_name(where, lang),
                                         topic=words[topic % len(words)])
        out = [
            (a, iri(RDF_TYPE), iri(VOCAB + "Article")),
            (a, iri(VOCAB + "headline"), string(headline, lang)),
            (a, iri(VOCAB + "published"), typed(self.date_time(), XSD + "dateTime")),
            (a, iri(VOCAB + "wordCount"), typed(str(r.randint(80, 4000)), XSD + "integer")),
            (a, iri(VOCAB + "sentiment"),
             typed("%.2f" % (r.randint(-100, 100) / 100), XSD + "decimal")),
            (a, iri(VOCAB + "readingScore"),
             typed("%.3E" % (r.random() * 10 ** r.randint(-3, 6)), XSD + "double")),
            (a, iri(VOCAB + "breaking"), typed(r.choice(["true", "false"]), XSD + "boolean")),
            (a, iri(VOCAB + "about"), self.entity("topic", topic)),
            (a, iri(VOCAB + "author"), self.entity("person", who)),
            (a, iri(VOCAB + "mentions"), self.entity("org", org)),
            (a, iri(VOCAB + "dateline"), self.entity("place", where)),
        ]
        for _ in range(r.randint(0, 4)):
            out.append((a, iri(VOCAB + "mentions"), self.mention(r.choice(["person", "org", "place"]))))
        if r.random() < 0.3:
            quote = "_:q" + str(n)
            out.append((a, iri(VOCAB + "quote"), quote))
            out.append((quote, iri(VOCAB + "text"), string(r.choice(QUOTES))))
            out.append((quote, iri(VOCAB + "speaker"), self.mention("person")))
        if r.random() < 0.1:
            out.append((a, iri(VOCAB + "cites"), iri(NEWS + "article/" + str(r.randint(0, max(n, 1))))))
        return out

    def describe(self, kind, k):
        """The reference statements for entity k of `kind`."""
        r = self.rng
        e = self.entity(kind, k)
        if kind == "person":
            name = self.person_name(k)
            return [
                (e, iri(RDF_TYPE), iri(VOCAB + "Person")),
                (e, iri(LABEL), string(name, "en")),
                (e, iri(LABEL), string(name, "de")),
                (e, iri(LABEL), string(name, "tr")),
                # Mostly before 1970: negative times for anyone who stores epoch seconds.
                (e, iri(VOCAB + "born"), typed("%04d-%02d-%02d" % (r.randint(1901, 1999), r.randint(1, 12), r.randint(1, 28)), XSD + "date")),
                (e, iri(VOCAB + "memberOf"), self.mention("org")),
                (e, iri(VOCAB + "salary"), typed("%s %d" % (r.choice(CURRENCIES), r.randint(1000, 99999)), VOCAB + "money")),
            ]
        if kind == "org":
            return [
                (e, iri(RDF_TYPE), iri(VOCAB + "Organisation")),
                (e, iri(LABEL), string("Org %d" % k, "en")),
                (e, iri(LABEL), string("Organisation %d" % k, "de")),
                (e, iri(LABEL), string("Kuruluş %d" % k, "tr")),
                (e, iri(VOCAB + "founded"), typed(str(r.randint(1850, 2020)), XSD + "gYear")),
                (e, iri(VOCAB + "employees"), typed(str(r.randint(1, 500000)), XSD + "integer")),
                (e, iri(VOCAB + "seatedIn"), self.mention("place")),
                (e, iri(VOCAB + "code"), string("ORG-%05d" % k)),
            ]
        if kind == "place":
            return [
                (e, iri(RDF_TYPE), iri(VOCAB + "Place")),
                (e, iri(LABEL), string(self.place_name(k, "en"), "en")),
                (e, iri(LABEL), string(self.place_name(k, "de"), "de")),
                (e, iri(LABEL), string(self.place_name(k, "tr"), "tr")),
                (e, iri(VOCAB + "population"), typed(str(r.randint(100, 20000000)), XSD + "integer")),
                # Below sea level for some: negative integers.
                (e, iri(VOCAB + "elevation"), typed(str(r.randint(-430, 4800)), XSD + "integer")),
                (e, iri(VOCAB + "location"), typed("POINT(%.4f %.4f)" % (r.uniform(-180, 180), r.uniform(-90, 90)), "http://www.opengis.net/ont/geosparql#wktLiteral")),
            ]
        words = {lang: TOPIC_WORDS[lang][k % 8] + ("" if k < 8 else " %d" % (k // 8)) for lang in TOPIC_WORDS}
        return [
            (e, iri(RDF_TYPE), iri(VOCAB + "Topic")),
            (e, iri(LABEL), string(words["en"], "en")),
            (e, iri(LABEL), string(words["de"], "de")),
            (e, iri(LABEL), string(words["tr"], "tr")),
        ]

    def statements(self, count):
        """Exactly `count` statements as (s, p, o, graph) in a fixed order: articles, with
        the entities described at the same pace, so any prefix of the output is itself a
        plausible graph."""
        written = 0
        for n in itertools.count():
            block = [(s, p, o, iri(NEWS + "graph/article/" + str(n))) for s, p, o in self.article(n)]
            for kind, size in self.pools.items():
                # Describe entities in proportion to the output written so far.
                due = min(size, size * (written + len(block)) // count + 1)
                while self.described[kind] < due:
                    block.extend((s, p, o, iri(ENTITIES_GRAPH))
                                 for s, p, o in self.describe(kind, self.described[kind]))
                    self.described[kind] += 1
            for statement in block:
                if written == count:
                    return
                yield statement
                written += 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("triples", help="how many statements to write: 1000, 2.5e5, 1e6")
    parser.add_argument("--seed", type=int, default=42, help="the same seed gives the same output")
    parser.add_argument("--format", choices=["nt", "nq"], default=None,
                        help="N-Triples or N-Quads with a graph per article "
                             "(default: from the output name, else nt)")
    parser.add_argument("-o", "--output", default="-", help="the file to write (.gz compresses); "
                        "default: standard output")
    args = parser.parse_args()
    try:
        count = int(float(args.triples))
    except ValueError:
        parser.error("the number of statements must be a number such as 1000 or 1e6")
    if count < 0:
        parser.error("the number of statements cannot be negative")
    name = args.output[:-3] if args.output.endswith(".gz") else args.output
    quads = (args.format or ("nq" if name.endswith(".nq") else "nt")) == "nq"

    if args.output == "-":
        sys.stdout.reconfigure(encoding="utf-8", newline="\n")
        out = sys.stdout
    elif args.output.endswith(".gz"):
        # mtime=0: no time stamp in the header, so the bytes depend on the arguments alone.
        # No name in the header either, so renaming the output changes nothing.
        raw = open(args.output, "wb")
        out = io.TextIOWrapper(gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0),
                               encoding="utf-8", newline="\n")
    else:
        out = open(args.output, "w", encoding="utf-8", newline="\n")
    with out:
        graph = NewsGraph(count, args.seed)
        lines = []
        for s, p, o, g in graph.statements(count):
            lines.append("%s %s %s %s .\n" % (s, p, o, g) if quads else "%s %s %s .\n" % (s, p, o))
            if len(lines) == 10000:
                out.write("".join(lines))
                lines.clear()
        out.write("".join(lines))
    if args.output.endswith(".gz"):
        raw.close()  # GzipFile leaves a file object it was given open


if __name__ == "__main__":
    main()
