#include "grammar/rdf/turtle_builder.h"

#include <fmt/format.h>

#include <iterator>

namespace silk::rdf::turtle {
namespace {

constexpr std::string_view kRdfFirst = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first";
constexpr std::string_view kRdfRest = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest";
constexpr std::string_view kRdfNil = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil";

// Labels of `[]` and collection cells start with '-': a written label cannot (BLANK_NODE_LABEL
// starts with PN_CHARS_U or a digit), yet '-' may follow any first character, so a writer that
// prefixes labels with a letter still produces valid syntax.
constexpr std::string_view kAnonymousPrefix = "-b";

bool IsSet(const Term& term) { return term.kind != TermKind::kDefaultGraph; }

}  // namespace

void SetTerm(Term& term, TermKind kind, std::string_view value) {
  term.kind = kind;
  term.value.assign(value);
  term.datatype.clear();
  term.language.clear();
}

void HeldTriples::Add(const Term& subject, const Term& predicate, const Term& object) {
  AddTerm(subject);
  AddTerm(predicate);
  AddTerm(object);
}

void HeldTriples::AddTerm(const Term& term) {
  text_ += term.value;
  text_ += term.datatype;
  text_ += term.language;
  terms_.push_back({term.kind, term.value.size(), term.datatype.size(), term.language.size()});
}

Builder::Builder(const ParseOptions& options, QuadSink& sink)
    : options_(options),
      sink_(sink),
      base_(options.base_iri),
      frames_(1),
      rdf_first_(TermView::Iri(kRdfFirst)),
      rdf_rest_(TermView::Iri(kRdfRest)),
      rdf_nil_(TermView::Iri(kRdfNil)) {}

const std::string* Builder::FindPrefix(std::string_view name) const {
  const auto it = prefixes_.find(name);
  return it == prefixes_.end() ? nullptr : &it->second;
}

void Builder::AddObject(const Term& object) {
  Frame& frame = top();
  if (frame.kind != FrameKind::kCollection) {
    Emit(frame.subject, frame.predicate, object);
    return;
  }
  // Each element gets a cell: the previous cell's rdf:rest points at it.
  NewBlankNode(cell_);
  if (IsSet(frame.head)) {
    Emit(frame.last, rdf_rest_, cell_);
  } else {
    frame.head = cell_;
  }
  Emit(cell_, rdf_first_, object);
  frame.last = cell_;
}

void Builder::EndStatement() {
  ReleaseHeld();
  ResetStatement();
}

void Builder::DropStatement(bool leave_graph) {
  held_.Clear();
  depth_ = 0;
  ResetStatement();
  if (leave_graph) {
    LeaveGraph();
  }
}

void Builder::ResetStatement() {
  frames_[0].subject.kind = TermKind::kDefaultGraph;
  frames_[0].predicate.kind = TermKind::kDefaultGraph;
  statement_delivered_ = false;
}

void Builder::OpenBlankNode(TextPosition at) {
  Frame& frame = Push(FrameKind::kBlankNode, at);
  NewBlankNode(frame.subject);
}

void Builder::CloseBlankNode() {
  const Frame& frame = Pop();
  Deliver(frame.role, frame.subject);
}

void Builder::OpenCollection(TextPosition at) {
  Frame& frame = Push(FrameKind::kCollection, at);
  frame.head.kind = TermKind::kDefaultGraph;
  frame.last.kind = TermKind::kDefaultGraph;
}

void Builder::CloseCollection() {
  const Frame& frame = Pop();
  if (!IsSet(frame.head)) {
    Deliver(frame.role, rdf_nil_);
    return;
  }
  Emit(frame.last, rdf_rest_, rdf_nil_);
  Deliver(frame.role, frame.head);
}

void Builder::OpenGraph(TextPosition at) {
  graph_opened_at_ = at;
  if (IsSet(frames_[0].subject)) {
    graph_ = frames_[0].subject;
  } else {
    LeaveGraph();
  }
  EndStatement();
}

void Builder::CloseGraph() {
  EndStatement();  // the last statement of the block may end at '}': its triples are in it
  LeaveGraph();
}

void Builder::LeaveGraph() {
  // The whole term, not only its kind: the graph goes out in every quad's view, and a
  // default graph that still carried the last graph's IRI would compare unequal to another.
  graph_.kind = TermKind::kDefaultGraph;
  graph_.value.clear();
  graph_.datatype.clear();
  graph_.language.clear();
}

void Builder::NoteError(std::string line_text, Opener opener) {
  error_line_text_ = std::move(line_text);
  switch (opener) {
    case Opener::kNone:
      error_opened_at_.reset();
      break;
    case Opener::kInnermostNode:
      error_opened_at_ = top().opened_at;
      break;
    case Opener::kGraph:
      error_opened_at_ = graph_opened_at_;
      break;
    case Opener::kLongString:
      error_opened_at_ = long_string_opened_at_;
      break;
  }
}

Builder::Frame& Builder::Push(FrameKind kind, TextPosition at) {
  const Frame& outer = top();
  const Role role =
      outer.kind == FrameKind::kCollection || IsSet(outer.subject) ? Role::kObject : Role::kSubject;
  // Frames are reused, never destroyed, so their strings keep their capacity.
  if (++depth_ == frames_.size()) {
    frames_.emplace_back();
  }
  Frame& frame = top();
  frame.kind = kind;
  frame.role = role;
  frame.opened_at = at;
  return frame;
}

void Builder::Deliver(Role role, const Term& node) {
  if (role == Role::kSubject) {
    SetSubject(node);
  } else {
    AddObject(node);
  }
}

void Builder::NewBlankNode(Term& term) {
  SetTerm(term, TermKind::kBlank, kAnonymousPrefix);
  fmt::format_to(std::back_inserter(term.value), "{}", ++anonymous_nodes_);
}

void Builder::Emit(const Term& subject, const Term& predicate, const Term& object) {
  if (!skipping()) {
    Send(subject.view(), predicate.view(), object.view());
    return;
  }
  // A statement's triples stay here until its end, so a syntax error later in the statement
  // can still leave all of them out.
  held_.Add(subject, predicate, object);
  if (held_.bytes() > kMaxHeldBytes) {
    ReleaseHeld();
    statement_delivered_ = true;
  }
}

void Builder::ReleaseHeld() {
  held_.ForEach([this](const TermView& subject, const TermView& predicate, const TermView& object) {
    Send(subject, predicate, object);
  });
  held_.Clear();
}

void Builder::Send(const TermView& subject, const TermView& predicate, const TermView& object) {
  if (!sink_.Accept(QuadView{subject, predicate, object, graph_.view()})) {
    throw StopParsing{};
  }
}

}  // namespace silk::rdf::turtle
