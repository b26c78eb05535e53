// What the Turtle/TriG actions record into: the base and prefixes, the stack of open nodes
// ('[ … ]', '( … )') and the current graph. It turns each completed object into a triple for
// the QuadSink at once, so nothing accumulates; in skip mode a statement's triples wait for
// its end instead (bounded by kMaxHeldBytes). No PEGTL types here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "grammar/rdf/rdf_parser.h"
#include "grammar/rdf/term.h"

namespace silk::rdf::turtle {

struct TextPosition {
  std::size_t line = 0;    // 1-based
  std::size_t column = 0;  // 1-based, in bytes
};

// Thrown by the builder when the sink asks to stop; the parser catches it.
struct StopParsing {};

// Which opening token an error about a missing closer should point back to.
enum class Opener { kNone, kInnermostNode, kGraph, kLongString };

// Makes `term` the given IRI, blank node or literal (without datatype or language), reusing
// its strings' capacity.
void SetTerm(Term& term, TermKind kind, std::string_view value);

// How much of one statement's triples skip mode holds back. A statement that produces more is
// passed on as it goes, as without skip mode, and can then no longer be left out.
inline constexpr std::size_t kMaxHeldBytes = std::size_t{64} << 20;

// Triples held back until their statement is known to be well formed, packed into one string
// so that holding them costs little more than their text.
class HeldTriples {
 public:
  void Add(const Term& subject, const Term& predicate, const Term& object);
  std::size_t bytes() const { return text_.size() + terms_.size() * sizeof(Stored); }
  // Calls emit(subject, predicate, object) for each triple in the order added. The views
  // are valid only during the call.
  template <typename Emit>
  void ForEach(Emit emit) const;
  // Keeps the capacity, for the next statement.
  void Clear() {
    text_.clear();
    terms_.clear();
  }

 private:
  struct Stored {
    TermKind kind;
    std::size_t value_size;
    std::size_t datatype_size;
    std::size_t language_size;
  };
  void AddTerm(const Term& term);

  std::string text_;           // each term's value, datatype and language, back to back
  std::vector<Stored> terms_;  // three per triple
};

template <typename Emit>
void HeldTriples::ForEach(Emit emit) const {
  std::string_view rest = text_;
  auto next = [&rest](std::size_t size) {
    const std::string_view part = rest.substr(0, size);
    rest.remove_prefix(size);
    return part;
  };
  TermView triple[3];
  for (std::size_t i = 0; i < terms_.size(); ++i) {
    const Stored& stored = terms_[i];
    TermView& term = triple[i % 3];
    term.kind = stored.kind;
    term.value = next(stored.value_size);
    term.datatype = next(stored.datatype_size);
    term.language = next(stored.language_size);
    if (i % 3 == 2) emit(triple[0], triple[1], triple[2]);
  }
}

// One per parse; not copyable. `options` and `sink` must outlive it.
class Builder {
 public:
  Builder(const ParseOptions& options, QuadSink& sink);
  Builder(const Builder&) = delete;
  Builder& operator=(const Builder&) = delete;

  // ---- Scratch: the term just read, and the literal being assembled.
  Term& term() { return term_; }
  Term& literal() { return literal_; }
  std::string& scratch() { return scratch_; }

  // ---- Directives. Each takes effect only once it is complete, so that a malformed one that
  // skip mode leaves out changes nothing.
  const std::string& base() const { return base_; }
  void SetPendingBase(std::string_view iri) { pending_base_.assign(iri); }
  void DeclareBase() { base_.assign(pending_base_); }
  void SetPendingPrefix(std::string_view name) { pending_prefix_.assign(name); }
  void SetPendingPrefixIri(std::string_view iri) { pending_prefix_iri_.assign(iri); }
  // Binds the pending prefix name to the pending IRI.
  void DeclarePrefix() { prefixes_[pending_prefix_].assign(pending_prefix_iri_); }
  // The namespace IRI of `name`, or nullptr if it was never declared.
  const std::string* FindPrefix(std::string_view name) const;

