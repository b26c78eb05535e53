#include "shell/repl/box_table.h"

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <numeric>

#include "grammar/rdf/ntriples_writer.h"
#include "shell/text_format.h"

namespace silk::shell::repl {
namespace {

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A local name that reads back as the same prefixed name: letters, digits, '_', '-', and
// '.' not at the end. Anything else is shown as a full IRI.
bool IsSimpleLocalName(std::string_view local) {
  if (local.empty()) return true;
  if (local.back() == '.') return false;
  return std::all_of(local.begin(), local.end(), [](char c) {
    const unsigned char u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == '_' || c == '-' || c == '.' || u >= 0x80;
  });
}

std::string ShortIri(std::string_view iri, const Prefixes& prefixes) {
  // The longest namespace wins: src: before kca: for an article's IRI.
  const std::pair<std::string, std::string>* best = nullptr;
  for (const auto& prefix : prefixes) {
    if (iri.starts_with(prefix.second) && IsSimpleLocalName(iri.substr(prefix.second.size())) &&
        (best == nullptr || prefix.second.size() > best->second.size())) {
      best = &prefix;
    }
  }
  if (best == nullptr) return fmt::format("<{}>", iri);
  return fmt::format("{}:{}", best->first, iri.substr(best->second.size()));
}

}  // namespace

bool IsNumeric(const rdf::TermView& term) {
  if (!term.IsLiteral() || !term.datatype.starts_with(rdf::kXsd)) return false;
  const std::string_view name = term.datatype.substr(rdf::kXsd.size());
  std::string_view text = term.value;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) text.remove_prefix(1);
  if (name == "integer" || name == "int" || name == "long" || name == "short" ||
      name == "nonNegativeInteger" || name == "positiveInteger" || name == "unsignedInt") {
    return AllDigits(text);
  }
  if (name == "decimal" || name == "double" || name == "float") {
    return !text.empty() && text.find_first_not_of("0123456789.eE+-") == std::string_view::npos;
  }
  return false;
}

std::string ShortTermText(const rdf::TermView& term, const Prefixes& prefixes) {
  switch (term.kind) {
    case rdf::TermKind::kIri: return ShortIri(term.value, prefixes);
    case rdf::TermKind::kBlank: return fmt::format("_:{}", term.value);
    case rdf::TermKind::kDefaultGraph: return "(default graph)";
    case rdf::TermKind::kLiteral: break;
  }
  if (IsNumeric(term) || (term.datatype == "http://www.w3.org/2001/XMLSchema#boolean" &&
                          (term.value == "true" || term.value == "false"))) {
    return std::string(term.value);
  }
  // The string part as N-Triples escapes it, then the tag or a short datatype.
  std::string text;
  rdf::AppendTerm(text, rdf::TermView::Literal(term.value, {}, term.language));
  const rdf::TermView canonical = term.Canonical();
  if (canonical.language.empty() && !canonical.datatype.empty()) {
    text += "^^" + ShortIri(canonical.datatype, prefixes);
  }
  return text;
}

std::size_t DisplayWidth(std::string_view text) {
  std::size_t width = 0;
  std::int32_t i = 0;
  const auto length = static_cast<std::int32_t>(text.size());
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const std::uint8_t*>(text.data()), i, length, c);
    if (c < 0) {
      ++width;
      continue;
    }
    if (u_getCombiningClass(c) != 0 || c == 0x200B) continue;
    const auto east_asian =
        static_cast<UEastAsianWidth>(u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH));
    width += east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH ? 2 : 1;
  }
  return width;
}

std::string Elide(std::string_view text, std::size_t width) {
  if (DisplayWidth(text) <= width) return std::string(text);
  if (width == 0) return {};
  std::string out;
  std::size_t used = 0;
  std::int32_t i = 0;
  const auto length = static_cast<std::int32_t>(text.size());
  while (i < length) {
    const std::int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const std::uint8_t*>(text.data()), i, length, c);
    const std::string_view piece = text.substr(start, i - start);
    const std::size_t w = DisplayWidth(piece);
    if (used + w > width - 1) break;
    out += piece;
    used += w;
  }
  return out + "\u2026";
}

namespace {

// With no cap on rows, this many rows set the columns' widths before the table streams on.
constexpr std::size_t kWidthSample = 1000;
constexpr std::string_view kVerticalEllipsis = "\u22ee";
constexpr auto kLiveCountInterval = std::chrono::milliseconds(200);

}  // namespace

BoxTableWriter::BoxTableWriter(std::ostream& out, BoxTableOptions options)
    : out_(out), options_(std::move(options)) {}

void BoxTableWriter::Begin(const std::vector<std::string>& variables) {
  header_.clear();
  held_.clear();
  held_start_ = 0;
  top_drawn_ = ended_ = false;
  rows_ = shown_ = 0;
  for (const std::string& variable : variables) header_.push_back("?" + variable);
}

void BoxTableWriter::WriteRow(query::Row row) {
  Cells cells;
  cells.reserve(row.size());
  for (const auto& value : row) {
    if (!value) {
      cells.push_back({});
    } else {
      cells.push_back({ShortTermText(*value, options_.prefixes), IsNumeric(*value)});
    }
  }
  ++rows_;
  const std::size_t max_rows = options_.max_rows;
  if (!top_drawn_) {
    held_.push_back(std::move(cells));
    if (max_rows == 0 && held_.size() >= kWidthSample) {
      DrawTop(held_.size());
    } else if (max_rows > 0 && held_.size() > max_rows) {
      // More rows than are shown: the first half now, the last half at the end.
      DrawTop((max_rows + 1) / 2);
      last_live_ = std::chrono::steady_clock::now();
    }
    return;
  }
  if (max_rows == 0) {
    DrawRow(cells);
    ++shown_;
    return;
  }
  // A ring of the last rows: held_[held_start_] is the oldest.
  const std::size_t tail = max_rows - (max_rows + 1) / 2;
  if (held_.size() < tail) {
    held_.push_back(std::move(cells));
  } else if (tail > 0) {
    held_[held_start_] = std::move(cells);
    held_start_ = (held_start_ + 1) % held_.size();
  }
  if (options_.live_count && (rows_ & 0xfff) == 0) ShowLiveCount();
}

