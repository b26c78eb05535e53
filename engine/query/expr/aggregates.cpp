#include "engine/query/expr/aggregates.h"

#include <set>

#include "engine/query/expr/compare.h"
#include "engine/query/expr/numeric.h"

namespace silk::query::expr {

namespace {

class CountAggregator final : public Aggregator {
 public:
  void Add(const EvalResult& value) override {
    if (value) {
      ++count_;
    }
  }
  EvalResult Finish() const override { return Value::Integer(count_); }

 private:
  int64_t count_ = 0;
};

class SumAggregator final : public Aggregator {
 public:
  explicit SumAggregator(bool average) : average_(average) {}

  void Add(const EvalResult& value) override {
    if (!sum_) {
      return;  // already failed
    }
    if (!value || !value->IsNumeric()) {
      sum_.reset();
      return;
    }
    sum_ = expr::Add(*sum_, *value);
    ++count_;
  }

  EvalResult Finish() const override {
    if (!sum_ || !average_ || count_ == 0) {
      return sum_;
    }
    return Divide(*sum_, Value::Integer(count_));
  }

 private:
  bool average_;
  EvalResult sum_ = Value::Integer(0);
  int64_t count_ = 0;
};

class ExtremeAggregator final : public Aggregator {
 public:
  explicit ExtremeAggregator(bool max) : max_(max) {}

  void Add(const EvalResult& value) override {
    if (!value) {
      return;
    }
    if (!best_) {
      best_ = value;
      return;
    }
    const int c = OrderCompare(*value, *best_);
    if (max_ ? c > 0 : c < 0) {
      best_ = value;
    }
  }
  EvalResult Finish() const override { return best_; }

 private:
  bool max_;
  EvalResult best_;
};

class SampleAggregator final : public Aggregator {
 public:
  void Add(const EvalResult& value) override {
    if (value && !sample_) {
      sample_ = value;
    }
  }
  EvalResult Finish() const override { return sample_; }

 private:
  EvalResult sample_;
};

class GroupConcatAggregator final : public Aggregator {
 public:
  explicit GroupConcatAggregator(std::string separator) : separator_(std::move(separator)) {}

  void Add(const EvalResult& value) override {
    if (failed_) {
      return;
    }
    // As CONCAT over STR() of each value: any literal or IRI; a blank node has no string.
    if (!value || value->IsBlank()) {
      failed_ = true;
      return;
    }
    if (!first_) {
      text_ += separator_;
    }
    first_ = false;
    text_ += value->lexical();
  }

  EvalResult Finish() const override {
    if (failed_) {
      return std::nullopt;
    }
    return Value::String(text_);
  }
  // Twice the text: growing it briefly holds the old buffer and the new, and Finish copies it.
  std::uint64_t MemoryBytes() const override { return 2 * text_.capacity(); }

 private:
  std::string separator_;
  std::string text_;
  bool first_ = true;
  bool failed_ = false;
};

// Passes each distinct RDF term to the wrapped aggregator once. Errors and unbound values
// are passed through: they are not terms to compare.
class DistinctAggregator final : public Aggregator {
 public:
  explicit DistinctAggregator(std::unique_ptr<Aggregator> inner) : inner_(std::move(inner)) {}

  void Add(const EvalResult& value) override {
    if (value) {
      const rdf::Term& t = value->term();
      std::string key;
      key.push_back(static_cast<char>(t.kind));
      key += value->IsLiteral() ? std::string(value->datatype()) : std::string();
      key.push_back('\0');
      for (char c : t.language) {
        key.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      }
      key.push_back('\0');
      key += t.value;
      // A tree node (colour, three pointers, the string: 80 bytes from malloc) and the
      // string's block (an 8-byte header, rounded up to 16), and the 10 % or so that the
      // temporaries freed between them leave unused (measured).
      const std::uint64_t bytes =
          96 + (key.size() > 15 ? (key.size() + 1 + 8 + 15) / 16 * 16 + 16 : 0);
      if (!seen_.insert(std::move(key)).second) {
        return;
      }
      seen_bytes_ += bytes;
    }
    inner_->Add(value);
  }
  EvalResult Finish() const override { return inner_->Finish(); }
  std::uint64_t MemoryBytes() const override { return seen_bytes_ + inner_->MemoryBytes(); }

 private:
  std::unique_ptr<Aggregator> inner_;
  std::set<std::string> seen_;
  std::uint64_t seen_bytes_ = 0;
};

}  // namespace

std::unique_ptr<Aggregator> Aggregator::Create(const AggregateSpec& spec) {
  std::unique_ptr<Aggregator> aggregator;
  switch (spec.function) {
    case AggregateFunction::kCount:
      aggregator = std::make_unique<CountAggregator>();
      break;
    case AggregateFunction::kSum:
      aggregator = std::make_unique<SumAggregator>(/*average=*/false);
      break;
    case AggregateFunction::kAvg:
      aggregator = std::make_unique<SumAggregator>(/*average=*/true);
      break;
    case AggregateFunction::kMin:
      aggregator = std::make_unique<ExtremeAggregator>(/*max=*/false);
      break;
    case AggregateFunction::kMax:
      aggregator = std::make_unique<ExtremeAggregator>(/*max=*/true);
      break;
    case AggregateFunction::kSample:
      aggregator = std::make_unique<SampleAggregator>();
      break;
    case AggregateFunction::kGroupConcat:
      aggregator = std::make_unique<GroupConcatAggregator>(spec.separator);
      break;
  }
  if (spec.distinct) {
    return std::make_unique<DistinctAggregator>(std::move(aggregator));
  }
  return aggregator;
}

}  // namespace silk::query::expr