  // ---- Triples. May throw StopParsing (from the sink).
  void SetSubject(const Term& term) { top().subject = term; }
  void SetPredicate(const Term& term) { top().predicate = term; }
  void SetPredicate(std::string_view iri) { SetTerm(top().predicate, TermKind::kIri, iri); }
  // `object` completes a triple of the innermost node, or an element of the innermost list.
  void AddObject(const Term& object);
  // A statement ended: its held triples go to the sink, and the next subject starts afresh.
  void EndStatement();

  // '[' and ']', '(' and ')'. Whether the new node is a subject or an object is fixed by
  // what is open around it: a statement without a subject yet, or anything else.
  void OpenBlankNode(TextPosition at);
  void CloseBlankNode();
  void OpenCollection(TextPosition at);
  void CloseCollection();
  // How many '[' and '(' are open.
  std::size_t nesting() const { return depth_; }

  // TriG '{': after a graph name (read as a subject) or alone for the default graph.
  void OpenGraph(TextPosition at);
  void CloseGraph();

  void NoteLongStringOpen(TextPosition at) { long_string_opened_at_ = at; }

  // ---- Errors: noted just before a parse error is thrown, read after it is caught.
  void NoteError(std::string line_text, Opener opener);
  const std::string& error_line_text() const { return error_line_text_; }
  const std::optional<TextPosition>& error_opened_at() const { return error_opened_at_; }

  // ---- Skip mode (ParseOptions::on_bad_statement).
  const ParseOptions& options() const { return options_; }
  bool skipping() const { return static_cast<bool>(options_.on_bad_statement); }
  // Whether the statement being read has passed triples on already (it outgrew
  // kMaxHeldBytes), so that leaving it out is no longer possible.
  bool statement_delivered() const { return statement_delivered_; }
  // Forgets the malformed statement being read: its held triples, open nodes and subject.
  // With `leave_graph`, a TriG graph block it was in is left too.
  void DropStatement(bool leave_graph);

 private:
  enum class FrameKind { kStatement, kBlankNode, kCollection };
  enum class Role { kSubject, kObject };

  // One open node: the statement, a '[ … ]' or a '( … )'.
  struct Frame {
    FrameKind kind = FrameKind::kStatement;
    Role role = Role::kSubject;  // what the node is to the frame around it
    Term subject;                // statement, blank node: whose predicates follow
    Term predicate;
    Term head;  // collection: the first cell, unset while empty
    Term last;  // collection: the latest cell
    TextPosition opened_at;
  };

  // Lets prefixes_ be searched with a string_view.
  struct TransparentHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  Frame& top() { return frames_[depth_]; }
  Frame& Push(FrameKind kind, TextPosition at);
  // The returned frame stays valid until the next Push.
  Frame& Pop() { return frames_[depth_--]; }
  void Deliver(Role role, const Term& node);
  void NewBlankNode(Term& term);
  void Emit(const Term& subject, const Term& predicate, const Term& object);
  void Send(const TermView& subject, const TermView& predicate, const TermView& object);
  void ReleaseHeld();
  void ResetStatement();

  const ParseOptions& options_;
  QuadSink& sink_;
  std::string base_;
  std::unordered_map<std::string, std::string, TransparentHash, std::equal_to<>> prefixes_;
  std::string pending_base_;
  std::string pending_prefix_;
  std::string pending_prefix_iri_;

  HeldTriples held_;  // skip mode only
  bool statement_delivered_ = false;

  std::vector<Frame> frames_;  // frames_[0] is the statement; reused, never shrunk
  std::size_t depth_ = 0;
  Term graph_;  // the default graph outside TriG graph blocks
  // Back to the default graph, the whole term cleared.
  void LeaveGraph();
  TextPosition graph_opened_at_;
  TextPosition long_string_opened_at_;
  std::uint64_t anonymous_nodes_ = 0;

  Term term_;
  Term literal_;
  Term cell_;
  std::string scratch_;
  const Term rdf_first_;
  const Term rdf_rest_;
  const Term rdf_nil_;

  std::string error_line_text_;
  std::optional<TextPosition> error_opened_at_;
};

}  // namespace silk::rdf::turtle