void BoxTableWriter::DrawTop(std::size_t head_rows) {
  const std::size_t columns = header_.size();
  widths_.assign(columns, 0);
  for (std::size_t i = 0; i < columns; ++i) widths_[i] = DisplayWidth(header_[i]);
  for (const Cells& row : held_) {
    for (std::size_t i = 0; i < columns; ++i) widths_[i] = std::max(widths_[i], DisplayWidth(row[i].text));
  }
  // "│ a │ b │": each column costs its width plus three, and one more closes the row.
  const auto total = [&] { return std::accumulate(widths_.begin(), widths_.end(), std::size_t{0}) + 3 * columns + 1; };
  constexpr std::size_t kNarrowest = 4;
  while (total() > options_.width) {
    auto widest = std::max_element(widths_.begin(), widths_.end());
    if (*widest <= kNarrowest) break;
    --*widest;
  }
  DrawRule("\u250c", "\u252c", "\u2510");
  Cells head;
  for (const std::string& name : header_) head.push_back({name, false});
  DrawRow(head, /*header=*/true);
  DrawRule("\u251c", "\u253c", "\u2524");
  for (std::size_t r = 0; r < head_rows && r < held_.size(); ++r) DrawRow(held_[r]);
  shown_ = std::min(head_rows, held_.size());
  // What is left becomes the start of the ring of last rows.
  held_.erase(held_.begin(), held_.begin() + static_cast<std::ptrdiff_t>(shown_));
  const std::size_t tail = options_.max_rows - (options_.max_rows + 1) / 2;
  if (options_.max_rows > 0 && held_.size() > tail) {
    held_.erase(held_.begin(), held_.end() - static_cast<std::ptrdiff_t>(tail));
  }
  held_start_ = 0;
  top_drawn_ = true;
  out_.flush();
}

void BoxTableWriter::DrawRule(std::string_view left, std::string_view middle, std::string_view right) {
  std::string line(left);
  for (std::size_t i = 0; i < widths_.size(); ++i) {
    if (i > 0) line += middle;
    for (std::size_t k = 0; k < widths_[i] + 2; ++k) line += "\u2500";
  }
  line += right;
  out_ << line << '\n';
}

void BoxTableWriter::DrawRow(const Cells& row, bool header) {
  std::string line = "\u2502";
  for (std::size_t i = 0; i < widths_.size(); ++i) {
    const std::string text = Elide(row[i].text, widths_[i]);
    const std::string pad(widths_[i] - DisplayWidth(text), ' ');
    line += ' ';
    if (header && options_.color) line += "\033[1m";
    line += row[i].numeric ? pad + text : text + pad;
    if (header && options_.color) line += "\033[0m";
    line += " \u2502";
  }
  out_ << line << '\n';
}

void BoxTableWriter::ShowLiveCount() {
  const auto now = std::chrono::steady_clock::now();
  if (now - last_live_ < kLiveCountInterval) return;
  last_live_ = now;
  out_ << fmt::format("\r\033[K{} {} rows so far (Ctrl-C stops)", kVerticalEllipsis, FormatCount(rows_))
       << std::flush;
  live_shown_ = true;
}

void BoxTableWriter::ClearLiveCount() {
  if (live_shown_) out_ << "\r\033[K";
  live_shown_ = false;
}

void BoxTableWriter::End() {
  if (ended_ || header_.empty()) return;
  ended_ = true;
  ClearLiveCount();
  if (!top_drawn_) {
    DrawTop(held_.size());
  } else if (options_.max_rows > 0) {
    if (rows_ > shown_ + held_.size()) {
      Cells dots(header_.size(), Cell{std::string(kVerticalEllipsis), false});
      DrawRow(dots);
    }
    for (std::size_t k = 0; k < held_.size(); ++k) DrawRow(held_[(held_start_ + k) % held_.size()]);
    shown_ += held_.size();
  }
  held_.clear();
  DrawRule("\u2514", "\u2534", "\u2518");
  out_.flush();
}

// Graphs go to a graph writer instead (result_mode.h).
void BoxTableWriter::WriteTriple(const rdf::QuadView&) {}

void BoxTableWriter::WriteBoolean(bool value) { out_ << (value ? "true\n" : "false\n"); }


LineWriter::LineWriter(std::ostream& out, Prefixes prefixes)
    : out_(out), prefixes_(std::move(prefixes)) {}

void LineWriter::Begin(const std::vector<std::string>& variables) {
  variables_ = variables;
  name_width_ = 0;
  for (const std::string& v : variables_) name_width_ = std::max(name_width_, v.size() + 1);
}

void LineWriter::WriteRow(query::Row row) {
  if (rows_++ > 0) out_ << '\n';
  for (std::size_t i = 0; i < row.size() && i < variables_.size(); ++i) {
    out_ << fmt::format("{:>{}} = {}\n", "?" + variables_[i], name_width_,
                        row[i] ? ShortTermText(*row[i], prefixes_) : std::string());
  }
}

void LineWriter::WriteTriple(const rdf::QuadView&) {}

void LineWriter::WriteBoolean(bool value) { out_ << (value ? "true\n" : "false\n"); }

}  // namespace silk::shell::repl
