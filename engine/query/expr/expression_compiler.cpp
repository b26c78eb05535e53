#include "engine/query/expr/expression_compiler.h"

#include <fmt/format.h>

#include <algorithm>

#include "engine/query/expr/cast.h"
#include "engine/query/expr/compare.h"
#include "engine/query/expr/inlined_compare.h"
#include "engine/query/expr/logic.h"
#include "engine/query/expr/numeric.h"
#include "engine/storage/term_codec.h"

namespace silk::query {
namespace {

using expr::BoolResult;
using expr::EvalResult;
using expr::Value;

EvalResult FromBool(BoolResult b) {
  if (!b) return std::nullopt;
  return Value::Boolean(*b);
}

BoolResult Ebv(const EvalResult& v) {
  if (!v) return std::nullopt;
  return expr::EffectiveBooleanValue(*v);
}

class Constant final : public RowExpression {
 public:
  Constant(Value value, std::string text) : value_(std::move(value)), text_(std::move(text)) {}
  EvalResult Evaluate(std::span<const TermId> /*row*/) override { return value_; }
  std::string ToString() const override { return text_; }

 private:
  Value value_;
  std::string text_;
};

class Variable final : public RowExpression {
 public:
  Variable(ExecContext& ctx, int column, std::string name)
      : ctx_(ctx), column_(column), name_(std::move(name)) {}
  EvalResult Evaluate(std::span<const TermId> row) override {
    if (column_ < 0 || row[column_] == kUnbound) return std::nullopt;
    return ctx_.terms().ValueOf(row[column_]);
  }
  std::string ToString() const override { return "?" + name_; }
  std::optional<int> VariableColumn() const override { return column_; }

 private:
  ExecContext& ctx_;
  int column_;
  std::string name_;
};

class Bound final : public RowExpression {
 public:
  Bound(int column, std::string name) : column_(column), name_(std::move(name)) {}
  EvalResult Evaluate(std::span<const TermId> row) override {
    return Value::Boolean(column_ >= 0 && row[column_] != kUnbound);
  }
  std::string ToString() const override { return "BOUND(?" + name_ + ")"; }

 private:
  int column_;
  std::string name_;
};

// A comparison of a variable with a constant that the store inlines (a number, a boolean, a
// date): decided from the row's id where the ids decide it (inlined_compare.h), else by
// `general`, the same comparison over values.
class InlinedComparison final : public RowExpression {
 public:
  InlinedComparison(RowExpressionPtr general, expr::IdComparison op, int column, TermId constant,
                    bool variable_left)
      : general_(std::move(general)), op_(op), column_(column), constant_(constant),
        variable_left_(variable_left) {}
  EvalResult Evaluate(std::span<const TermId> row) override {
    if (const BoolResult truth = ByIds(row)) return Value::Boolean(*truth);
    return general_->Evaluate(row);
  }
  BoolResult Truth(std::span<const TermId> row) override {
    if (const BoolResult truth = ByIds(row)) return truth;
    return general_->Truth(row);
  }
  std::string ToString() const override { return general_->ToString(); }

 private:
  BoolResult ByIds(std::span<const TermId> row) const {
    if (column_ < 0 || row[column_] == kUnbound) return std::nullopt;
    return variable_left_ ? expr::CompareInlinedIds(op_, row[column_], constant_)
                          : expr::CompareInlinedIds(op_, constant_, row[column_]);
  }

  RowExpressionPtr general_;
  expr::IdComparison op_;
  int column_;
  TermId constant_;
  bool variable_left_;
};

// Every other node: an operator or function over compiled operands, evaluated by `eval`.
class Node final : public RowExpression {
 public:
  using Eval = EvalResult (*)(Node& self, std::span<const TermId> row);
  Node(std::string name, std::vector<RowExpressionPtr> args, Eval eval)
      : name_(std::move(name)), args_(std::move(args)), eval_(eval) {}

