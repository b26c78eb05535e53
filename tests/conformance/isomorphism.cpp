#include "tests/conformance/isomorphism.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <functional>
#include <set>
#include <string_view>
#include <unordered_map>

#include "grammar/rdf/ntriples_writer.h"

namespace silk::conformance {
namespace {

using rdf::Quad;
using rdf::Term;
using rdf::TermKind;

constexpr std::size_t kMaxListed = 8;

std::uint64_t Mix(std::uint64_t x) {  // splitmix64's finaliser
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

std::uint64_t HashOf(const Term& t) {
  const std::hash<std::string> h;
  return Mix(h(t.value) ^ Mix(h(t.datatype) ^ Mix(h(t.language) + static_cast<int>(t.kind))));
}

std::array<const Term*, 4> Positions(const Quad& q) {
  return {&q.subject, &q.predicate, &q.object, &q.graph};
}

// The same RDF term in one spelling: ^^xsd:string dropped, language tag in lower case.
Term Normalize(const Term& term) {
  Term t(term.view().Canonical());
  std::transform(t.language.begin(), t.language.end(), t.language.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return t;
}

// One side of the comparison, with its blank nodes numbered.
struct Side {
  std::set<Quad> ground;     // statements without blank nodes
  std::vector<Quad> blanky;  // statements with at least one
  std::set<Quad> blanky_set;
  std::vector<std::string> labels;              // blank node number → label
  std::unordered_map<std::string, int> number;  // label → blank node number
  std::vector<std::vector<int>> statements_of;  // blank node number → indexes in blanky
  std::vector<std::uint64_t> colors;            // blank node number → current colour

  explicit Side(const std::vector<Quad>& quads) {
    std::set<Quad> all;
    for (const Quad& q : quads) {
      Quad n;
      n.subject = Normalize(q.subject);
      n.predicate = Normalize(q.predicate);
      n.object = Normalize(q.object);
      n.graph = Normalize(q.graph);
      all.insert(std::move(n));
    }
    for (const Quad& q : all) {
      bool has_blank = false;
      for (const Term* t : Positions(q)) {
        if (t->kind != TermKind::kBlank) {
          continue;
        }
        has_blank = true;
        const auto [it, inserted] = number.try_emplace(t->value, static_cast<int>(labels.size()));
        if (inserted) {
          labels.push_back(t->value);
          statements_of.emplace_back();
        }
        std::vector<int>& of = statements_of[it->second];
        if (of.empty() || of.back() != static_cast<int>(blanky.size())) {
          of.push_back(static_cast<int>(blanky.size()));
        }
      }
      if (has_blank) {
        blanky.push_back(q);
        blanky_set.insert(q);
      } else {
        ground.insert(q);
      }
    }
    colors.assign(labels.size(), 1);
  }

  // One round of colour refinement: a node's new colour sums, over its statements, a hash of
  // the other terms (blank nodes by their colour) and of where the node stands.
  void Refine() {
    std::vector<std::uint64_t> next(colors.size());
    for (std::size_t node = 0; node < colors.size(); ++node) {
      std::uint64_t sum = Mix(colors[node]);
      for (const int s : statements_of[node]) {
        std::uint64_t h = 0;
        int position = 0;
        for (const Term* t : Positions(blanky[s])) {
          std::uint64_t v;
          if (t->kind != TermKind::kBlank) {
            v = HashOf(*t);
          } else if (number.at(t->value) == static_cast<int>(node)) {
            v = 0x5E1F;  // the node itself
          } else {
            v = Mix(colors[number.at(t->value)] + 17);
          }
          h = Mix(h ^ Mix(v + static_cast<std::uint64_t>(++position)));
        }
        sum += Mix(h);
      }
      next[node] = sum;
    }
    colors = std::move(next);
  }

  std::size_t DistinctColors() const {
    return std::set<std::uint64_t>(colors.begin(), colors.end()).size();
  }
};

// Backtracking search for a colour-preserving bijection that maps every statement of `a`
// with blank nodes onto one of `b`.
class Matcher {
 public:
  Matcher(const Side& a, const Side& b)
      : a_(a), b_(b), a_to_b_(a.labels.size(), -1), b_used_(b.labels.size(), false) {
    for (std::size_t i = 0; i < a.labels.size(); ++i) {
      order_.push_back(static_cast<int>(i));
    }
    // Nodes with the rarest colour first: fewest candidates, earliest pruning.
    std::unordered_map<std::uint64_t, int> class_size;
    for (const std::uint64_t c : a.colors) {
      ++class_size[c];
    }
    std::sort(order_.begin(), order_.end(), [&](int x, int y) {
      return std::pair(class_size[a.colors[x]], a.colors[x]) <
             std::pair(class_size[a.colors[y]], a.colors[y]);
    });
  }

  bool Match(std::size_t depth = 0) {
    if (depth == order_.size()) {
      return true;
    }
    const int x = order_[depth];
    for (std::size_t y = 0; y < b_.labels.size(); ++y) {
      if (b_used_[y] || b_.colors[y] != a_.colors[x]) {
        continue;
      }
      a_to_b_[x] = static_cast<int>(y);
      b_used_[y] = true;
      if (Consistent(x) && Match(depth + 1)) {
        return true;
      }
      a_to_b_[x] = -1;
      b_used_[y] = false;
    }
    return false;
  }

 private:
  // Every statement of `x` whose blank nodes are all mapped has its image in `b`.
  [[nodiscard]] bool Consistent(int x) const {
    for (const int s : a_.statements_of[x]) {
      Quad image = a_.blanky[s];
      bool complete = true;
      for (Term* t : {&image.subject, &image.predicate, &image.object, &image.graph}) {
        if (t->kind != TermKind::kBlank) {
          continue;
        }
        const int mapped = a_to_b_[a_.number.at(t->value)];
        if (mapped < 0) {
          complete = false;
          break;
        }
        t->value = b_.labels[mapped];
      }
      if (complete && !b_.blanky_set.contains(image)) {
        return false;
      }
    }
    return true;
  }

  const Side& a_;
  const Side& b_;
  std::vector<int> order_;
  std::vector<int> a_to_b_;
  std::vector<bool> b_used_;
};

void ListOnlyIn(std::string_view side, const std::set<Quad>& mine, const std::set<Quad>& theirs,
                std::string& out) {
  std::size_t listed = 0;
  std::size_t total = 0;
  for (const Quad& q : mine) {
    if (theirs.contains(q)) {
      continue;
    }
    if (++total <= kMaxListed) {
      out += fmt::format("\n    only {}: {}", side, ToText(q));
      ++listed;
    }
  }
  if (total > listed) {
    out += fmt::format("\n    … and {} more only {}", total - listed, side);
  }
}

std::string Describe(const Side& actual, const Side& expected) {
  std::string out =
      fmt::format("{} statements parsed, {} expected", actual.ground.size() + actual.blanky.size(),
                  expected.ground.size() + expected.blanky.size());
  ListOnlyIn("parsed", actual.ground, expected.ground, out);
  ListOnlyIn("expected", expected.ground, actual.ground, out);
  if (actual.ground == expected.ground) {
    out += "\n    (the statements without blank nodes agree; those with blank nodes do not)";
  }
  // Blank node labels differ between the sides anyway; list those statements only when few.
  if (actual.blanky.size() + expected.blanky.size() <= kMaxListed) {
    for (const Quad& q : actual.blanky) {
      out += "\n    parsed: " + ToText(q);
    }
    for (const Quad& q : expected.blanky) {
      out += "\n    expected: " + ToText(q);
    }
  }
  return out;
}

std::string TermText(const Term& t) {
  std::string out;
  rdf::AppendTerm(out, t.view());
  return out;
}

}  // namespace

std::string ToText(const Quad& q) {
  std::string out = TermText(q.subject) + " " + TermText(q.predicate) + " " + TermText(q.object);
  if (q.graph.kind != TermKind::kDefaultGraph) {
    out += " " + TermText(q.graph);
  }
  return out + " .";
}

bool AreIsomorphic(const std::vector<Quad>& actual, const std::vector<Quad>& expected,
                   std::string* difference) {
  Side a(actual);
  Side b(expected);
  bool same = a.ground == b.ground && a.blanky.size() == b.blanky.size() &&
              a.labels.size() == b.labels.size();
  if (same) {
    // Refine both sides in step until the partition stops growing; colours are only
    // comparable between sides after the same number of rounds.
    std::size_t classes = a.DistinctColors();
    for (std::size_t round = 0; round < a.labels.size(); ++round) {
      a.Refine();
      b.Refine();
      const std::size_t now = a.DistinctColors();
      if (now == classes) {
        break;
      }
      classes = now;
    }
    std::vector<std::uint64_t> ca = a.colors;
    std::vector<std::uint64_t> cb = b.colors;
    std::sort(ca.begin(), ca.end());
    std::sort(cb.begin(), cb.end());
    same = ca == cb && Matcher(a, b).Match();
  }
  if (!same && difference != nullptr) {
    *difference = Describe(a, b);
  }
  return same;
}

}  // namespace silk::conformance
