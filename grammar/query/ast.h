// The abstract syntax tree of a SPARQL 1.1 query or update, as the parser produces it and the
// algebra translation consumes it.
//
// What the parser has already done, so later stages need not:
//   - prefixed names are expanded and relative IRIs resolved against BASE (Term::value is the
//     absolute IRI; Term::written keeps the source spelling for messages);
//   - string escapes are decoded; numeric and boolean literals carry their XSD datatype;
//   - blank-node property lists `[ … ]` and collections `( … )` are expanded into triples over
//     generated blank nodes (labels starting with '%', which no written label can contain);
//   - `a` is rdf:type; `;` and `,` shorthand is expanded into separate triple patterns.
// What it has not done: algebra translation (joins, filters scoping), term-id look-up.
//
// Ownership: every node owns its children through std::unique_ptr or by value. The types are
// movable and not copyable. No PEGTL type appears here.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "grammar/rdf/term.h"

namespace silk::ast {

// 1-based line and column (in bytes) of the first character of a construct in the source.
struct Position {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  friend bool operator==(const Position&, const Position&) = default;
};

// ---------------------------------------------------------------------------------------------
// Terms

enum class TermKind : std::uint8_t {
  kVariable,  // value: the name without '?' or '$'
  kIri,       // value: the absolute IRI
  kBlank,     // value: the label without "_:"; generated labels start with '%'
  kLiteral,   // value: the lexical form, unescaped; see datatype and language
};

struct Term {
  TermKind kind = TermKind::kIri;
  std::string value;
  // Literals only: the absolute datatype IRI; empty for a simple literal and for a
  // language-tagged one. Numeric literals get xsd:integer / xsd:decimal / xsd:double, booleans
  // xsd:boolean. An explicit ^^xsd:string is kept.
  std::string datatype;
  std::string language;  // literals only: the tag as written, without '@'
  std::string written;   // the source text of the term ("xsd:int", "<a>", "?x", "[]", "1.0")
  Position pos;

  bool IsVariable() const { return kind == TermKind::kVariable; }
  bool IsIri() const { return kind == TermKind::kIri; }
  bool IsBlank() const { return kind == TermKind::kBlank; }
  bool IsLiteral() const { return kind == TermKind::kLiteral; }
  // A blank node made by the parser for `[]`, `[ … ]` or a collection cell.
  bool IsGeneratedBlank() const { return IsBlank() && !value.empty() && value[0] == '%'; }