  EvalResult Evaluate(std::span<const TermId> row) override { return eval_(*this, row); }
  std::string ToString() const override {
    if (left_fold) {
      // A chain prints as the nested binary calls it stands for: +(+(a, b), c).
      std::string text = args_[0]->ToString();
      for (std::size_t i = 1; i < args_.size(); ++i) {
        text = (op_names.empty() ? name_ : op_names[i - 1]) + "(" + text + ", " +
               args_[i]->ToString() + ")";
      }
      return text;
    }
    std::string text = name_ + "(";
    for (std::size_t i = 0; i < args_.size(); ++i) {
      text += (i ? ", " : "") + args_[i]->ToString();
    }
    return text + ")";
  }

  EvalResult Arg(std::size_t i, std::span<const TermId> row) { return args_[i]->Evaluate(row); }
  BoolResult ArgTruth(std::size_t i, std::span<const TermId> row) { return args_[i]->Truth(row); }
  std::size_t arg_count() const { return args_.size(); }

  // Extra state some nodes need.
  expr::Builtin builtin = expr::Builtin::kStr;
  std::string datatype;                    // casts
  expr::CompareOp compare = expr::CompareOp::kLess;
  expr::FunctionContext* functions = nullptr;
  ExecContext* ctx = nullptr;  // built-ins: to stop the query when a function gave up for it
  // Chains (&&, ||, arithmetic): ToString shows nested binary calls. Arithmetic chains keep
  // each operator's function and, when they differ, each one's name.
  bool left_fold = false;
  std::vector<EvalResult (*)(const Value&, const Value&)> arithmetic;
  std::vector<std::string> op_names;

 private:
  std::string name_;
  std::vector<RowExpressionPtr> args_;
  Eval eval_;
};

template <EvalResult (*Op)(const Value&, const Value&)>
EvalResult Binary(Node& self, std::span<const TermId> row) {
  EvalResult a = self.Arg(0, row);
  if (!a) return std::nullopt;
  EvalResult b = self.Arg(1, row);
  if (!b) return std::nullopt;
  return Op(*a, *b);
}

template <EvalResult (*Op)(const Value&)>
EvalResult Unary(Node& self, std::span<const TermId> row) {
  EvalResult a = self.Arg(0, row);
  if (!a) return std::nullopt;
  return Op(*a);
}

EvalResult EqualsOp(const Value& a, const Value& b) { return FromBool(expr::Equals(a, b)); }
EvalResult NotEqualsOp(const Value& a, const Value& b) { return FromBool(expr::NotEquals(a, b)); }

EvalResult CompareNode(Node& self, std::span<const TermId> row) {
  EvalResult a = self.Arg(0, row);
  if (!a) return std::nullopt;
  EvalResult b = self.Arg(1, row);
  if (!b) return std::nullopt;
  return FromBool(expr::Compare(self.compare, *a, *b));
}

// a && b && c is ((a && b) && c): fold from the left, stopping at the first false.
EvalResult AndNode(Node& self, std::span<const TermId> row) {
  BoolResult a = self.ArgTruth(0, row);
  for (std::size_t i = 1; i < self.arg_count(); ++i) {
    if (a && !*a) return Value::Boolean(false);  // false && anything is false: skip the rest
    a = expr::LogicalAnd(a, self.ArgTruth(i, row));
  }
  return FromBool(a);
}

EvalResult OrNode(Node& self, std::span<const TermId> row) {
  BoolResult a = self.ArgTruth(0, row);
  for (std::size_t i = 1; i < self.arg_count(); ++i) {
    if (a && *a) return Value::Boolean(true);
    a = expr::LogicalOr(a, self.ArgTruth(i, row));
  }
  return FromBool(a);
}

// An arithmetic chain a op b op c …, left to right; an error anywhere is the result.
EvalResult ArithmeticNode(Node& self, std::span<const TermId> row) {
  EvalResult a = self.Arg(0, row);
  for (std::size_t i = 1; i < self.arg_count(); ++i) {
    if (!a) return std::nullopt;
    EvalResult b = self.Arg(i, row);
    if (!b) return std::nullopt;
    a = self.arithmetic[i - 1](*a, *b);
  }
  return a;
}

EvalResult NotNode(Node& self, std::span<const TermId> row) {
  return FromBool(expr::LogicalNot(self.ArgTruth(0, row)));
}

// IN: true at the first equal member; an error among unequal members makes the result an
// error (17.4.1.9). NOT IN negates it.
EvalResult InNode(Node& self, std::span<const TermId> row) {
  EvalResult needle = self.Arg(0, row);
  BoolResult found = false;
  for (std::size_t i = 1; i < self.arg_count(); ++i) {
    EvalResult member = self.Arg(i, row);
    BoolResult equal = needle && member ? expr::Equals(*needle, *member) : std::nullopt;
    found = expr::InStep(found, equal);
    if (found && *found) break;
  }
  return FromBool(found);
}

EvalResult NotInNode(Node& self, std::span<const TermId> row) {
  return FromBool(expr::LogicalNot(Ebv(InNode(self, row))));
}

EvalResult IfNode(Node& self, std::span<const TermId> row) {
  BoolResult condition = self.ArgTruth(0, row);
  if (!condition) return std::nullopt;
  return self.Arg(*condition ? 1 : 2, row);
}

EvalResult CoalesceNode(Node& self, std::span<const TermId> row) {
  for (std::size_t i = 0; i < self.arg_count(); ++i) {
    if (EvalResult value = self.Arg(i, row)) return value;
  }
  return std::nullopt;
}

EvalResult BuiltinNode(Node& self, std::span<const TermId> row) {
  std::vector<Value> args;
  args.reserve(self.arg_count());
  for (std::size_t i = 0; i < self.arg_count(); ++i) {
    EvalResult value = self.Arg(i, row);
    if (!value) return std::nullopt;
    args.push_back(std::move(*value));
  }
  EvalResult result = expr::Call(self.builtin, args, *self.functions);
  // REGEX and REPLACE give up with an error when the query must stop; stop it here, rather
  // than let the give-up pass for an ordinary error (a false filter, an unbound value).
  if (!result && self.ctx != nullptr && self.ctx->Stopped()) self.ctx->ThrowIfStopped();
  return result;
}

EvalResult CastNode(Node& self, std::span<const TermId> row) {
  if (self.arg_count() != 1) return std::nullopt;
  EvalResult value = self.Arg(0, row);
  if (!value) return std::nullopt;
  return expr::Cast(*value, self.datatype);
}

EvalResult ErrorNode(Node& /*self*/, std::span<const TermId> /*row*/) { return std::nullopt; }

class ExistsNode final : public RowExpression {
 public:
  ExistsNode(const ExpressionEnv& env, const ast::GroupPattern& pattern,
             std::vector<VarId> columns, bool negated)
      : env_(env), pattern_(pattern), columns_(std::move(columns)), negated_(negated) {}
  EvalResult Evaluate(std::span<const TermId> row) override {
    return Value::Boolean(env_.exists->Exists(pattern_, env_.graph ? &*env_.graph : nullptr, columns_, row) != negated_);
  }
  std::string ToString() const override { return negated_ ? "NOT EXISTS {…}" : "EXISTS {…}"; }

