// Turns the parse tree of query_grammar.h into the AST of ast.h: expands prefixed names and
// shorthand, resolves IRIs, decodes literals. Internal to grammar/query/ (PEGTL types).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <tao/pegtl/contrib/parse_tree.hpp>
#include <utility>
#include <vector>

#include "grammar/query/ast.h"
#include "grammar/query/query_parser.h"

namespace silk::query::internal {

using TreeNode = tao::pegtl::parse_tree::node;

// Thrown by AstBuilder for input that parsed but is not meaningful (an unknown prefix, a bad
// escape, a path where none is allowed); the façade turns it into a ParseError.
struct AstBuildError {
  std::string message;
  ast::Position pos;
};

// One builder per parse. Not thread-safe; not copyable.
class AstBuilder {
 public:
  explicit AstBuilder(const QueryParseOptions& options);
  AstBuilder(const AstBuilder&) = delete;
  AstBuilder& operator=(const AstBuilder&) = delete;

  // REQUIRES: `root` is the root of a successful parse of query_unit / update_unit.
  // Throws AstBuildError.
  ast::Query BuildQuery(const TreeNode& root);
  ast::Update BuildUpdate(const TreeNode& root);

 private:
  // CLEAR, DROP, CREATE, LOAD, ADD, MOVE and COPY into `op`.
  void GraphManagement(const TreeNode& node, ast::UpdateKind kind, ast::UpdateOperation& op);
  void Prologue(const TreeNode& node);
  void SelectParts(const TreeNode& node, ast::Query& query);
  void Modifier(const TreeNode& node, ast::Query& query);

  std::unique_ptr<ast::GroupPattern> Group(const TreeNode& node);
  void Triples(const TreeNode& block, std::vector<ast::TriplePattern>& out);
  void Properties(const ast::Term& subject, const TreeNode& node,
                  std::vector<ast::TriplePattern>& out);
  ast::Term GraphNode(const TreeNode& node, std::vector<ast::TriplePattern>& out);
  std::unique_ptr<ast::Path> Path(const TreeNode& node);
  ast::ValuesBlock Values(const TreeNode& node);

  std::unique_ptr<ast::Expression> Expr(const TreeNode& node);
  std::unique_ptr<ast::Expression> Aggregate(const TreeNode& node);
  std::unique_ptr<ast::Expression> Builtin(const TreeNode& node);
  std::unique_ptr<ast::Expression> Function(const TreeNode& node);

  std::vector<ast::QuadBlock> Quads(const TreeNode& node, bool allow_variables, bool allow_blanks,
                                    std::string_view what);

  ast::Term Term(const TreeNode& node);
  ast::Term Iri(const TreeNode& node);
  std::string ExpandPrefixed(const TreeNode& node);
  std::string ResolveAgainstBase(const TreeNode& node, std::string_view iri_text);
  ast::Term NewBlank(ast::Position pos);

  const QueryParseOptions& options_;
  std::string base_;
  std::map<std::string, std::string, std::less<>> prefixes_;   // in scope: predeclared + own
  std::vector<std::pair<std::string, std::string>> declared_;  // the text's own, in order
  std::uint64_t next_blank_ = 0;
};

}  // namespace silk::query::internal