  // The RDF term a constant stands for. REQUIRES: !IsVariable(). Valid while this lives.
  rdf::TermView view() const {
    switch (kind) {
      case TermKind::kIri: return rdf::TermView::Iri(value);
      case TermKind::kBlank: return rdf::TermView::Blank(value);
      default: return rdf::TermView::Literal(value, datatype, language);
    }
  }
};

// ---------------------------------------------------------------------------------------------
// Property paths (only where a path is more than one IRI; see TriplePattern)

enum class PathKind : std::uint8_t {
  kLink,         // iri
  kInverse,      // ^p            operands[0]
  kSequence,     // p1 / p2 / …   operands (two or more)
  kAlternative,  // p1 | p2 | …   operands (two or more)
  kZeroOrMore,   // p*            operands[0]
  kOneOrMore,    // p+            operands[0]
  kZeroOrOne,    // p?            operands[0]
  kNegatedSet,   // !(a|^b|…)     negated_forward, negated_inverse
};

struct Path {
  PathKind kind = PathKind::kLink;
  Position pos;
  Term iri;  // kLink
  std::vector<std::unique_ptr<Path>> operands;
  std::vector<Term> negated_forward;  // kNegatedSet: IRIs excluded in the forward direction
  std::vector<Term> negated_inverse;  // kNegatedSet: IRIs excluded in the inverse direction
};

// subject predicate object. `path` is null for an ordinary triple, whose predicate is an IRI or a
// variable; when non-null the pattern is a property path and `predicate` is unused.
// Paths never occur in CONSTRUCT templates or update quads (the parser rejects them there).
struct TriplePattern {
  Term subject;
  Term predicate;
  std::unique_ptr<Path> path;
  Term object;
  Position pos;  // of the subject
};

// ---------------------------------------------------------------------------------------------
// Expressions

enum class ExprKind : std::uint8_t {
  kTerm,          // term: an IRI or literal constant
  kVariable,      // term: a variable
  kOr,            // args[0] || args[1] || …   (two or more args, evaluated left to right)
  kAnd,           // args[0] && args[1] && …   (two or more args, evaluated left to right)
  kEqual,         // args[0] = args[1]
  kNotEqual,      // !=
  kLess,          // <
  kGreater,       // >
  kLessEqual,     // <=
  kGreaterEqual,  // >=
  kIn,            // args[0] IN (args[1..])
  kNotIn,         // args[0] NOT IN (args[1..])
  // Arithmetic: args[0] op args[1] op args[2] …, left-associative, with two or more args. A
  // chain written without parentheses is one node, however long, so that no stage recurses per
  // term. The i-th operator (between args[i] and args[i+1]) is ops[i]; when ops is empty every
  // operator is `kind`. A chain of + and - is a kAdd node, one of * and / a kMultiply node.
  kAdd,       // +
  kSubtract,  // -
  kMultiply,  // *
  kDivide,    // /
  kNot,           // !args[0]
  kUnaryPlus,     // +args[0]
  kUnaryMinus,    // -args[0]
  kBuiltin,       // builtin(args…)
  kFunction,      // function_iri(args…), including casts such as xsd:integer(?x)
  kExists,        // EXISTS pattern
  kNotExists,     // NOT EXISTS pattern
  kAggregate,     // aggregate(DISTINCT? args[0]) or COUNT(*) (args empty)
};

// Every builtin call of the SPARQL 1.1 grammar (BuiltInCall), except aggregates and EXISTS.
enum class Builtin : std::uint8_t {
  kStr,
  kLang,
  kLangMatches,
  kDatatype,
  kBound,
  kIri,
  kUri,
  kBnode,
  kRand,
  kAbs,
  kCeil,
  kFloor,
  kRound,
  kConcat,
  kStrLen,
  kUCase,
  kLCase,
  kEncodeForUri,
  kContains,
  kStrStarts,
  kStrEnds,
  kStrBefore,
  kStrAfter,
  kYear,
  kMonth,
  kDay,
  kHours,
  kMinutes,
  kSeconds,
  kTimezone,
  kTz,
  kNow,
  kUuid,
  kStrUuid,
  kMd5,
  kSha1,
  kSha256,
  kSha384,
  kSha512,
  kCoalesce,
  kIf,
  kStrLang,
  kStrDt,
  kSameTerm,
  kIsIri,
  kIsUri,
  kIsBlank,
  kIsLiteral,
  kIsNumeric,
  kRegex,
  kSubstr,
  kReplace,
};

enum class Aggregate : std::uint8_t { kCount, kSum, kMin, kMax, kAvg, kSample, kGroupConcat };

// The SPARQL spelling of a builtin or aggregate ("STRLEN", "GROUP_CONCAT").
std::string_view BuiltinName(Builtin builtin);
std::string_view AggregateName(Aggregate aggregate);

struct GroupPattern;

struct Expression {
  ExprKind kind = ExprKind::kTerm;
  Position pos;
  Term term;                                      // kTerm, kVariable
  std::vector<std::unique_ptr<Expression>> args;  // operands / arguments, in source order
  Builtin builtin = Builtin::kStr;                // kBuiltin
  std::string function_iri;                       // kFunction: absolute IRI
  Aggregate aggregate = Aggregate::kCount;        // kAggregate
  bool distinct = false;                          // kAggregate, kFunction: DISTINCT given
  std::optional<std::string> separator;           // kAggregate GROUP_CONCAT: SEPARATOR, if given
  std::unique_ptr<GroupPattern> pattern;          // kExists, kNotExists
  std::vector<ExprKind> ops;                      // arithmetic chains: see kAdd

  // The operator between args[i] and args[i + 1] of a chain (kOr, kAnd or arithmetic).
  ExprKind OperatorAfter(std::size_t i) const { return ops.empty() ? kind : ops[i]; }
};

// ---------------------------------------------------------------------------------------------
// Graph patterns

// VALUES: variables and rows; std::nullopt is UNDEF. Every row has variables.size() entries.
struct ValuesBlock {
  Position pos;
  std::vector<Term> variables;
  std::vector<std::vector<std::optional<Term>>> rows;
};

struct Query;

// A run of triple patterns with no other element between them (a basic graph pattern, possibly
// with paths).
struct TriplesBlock {
  Position pos;
  std::vector<TriplePattern> triples;
};
struct OptionalPattern {
  Position pos;
  std::unique_ptr<GroupPattern> group;
};
// { … } UNION { … } UNION …: two or more alternatives. A lone nested group is a UnionPattern
// with one alternative.
struct UnionPattern {
  Position pos;
  std::vector<std::unique_ptr<GroupPattern>> alternatives;
};
struct MinusPattern {
  Position pos;
  std::unique_ptr<GroupPattern> group;
};
struct GraphPattern {
  Position pos;
  Term graph;  // a variable or an IRI
  std::unique_ptr<GroupPattern> group;
};
struct FilterPattern {
  Position pos;
  std::unique_ptr<Expression> condition;
};
struct BindPattern {
  Position pos;
  std::unique_ptr<Expression> expression;
  Term variable;
};
struct ValuesPattern {
  Position pos;
  ValuesBlock values;
};

using PatternElement = std::variant<TriplesBlock, OptionalPattern, UnionPattern, MinusPattern,
                                    GraphPattern, FilterPattern, BindPattern, ValuesPattern>;

// '{' … '}': either a subquery or a sequence of elements in source order (FILTERs stay where
// they were written; the algebra translation applies them to the whole group).
struct GroupPattern {
  Position pos;                     // of the '{'
  std::unique_ptr<Query> subquery;  // { SELECT … }; elements is then empty
  std::vector<PatternElement> elements;
};

// ---------------------------------------------------------------------------------------------
// Queries

enum class QueryForm : std::uint8_t { kSelect, kConstruct, kAsk, kDescribe };

// One item of a SELECT list: ?v, or (expression AS ?v).
struct Projection {
  Position pos;
  Term variable;
  std::unique_ptr<Expression> expression;  // null for a plain variable
};

struct DatasetClause {
  Position pos;
  Term iri;
  bool named = false;  // FROM NAMED / USING NAMED
};

// GROUP BY item: an expression (a plain variable is a kVariable expression), optionally AS ?v.
struct GroupCondition {
  Position pos;
  std::unique_ptr<Expression> expression;
  std::optional<Term> variable;
};

struct OrderCondition {
  Position pos;
  bool descending = false;
  std::unique_ptr<Expression> expression;
};

struct SolutionModifiers {
  std::vector<GroupCondition> group_by;
  std::vector<std::unique_ptr<Expression>> having;  // each a separate constraint, all must hold
  std::vector<OrderCondition> order_by;
  std::optional<std::uint64_t> limit;
  std::optional<std::uint64_t> offset;
};

struct Query {
  Position pos;  // of the query form keyword
  QueryForm form = QueryForm::kSelect;