 private:
  ExpressionEnv env_;
  const ast::GroupPattern& pattern_;
  std::vector<VarId> columns_;
  bool negated_;
};

struct Compiler {
  const std::vector<VarId>& columns;
  const ExpressionEnv& env;

  int ColumnOf(const std::string& name) const {
    const VarId var = env.ctx->Variable(name);
    auto it = std::find(columns.begin(), columns.end(), var);
    return it == columns.end() ? -1 : static_cast<int>(it - columns.begin());
  }

  std::vector<RowExpressionPtr> Args(const ast::Expression& e) {
    std::vector<RowExpressionPtr> args;
    for (const auto& arg : e.args) args.push_back(Compile(*arg));
    return args;
  }

  RowExpressionPtr Make(const ast::Expression& e, std::string name, Node::Eval eval) {
    auto node = std::make_unique<Node>(std::move(name), Args(e), eval);
    node->functions = env.functions;
    return node;
  }

  RowExpressionPtr Compile(const ast::Expression& e) {
    using K = ast::ExprKind;
    switch (e.kind) {
      case K::kTerm:
        return std::make_unique<Constant>(Value::FromTerm(e.term.view()), e.term.written);
      case K::kVariable:
        return std::make_unique<Variable>(*env.ctx, ColumnOf(e.term.value), e.term.value);
      case K::kOr: return MakeChain(e, "||", OrNode);
      case K::kAnd: return MakeChain(e, "&&", AndNode);
      case K::kEqual:
        return ByIdsWherePossible(e, Make(e, "=", Binary<EqualsOp>), expr::IdComparison::kEqual);
      case K::kNotEqual:
        return ByIdsWherePossible(e, Make(e, "!=", Binary<NotEqualsOp>),
                                  expr::IdComparison::kNotEqual);
      case K::kLess:
        return ByIdsWherePossible(e, MakeCompare(e, "<", expr::CompareOp::kLess),
                                  expr::IdComparison::kLess);
      case K::kGreater:
        return ByIdsWherePossible(e, MakeCompare(e, ">", expr::CompareOp::kGreater),
                                  expr::IdComparison::kGreater);
      case K::kLessEqual:
        return ByIdsWherePossible(e, MakeCompare(e, "<=", expr::CompareOp::kLessEqual),
                                  expr::IdComparison::kLessEqual);
      case K::kGreaterEqual:
        return ByIdsWherePossible(e, MakeCompare(e, ">=", expr::CompareOp::kGreaterEqual),
                                  expr::IdComparison::kGreaterEqual);
      case K::kIn: return Make(e, "IN", InNode);
      case K::kNotIn: return Make(e, "NOT IN", NotInNode);
      case K::kAdd:
      case K::kSubtract:
      case K::kMultiply:
      case K::kDivide: return MakeArithmetic(e);
      case K::kNot: return Make(e, "!", NotNode);
      case K::kUnaryPlus: return Make(e, "+", Unary<expr::UnaryPlus>);
      case K::kUnaryMinus: return Make(e, "-", Unary<expr::UnaryMinus>);
      case K::kBuiltin: return CompileBuiltin(e);
      case K::kFunction: {
        if (!expr::IsCastTarget(e.function_iri)) {
          // An unknown function is an error for every row (SPARQL 17.6), not for the query.
          return Make(e, "<" + e.function_iri + ">", ErrorNode);
        }
        auto node = std::make_unique<Node>("<" + e.function_iri + ">", Args(e), CastNode);
        node->datatype = e.function_iri;
        return node;
      }
      case K::kExists:
      case K::kNotExists:
        return std::make_unique<ExistsNode>(env, *e.pattern, columns, e.kind == K::kNotExists);
      case K::kAggregate: {
        // After grouping the aggregate's value is a column of its own.
        if (env.aggregate_vars != nullptr) {
          auto it = env.aggregate_vars->find(&e);
          if (it != env.aggregate_vars->end()) {
            const VarId var = it->second;
            auto col = std::find(columns.begin(), columns.end(), var);
            return std::make_unique<Variable>(
                *env.ctx, col == columns.end() ? -1 : static_cast<int>(col - columns.begin()),
                env.ctx->VariableName(var));
          }
        }
        return Make(e, std::string(ast::AggregateName(e.aggregate)), ErrorNode);
      }
    }
    return Make(e, "?", ErrorNode);
  }

