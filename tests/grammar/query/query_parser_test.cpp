// The SPARQL parser's AST, construct by construct, printed as S-expressions.
#include "grammar/query/query_parser.h"

#include <gtest/gtest.h>

#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/query/query_grammar.h"
#include "query_ast_printer.h"

namespace silk::query {
namespace {

using testing::Print;

QueryParseOptions Options() {
  QueryParseOptions options;
  options.predeclared_prefixes = {{"", "http://e/"}, {"xsd", "http://www.w3.org/2001/XMLSchema#"}};
  return options;
}

// The printed AST of `text`, or the error message.
std::string Q(std::string_view text) {
  const auto result = ParseQuery(text, Options());
  return result.ok() ? Print(result.value()) : "error: " + result.error().ToString();
}

std::string U(std::string_view text) {
  const auto result = ParseUpdate(text, Options());
  return result.ok() ? Print(result.value()) : "error: " + result.error().ToString();
}

// The FILTER expression of `SELECT * { ?s ?p ?o FILTER(<expr>) }`, printed.
std::string E(std::string_view expression) {
  const std::string text = "SELECT * { ?x ?y ?z FILTER(" + std::string(expression) + ") }";
  const auto result = ParseQuery(text, Options());
  if (!result.ok()) {
    return "error: " + result.error().message;
  }
  const auto& elements = result.value().where->elements;
  return Print(*std::get<ast::FilterPattern>(elements.at(1)).condition);
}

TEST(QueryGrammar, AnalyzeFindsNoProblems) {
  EXPECT_EQ(tao::pegtl::analyze<grammar::query_unit>(-1), 0u);
  EXPECT_EQ(tao::pegtl::analyze<grammar::update_unit>(-1), 0u);
}

TEST(QueryParser, SelectForms) {
  EXPECT_EQ(Q("SELECT * WHERE { ?s ?p ?o }"), "(select (*) {(bgp (?s ?p ?o))})");
  EXPECT_EQ(Q("select distinct ?s $p { ?s ?p ?o }"),
            "(select distinct (?s ?p) {(bgp (?s ?p ?o))})");
  EXPECT_EQ(Q("SELECT REDUCED ?s { ?s ?p ?o }"), "(select reduced (?s) {(bgp (?s ?p ?o))})");
  EXPECT_EQ(Q("SELECT ?s (STRLEN(?o) AS ?n) { ?s ?p ?o }"),
            "(select (?s (as (STRLEN ?o) ?n)) {(bgp (?s ?p ?o))})");
}

TEST(QueryParser, PrologueResolvesPrefixesAndBase) {
  const auto result = ParseQuery(
      "BASE <http://b/dir/> PREFIX p: <ns#> PREFIX : <http://x/>\n"
      "SELECT * { <a> p:b :c . ?s <../up> ?o }",
      QueryParseOptions{});
  ASSERT_TRUE(result.ok()) << result.error().ToString();
  const ast::Query& q = result.value();
  EXPECT_EQ(Print(q),
            "(select (*) {(bgp (<http://b/dir/a> <http://b/dir/ns#b> <http://x/c>) "
            "(?s <http://b/up> ?o))})");
  EXPECT_EQ(q.base_iri, "http://b/dir/");
  ASSERT_EQ(q.prefixes.size(), 2u);
  EXPECT_EQ(q.prefixes[0], (std::pair<std::string, std::string>{"p", "http://b/dir/ns#"}));
  const auto& triple = std::get<ast::TriplesBlock>(q.where->elements[0]).triples[0];
  EXPECT_EQ(triple.predicate.written, "p:b");
  EXPECT_EQ(triple.subject.pos, (ast::Position{2, 12}));
}

TEST(QueryParser, PrefixedNamesWithEscapesAndDots) {
  EXPECT_EQ(Q("SELECT * { :a\\.b :c.d :x%20y }"),
            "(select (*) {(bgp (<http://e/a.b> <http://e/c.d> <http://e/x%20y>))})");
}

TEST(QueryParser, AskConstructDescribe) {
  EXPECT_EQ(Q("ASK { :a :b :c }"), "(ask {(bgp (<http://e/a> <http://e/b> <http://e/c>))})");
  EXPECT_EQ(Q("CONSTRUCT { ?s :q ?o } WHERE { ?s :p ?o }"),
            "(construct {(?s <http://e/q> ?o)} {(bgp (?s <http://e/p> ?o))})");
  EXPECT_EQ(Q("CONSTRUCT WHERE { ?s :p ?o }"),
            "(construct-where {(?s <http://e/p> ?o)} {(bgp (?s <http://e/p> ?o))})");
  EXPECT_EQ(Q("DESCRIBE :a ?x { ?x :p :a }"),
            "(describe (<http://e/a> ?x) {(bgp (?x <http://e/p> <http://e/a>))})");
  EXPECT_EQ(Q("DESCRIBE *"), "(describe (*))");
}

TEST(QueryParser, DatasetClauses) {
  EXPECT_EQ(Q("SELECT * FROM :g FROM NAMED :h { ?s ?p ?o }"),
            "(select (*) (from <http://e/g>) (from-named <http://e/h>) {(bgp (?s ?p ?o))})");
}

TEST(QueryParser, PredicateAndObjectLists) {
  EXPECT_EQ(Q("SELECT * { ?s a :T ; :p 1, 2 ;; :q ?o . }"),
            "(select (*) {(bgp (?s rdf:type <http://e/T>) (?s <http://e/p> \"1\"^^xsd:integer) "
            "(?s <http://e/p> \"2\"^^xsd:integer) (?s <http://e/q> ?o))})");
}

TEST(QueryParser, BlankNodesAndCollections) {
  EXPECT_EQ(Q("SELECT * { _:b :p [ :q ?o ] . [] :r ?x }"),
            "(select (*) {(bgp (_:%0 <http://e/q> ?o) (_:b <http://e/p> _:%0) "
            "(_:%1 <http://e/r> ?x))})");
  EXPECT_EQ(Q("SELECT * { ?s :p (1 ?x) }"),
            "(select (*) {(bgp (_:%0 rdf:first \"1\"^^xsd:integer) (_:%0 rdf:rest _:%1) "
            "(_:%1 rdf:first ?x) (_:%1 rdf:rest rdf:nil) (?s <http://e/p> _:%0))})");
  EXPECT_EQ(Q("SELECT * { ?s :p () }"), "(select (*) {(bgp (?s <http://e/p> rdf:nil))})");
  EXPECT_EQ(Q("SELECT * { [ :p ?o ] }"), "(select (*) {(bgp (_:%0 <http://e/p> ?o))})");
}

TEST(QueryParser, LiteralsOfEveryKind) {
  EXPECT_EQ(Q(R"(SELECT * { ?s :p "a\tb", 'c', """d"e""", '''f
g''', "h"@en-GB, "1"^^xsd:int, "\u00e9" })"),
            "(select (*) {(bgp (?s <http://e/p> \"a\tb\") (?s <http://e/p> \"c\") "
            "(?s <http://e/p> \"d\"e\") (?s <http://e/p> \"f\ng\") (?s <http://e/p> \"h\"@en-GB) "
            "(?s <http://e/p> \"1\"^^xsd:int) (?s <http://e/p> \"\xc3\xa9\"))})");
  EXPECT_EQ(Q("SELECT * { ?s :p -1, +2.5, .5e-3, 1E6, true, false }"),
            "(select (*) {(bgp (?s <http://e/p> \"-1\"^^xsd:integer) "
            "(?s <http://e/p> \"+2.5\"^^xsd:decimal) (?s <http://e/p> \".5e-3\"^^xsd:double) "
            "(?s <http://e/p> \"1E6\"^^xsd:double) (?s <http://e/p> \"true\"^^xsd:boolean) "
            "(?s <http://e/p> \"false\"^^xsd:boolean))})");
}

TEST(QueryParser, GraphPatterns) {
  EXPECT_EQ(Q("SELECT * { ?s :p ?o OPTIONAL { ?o :q ?x } MINUS { ?s :r 1 } "
              "GRAPH ?g { ?a ?b ?c } GRAPH :g { ?d ?e ?f } }"),
            "(select (*) {(bgp (?s <http://e/p> ?o)) (optional {(bgp (?o <http://e/q> ?x))}) "
            "(minus {(bgp (?s <http://e/r> \"1\"^^xsd:integer))}) (graph ?g {(bgp (?a ?b ?c))}) "
            "(graph <http://e/g> {(bgp (?d ?e ?f))})})");
  EXPECT_EQ(Q("SELECT * { { ?s :p ?o } UNION { ?s :q ?o } UNION { ?s :r ?o } { ?a ?b ?c } }"),
            "(select (*) {(union {(bgp (?s <http://e/p> ?o))} {(bgp (?s <http://e/q> ?o))} "
            "{(bgp (?s <http://e/r> ?o))}) (group {(bgp (?a ?b ?c))})})");
  EXPECT_EQ(Q("SELECT * { ?s ?p ?o . BIND(?o + 1 AS ?n) FILTER(?n > 2) }"),
            "(select (*) {(bgp (?s ?p ?o)) (bind (+ ?o \"1\"^^xsd:integer) ?n) "
            "(filter (> ?n \"2\"^^xsd:integer))})");
}

TEST(QueryParser, Values) {
  EXPECT_EQ(Q("SELECT * { VALUES ?x { :a 1 UNDEF } }"),
            "(select (*) {(values (?x) (<http://e/a>) (\"1\"^^xsd:integer) (UNDEF))})");
  EXPECT_EQ(Q("SELECT * { ?x ?p ?y } VALUES (?x ?y) { (:a UNDEF) (\"s\" 2) }"),
            "(select (*) {(bgp (?x ?p ?y))} (values (?x ?y) (<http://e/a> UNDEF) "
            "(\"s\" \"2\"^^xsd:integer)))");
  EXPECT_EQ(Q("SELECT * { VALUES () { () () } }"), "(select (*) {(values () () ())})");
}

TEST(QueryParser, SolutionModifiers) {
  EXPECT_EQ(Q("SELECT ?g (COUNT(*) AS ?n) { ?s :p ?g } GROUP BY ?g HAVING (COUNT(*) > 1) "
              "ORDER BY DESC(?n) ?g LIMIT 10 OFFSET 5"),
            "(select (?g (as (COUNT *) ?n)) {(bgp (?s <http://e/p> ?g))} (group-by ?g) "
            "(having (> (COUNT *) \"1\"^^xsd:integer)) (order-by (desc ?n) ?g) (limit 10) "
            "(offset 5))");
  EXPECT_EQ(Q("SELECT ?k (SAMPLE(?s) AS ?x) { ?s :p ?o } GROUP BY (STR(?o) AS ?k)"),
            "(select (?k (as (SAMPLE ?s) ?x)) {(bgp (?s <http://e/p> ?o))} "
            "(group-by (as (STR ?o) ?k)))");
  EXPECT_EQ(Q("SELECT * { ?s ?p ?o } ORDER BY ASC(?o) STR(?s) OFFSET 3 LIMIT 2"),
            "(select (*) {(bgp (?s ?p ?o))} (order-by ?o (STR ?s)) (limit 2) (offset 3))");
}

TEST(QueryParser, ExpressionsPrecedence) {
  EXPECT_EQ(E("?x || ?y && ?z"), "(|| ?x (&& ?y ?z))");
  EXPECT_EQ(E("?x + ?y * ?z - 1"), "(- (+ ?x (* ?y ?z)) \"1\"^^xsd:integer)");
  EXPECT_EQ(E("?x-1"), "(- ?x \"1\"^^xsd:integer)");
  EXPECT_EQ(E("!bound(?x) && -?y < +?z"), "(&& (! (BOUND ?x)) (< (u- ?y) (u+ ?z)))");
  EXPECT_EQ(E("?x = -2"), "(= ?x \"-2\"^^xsd:integer)");
  EXPECT_EQ(E("?x != 1 && ?x <= 2 && ?x >= 3 && ?x>4"),
            "(&& (&& (&& (!= ?x \"1\"^^xsd:integer) (<= ?x \"2\"^^xsd:integer)) "
            "(>= ?x \"3\"^^xsd:integer)) (> ?x \"4\"^^xsd:integer))");
  EXPECT_EQ(E("?x IN (1, 2) || ?x NOT IN ()"),
            "(|| (in ?x \"1\"^^xsd:integer \"2\"^^xsd:integer) (notin ?x))");
  EXPECT_EQ(E("(?x / 2) * 3"), "(* (/ ?x \"2\"^^xsd:integer) \"3\"^^xsd:integer)");
}

TEST(QueryParser, BuiltinCalls) {
  EXPECT_EQ(E("REGEX(?x, \"^a\", \"i\")"), "(REGEX ?x \"^a\" \"i\")");
  EXPECT_EQ(E("substr(?x, 1, 2) = replace(?y, 'a', 'b')"),
            "(= (SUBSTR ?x \"1\"^^xsd:integer \"2\"^^xsd:integer) (REPLACE ?y \"a\" \"b\"))");
  EXPECT_EQ(E("isIRI(?x) && sameTerm(?x, ?y) && langMatches(lang(?z), '*')"),
            "(&& (&& (isIRI ?x) (sameTerm ?x ?y)) (LANGMATCHES (LANG ?z) \"*\"))");
  EXPECT_EQ(E("COALESCE(?x, IF(?y, 1, 2), NOW(), RAND(), BNODE(), CONCAT())"),
            "(COALESCE ?x (IF ?y \"1\"^^xsd:integer \"2\"^^xsd:integer) (NOW) (RAND) (BNODE) "
            "(CONCAT))");
  EXPECT_EQ(E("xsd:integer(?x) > <http://f/g>(?y, ?z)"),
            "(> (xsd:integer ?x) (<http://f/g> ?y ?z))");
  EXPECT_EQ(E("STRLEN(?x, ?y)"), "error: STRLEN takes 1 argument, not 2");
  EXPECT_EQ(E("BOUND(1)"), "error: BOUND takes a variable");
}

TEST(QueryParser, ExistsAndNotExists) {
  EXPECT_EQ(E("EXISTS { ?x :p ?v } && NOT EXISTS { ?x :q [] }"),
            "(&& (exists {(bgp (?x <http://e/p> ?v))}) "
            "(notexists {(bgp (?x <http://e/q> _:%0))}))");
}

TEST(QueryParser, Aggregates) {
  EXPECT_EQ(Q("SELECT (COUNT(DISTINCT ?s) AS ?a) (SUM(?o) AS ?b) (MIN(?o) AS ?c) (MAX(?o) AS ?d) "
              "(AVG(?o) AS ?e) (GROUP_CONCAT(DISTINCT ?o ; SEPARATOR=\", \") AS ?f) "
              "(GROUP_CONCAT(?o) AS ?g) { ?s :p ?o }"),
            "(select ((as (COUNT distinct ?s) ?a) (as (SUM ?o) ?b) (as (MIN ?o) ?c) "
            "(as (MAX ?o) ?d) (as (AVG ?o) ?e) (as (GROUP_CONCAT distinct ?o separator=\", \") ?f) "
            "(as (GROUP_CONCAT ?o) ?g)) {(bgp (?s <http://e/p> ?o))})");
}

TEST(QueryParser, PropertyPaths) {
  EXPECT_EQ(Q("SELECT * { ?s :a/:b|^:c ?o }"),
            "(select (*) {(bgp (?s (| (/ <http://e/a> <http://e/b>) (^ <http://e/c>)) ?o))})");
  EXPECT_EQ(Q("SELECT * { ?s :a* ?o . ?s (:a/:b)+ ?o . ?s :a? ?x }"),
            "(select (*) {(bgp (?s (* <http://e/a>) ?o) "
            "(?s (+ (/ <http://e/a> <http://e/b>)) ?o) (?s (? <http://e/a>) ?x))})");
  EXPECT_EQ(Q("SELECT * { ?s !(a|^:b) ?o . ?s !:c ?o . ?s ^a ?t }"),
            "(select (*) {(bgp (?s (! rdf:type ^<http://e/b>) ?o) (?s (! <http://e/c>) ?o) "
            "(?s (^ rdf:type) ?t))})");
  const auto result = ParseQuery("SELECT * { ?s :a/:b ?o }", Options());
  ASSERT_TRUE(result.ok());
  const auto& triple = std::get<ast::TriplesBlock>(result.value().where->elements[0]).triples[0];
  ASSERT_NE(triple.path, nullptr);
  EXPECT_EQ(triple.path->kind, ast::PathKind::kSequence);
}

TEST(QueryParser, Subqueries) {
  EXPECT_EQ(Q("SELECT ?s ?n { ?s :p ?o { SELECT ?s (COUNT(*) AS ?n) { ?s :q ?x } GROUP BY ?s } }"),
            "(select (?s ?n) {(bgp (?s <http://e/p> ?o)) (group {(select (?s (as (COUNT *) ?n)) "
            "{(bgp (?s <http://e/q> ?x))} (group-by ?s))})})");
}

TEST(QueryParser, KeywordsAreCaseInsensitiveButNotNames) {
  EXPECT_EQ(Q("sElEcT ?a WhErE { ?a a ?b } LiMiT 1"),
            "(select (?a) {(bgp (?a rdf:type ?b))} (limit 1))");
  EXPECT_EQ(Q("PREFIX select: <http://s/> SELECT * { select:x a select: }"),
            "(select (*) {(bgp (<http://s/x> rdf:type <http://s/>))})");
}

TEST(QueryParser, CommentsAnywhere) {
  EXPECT_EQ(Q("# lead\nSELECT # a\n * # b\n{ ?s # c\n ?p ?o # d\n } # e"),
            "(select (*) {(bgp (?s ?p ?o))})");
}

TEST(QueryParser, PositionsOnNodes) {
  const auto result = ParseQuery("SELECT ?x\nWHERE {\n  ?x :p \"v\" .\n  FILTER(?x)\n}", Options());
  ASSERT_TRUE(result.ok());
  const ast::Query& q = result.value();
  EXPECT_EQ(q.pos, (ast::Position{1, 1}));
  EXPECT_EQ(q.projections[0].pos, (ast::Position{1, 8}));
  EXPECT_EQ(q.where->pos, (ast::Position{2, 7}));
  const auto& triple = std::get<ast::TriplesBlock>(q.where->elements[0]).triples[0];
  EXPECT_EQ(triple.object.pos, (ast::Position{3, 9}));
  EXPECT_EQ(std::get<ast::FilterPattern>(q.where->elements[1]).pos, (ast::Position{4, 3}));
}

TEST(UpdateParser, DataOperations) {
  EXPECT_EQ(U("INSERT DATA { :a :b :c . GRAPH :g { :d :e \"f\" } }"),
            "(insert-data {(<http://e/a> <http://e/b> <http://e/c>) "
            "(graph <http://e/g> (<http://e/d> <http://e/e> \"f\"))})");
  EXPECT_EQ(U("DELETE DATA { :a :b :c }"),
            "(delete-data {(<http://e/a> <http://e/b> <http://e/c>)})");
  EXPECT_EQ(U("DELETE WHERE { ?s :b ?o }"), "(delete-where {(?s <http://e/b> ?o)})");
}

TEST(UpdateParser, GraphManagement) {
  EXPECT_EQ(U("LOAD <http://e/d.ttl> ; LOAD SILENT <d.ttl> INTO GRAPH :g ; CREATE GRAPH :g ; "
              "CREATE SILENT GRAPH :h ; DROP GRAPH :g ; drop silent default ; DROP NAMED ; "
              "DROP ALL"),
            "(load <http://e/d.ttl> default) (load silent <d.ttl> graph <http://e/g>) "
            "(create graph <http://e/g>) (create silent graph <http://e/h>) "
            "(drop graph <http://e/g>) (drop silent default) (drop named) (drop all)");
  EXPECT_EQ(U("ADD DEFAULT TO :g ; MOVE SILENT GRAPH :g TO DEFAULT ; COPY :g TO GRAPH :h"),
            "(add default graph <http://e/g>) (move silent graph <http://e/g> default) "
            "(copy graph <http://e/g> graph <http://e/h>)");
}

TEST(UpdateParser, ModifyAndSequences) {
  EXPECT_EQ(U("PREFIX x: <http://x/>\nWITH :g DELETE { ?s :p ?o } INSERT { ?s x:q ?o } "
              "USING :u USING NAMED :n WHERE { ?s :p ?o } ;\n"
              "INSERT { ?s :r 1 } WHERE { ?s ?p ?o } ; CLEAR SILENT GRAPH :g ; CLEAR ALL; "
              "clear default; CLEAR NAMED ;"),
            "(modify (with <http://e/g>) (delete {(?s <http://e/p> ?o)}) "
            "(insert {(?s <http://x/q> ?o)}) (using <http://e/u>) (using-named <http://e/n>) "
            "{(bgp (?s <http://e/p> ?o))}) (modify (insert {(?s <http://e/r> "
            "\"1\"^^xsd:integer)}) {(bgp (?s ?p ?o))}) (clear silent graph <http://e/g>) "
            "(clear all) (clear default) (clear named)");
  EXPECT_EQ(U(""), "");
  EXPECT_EQ(U("PREFIX a: <http://a/>"), "");
}

}  // namespace
}  // namespace silk::query