  // The prologue: the final BASE (empty if none) and every PREFIX declared in the text, in
  // order (not the predeclared ones). Terms below are already resolved with them.
  std::string base_iri;
  std::vector<std::pair<std::string, std::string>> prefixes;

  // SELECT (also every subquery)
  bool distinct = false;
  bool reduced = false;
  bool select_all = false;  // SELECT *
  std::vector<Projection> projections;

  // CONSTRUCT: the template; for the short form CONSTRUCT WHERE { … } it is a copy of the
  // pattern's triples and construct_where is true.
  std::vector<TriplePattern> construct_template;
  bool construct_where = false;

  // DESCRIBE: the IRIs and variables named, or describe_all for DESCRIBE *.
  std::vector<Term> describe_targets;
  bool describe_all = false;

  std::vector<DatasetClause> datasets;  // FROM / FROM NAMED
  std::unique_ptr<GroupPattern> where;  // null only for DESCRIBE without WHERE
  SolutionModifiers modifiers;
  std::optional<ValuesBlock> values;  // trailing VALUES
};

// ---------------------------------------------------------------------------------------------
// Updates

// Triples of one graph inside an update's { … }: `graph` absent means the default graph
// (or the WITH graph, for DELETE/INSERT … WHERE).
struct QuadBlock {
  Position pos;
  std::optional<Term> graph;  // an IRI or, in templates, a variable
  std::vector<TriplePattern> triples;
};

enum class UpdateKind : std::uint8_t {
  kInsertData,   // insert_quads (ground: no variables)
  kDeleteData,   // delete_quads (ground: no variables, no blank nodes)
  kDeleteWhere,  // delete_quads is both the pattern and the template
  kModify,       // WITH? DELETE { … }? INSERT { … }? USING* WHERE { … }
  kClear,        // CLEAR SILENT? (GRAPH iri | DEFAULT | NAMED | ALL): target
  kDrop,         // DROP SILENT? (GRAPH iri | DEFAULT | NAMED | ALL): target
  kCreate,       // CREATE SILENT? GRAPH iri: target (kGraph)
  kLoad,         // LOAD SILENT? iri (INTO GRAPH iri)?: load_source into target
  kAdd,          // ADD SILENT? source TO target, each DEFAULT or GRAPH iri
  kMove,         // MOVE …: likewise
  kCopy,         // COPY …: likewise
};

// Which graphs an operation names. kGraph carries its IRI in GraphTarget::iri.
enum class GraphScope : std::uint8_t { kGraph, kDefault, kNamed, kAll };

struct GraphTarget {
  GraphScope scope = GraphScope::kDefault;
  Term iri;  // kGraph only
};

struct UpdateOperation {
  Position pos;
  UpdateKind kind = UpdateKind::kInsertData;
  std::vector<QuadBlock> delete_quads;
  std::vector<QuadBlock> insert_quads;
  bool has_delete_clause = false;            // kModify: a DELETE { … } clause was written
  bool has_insert_clause = false;            // kModify: an INSERT { … } clause was written
  std::optional<Term> with_graph;            // kModify
  std::vector<DatasetClause> using_clauses;  // kModify
  std::unique_ptr<GroupPattern> where;       // kModify
  GraphTarget target;                        // graph management: what is written or removed
  GraphTarget source;                        // kAdd, kMove, kCopy
  Term load_source;                          // kLoad: the document's IRI
  bool silent = false;                       // graph management: failures are ignored
};

struct Update {
  std::string base_iri;                                       // the last BASE seen
  std::vector<std::pair<std::string, std::string>> prefixes;  // every PREFIX, in order
  std::vector<UpdateOperation> operations;                    // in the order written; may be empty
};

}  // namespace silk::ast