  RowExpressionPtr MakeChain(const ast::Expression& e, const char* name, Node::Eval eval) {
    auto node = std::make_unique<Node>(name, Args(e), eval);
    node->left_fold = true;
    return node;
  }

  RowExpressionPtr MakeArithmetic(const ast::Expression& e) {
    using K = ast::ExprKind;
    auto node = std::make_unique<Node>(OperatorName(e.kind), Args(e), ArithmeticNode);
    node->left_fold = true;
    for (std::size_t i = 0; i + 1 < e.args.size(); ++i) {
      const K op = e.OperatorAfter(i);
      node->arithmetic.push_back(op == K::kAdd        ? expr::Add
                                 : op == K::kSubtract ? expr::Subtract
                                 : op == K::kMultiply ? expr::Multiply
                                                      : expr::Divide);
      if (!e.ops.empty()) {
        node->op_names.push_back(OperatorName(op));
      }
    }
    return node;
  }

  static std::string OperatorName(ast::ExprKind kind) {
    switch (kind) {
      case ast::ExprKind::kAdd: return "+";
      case ast::ExprKind::kSubtract: return "-";
      case ast::ExprKind::kMultiply: return "*";
      default: return "/";
    }
  }

  // `general` (the comparison e) as an InlinedComparison when e compares a variable with a
  // literal the store inlines.
  RowExpressionPtr ByIdsWherePossible(const ast::Expression& e, RowExpressionPtr general,
                                      expr::IdComparison op) {
    if (e.args.size() != 2) return general;
    const bool variable_left = e.args[0]->kind == ast::ExprKind::kVariable;
    const ast::Expression& variable = *e.args[variable_left ? 0 : 1];
    const ast::Expression& constant = *e.args[variable_left ? 1 : 0];
    if (variable.kind != ast::ExprKind::kVariable || constant.kind != ast::ExprKind::kTerm ||
        !constant.term.IsLiteral()) {
      return general;
    }
    const std::optional<TermId> id = storage::TryInline(constant.term.view().Canonical());
    if (!id) return general;
    return std::make_unique<InlinedComparison>(std::move(general), op,
                                               ColumnOf(variable.term.value), *id, variable_left);
  }

  RowExpressionPtr MakeCompare(const ast::Expression& e, const char* name, expr::CompareOp op) {
    auto node = std::make_unique<Node>(name, Args(e), CompareNode);
    node->compare = op;
    return node;
  }

  RowExpressionPtr CompileBuiltin(const ast::Expression& e) {
    const std::string_view name = ast::BuiltinName(e.builtin);
    switch (e.builtin) {
      case ast::Builtin::kBound: {
        const std::string& var = e.args.empty() ? std::string() : e.args[0]->term.value;
        return std::make_unique<Bound>(ColumnOf(var), var);
      }
      case ast::Builtin::kIf: return Make(e, "IF", IfNode);
      case ast::Builtin::kCoalesce: return Make(e, "COALESCE", CoalesceNode);
      default: break;
    }
    std::optional<expr::Builtin> builtin = expr::LookupBuiltin(name);
    if (!builtin) return Make(e, std::string(name), ErrorNode);
    auto node = std::make_unique<Node>(std::string(name), Args(e), BuiltinNode);
    node->builtin = *builtin;
    node->functions = env.functions;
    node->ctx = env.ctx;
    return node;
  }
};

void CollectVariables(const ast::Expression& e, std::vector<std::string>& out) {
  if (e.kind == ast::ExprKind::kVariable) {
    if (std::find(out.begin(), out.end(), e.term.value) == out.end()) out.push_back(e.term.value);
    return;
  }
  if (e.kind == ast::ExprKind::kAggregate || e.kind == ast::ExprKind::kExists ||
      e.kind == ast::ExprKind::kNotExists) {
    return;
  }
  for (const auto& arg : e.args) CollectVariables(*arg, out);
}

}  // namespace

RowExpressionPtr CompileExpression(const ast::Expression& expression,
                                   const std::vector<VarId>& columns, const ExpressionEnv& env) {
  Compiler compiler{columns, env};
  return compiler.Compile(expression);
}

RowExpressionPtr CompileConjunction(const std::vector<const ast::Expression*>& conditions,
                                    const std::vector<VarId>& columns, const ExpressionEnv& env) {
  std::vector<RowExpressionPtr> parts;
  for (const ast::Expression* condition : conditions) {
    parts.push_back(CompileExpression(*condition, columns, env));
  }
  if (parts.size() == 1) return std::move(parts[0]);
  return std::make_unique<Node>("&&", std::move(parts), [](Node& self, std::span<const TermId> row) {
    BoolResult all = true;
    for (std::size_t i = 0; i < self.arg_count() && !(all && !*all); ++i) {
      all = expr::LogicalAnd(all, self.ArgTruth(i, row));
    }
    return FromBool(all);
  });
}

std::vector<std::string> ReferencedVariables(const ast::Expression& expression) {
  std::vector<std::string> vars;
  CollectVariables(expression, vars);
  return vars;
}

bool ContainsExists(const ast::Expression& expression) {
  if (expression.kind == ast::ExprKind::kExists || expression.kind == ast::ExprKind::kNotExists) {
    return true;
  }
  return std::any_of(expression.args.begin(), expression.args.end(),
                     [](const auto& arg) { return ContainsExists(*arg); });
}

}  // namespace silk::query
