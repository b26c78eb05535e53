#include "server/media_types.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <vector>

namespace silk::server {
namespace {

struct Offer {
  query::ResultFormat format;
  std::string_view media_type;  // the one we answer with
  std::string_view also;        // another name clients use for it (empty: none)
};

// In the server's order of preference for each kind of result.
constexpr Offer kSolutionOffers[] = {
    {query::ResultFormat::kJson, "application/sparql-results+json", "application/json"},
    {query::ResultFormat::kXml, "application/sparql-results+xml", "application/xml"},
    {query::ResultFormat::kCsv, "text/csv", ""},
    {query::ResultFormat::kTsv, "text/tab-separated-values", ""},
    {query::ResultFormat::kTable, "text/plain", ""},
};
constexpr Offer kGraphOffers[] = {
    {query::ResultFormat::kTurtle, "text/turtle", "application/x-turtle"},
    {query::ResultFormat::kNTriples, "application/n-triples", "text/plain"},
    {query::ResultFormat::kNQuads, "application/n-quads", ""},
    {query::ResultFormat::kTrig, "application/trig", ""},
};

std::span<const Offer> OffersFor(query::ResultKind kind) {
  if (kind == query::ResultKind::kGraph) return kGraphOffers;
  return kSolutionOffers;
}

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

std::string_view Trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// One media range of an Accept header: "text/*;q=0.5" → {"text/*", 0.5}.
struct Range {
  std::string type;
  double q = 1;
};

std::vector<Range> ParseAccept(std::string_view accept) {
  std::vector<Range> ranges;
  while (!accept.empty()) {
    const std::size_t comma = accept.find(',');
    std::string_view item = accept.substr(0, comma);
    accept = comma == std::string_view::npos ? std::string_view() : accept.substr(comma + 1);
    const std::size_t semicolon = item.find(';');
    Range range{Lower(Trim(item.substr(0, semicolon))), 1};
    if (range.type.empty()) continue;
    std::string_view params =
        semicolon == std::string_view::npos ? std::string_view() : item.substr(semicolon + 1);
    while (!params.empty()) {
      const std::size_t next = params.find(';');
      const std::string_view param = Trim(params.substr(0, next));
      params = next == std::string_view::npos ? std::string_view() : params.substr(next + 1);
      if (param.size() > 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') {
        const std::string value(param.substr(2));
        char* end = nullptr;
        const double q = std::strtod(value.c_str(), &end);
        range.q = end == value.c_str() + value.size() ? std::clamp(q, 0.0, 1.0) : 0.0;
      }
    }
    ranges.push_back(std::move(range));
  }
  return ranges;
}

// How specific `range` is for `type` (3 exact, 2 "text/*", 1 "*/*"), or 0 when it does not
// match.
int Specificity(std::string_view range, std::string_view type) {
  if (range == type) return 3;
  if (range == "*/*" || range == "*") return 1;
  if (range.ends_with("/*") && type.starts_with(range.substr(0, range.size() - 1))) return 2;
  return 0;
}

// How `ranges` rate `type`: the q-value of the most specific range that matches it, and that
// range's specificity (0 and 0 when none does).
struct Rating {
  int specificity = 0;
  double q = 0;
};

Rating RatingOf(const std::vector<Range>& ranges, std::string_view type) {
  Rating rating;
  for (const Range& range : ranges) {
    const int specificity = Specificity(range.type, type);
    if (specificity > rating.specificity) rating = {specificity, range.q};
  }
  return rating;
}

}  // namespace

std::optional<query::ResultFormat> NegotiateFormat(std::string_view accept,
                                                   query::ResultKind kind) {
  const std::span<const Offer> offers = OffersFor(kind);
  const std::vector<Range> ranges = ParseAccept(accept);
  if (ranges.empty()) return offers.front().format;
  std::optional<query::ResultFormat> chosen;
  double best = 0;
  for (const Offer& offer : offers) {
    // Either name may be the one asked for; the more specific mention decides.
    Rating rating = RatingOf(ranges, offer.media_type);
    if (!offer.also.empty()) {
      const Rating also = RatingOf(ranges, offer.also);
      if (also.specificity > rating.specificity) rating = also;
    }
    const double q = rating.q;
    if (q > best) {
      best = q;
      chosen = offer.format;
    }
  }
  return chosen;
}

std::string ContentTypeOf(query::ResultFormat format) {
  for (const auto& offers : {std::span<const Offer>(kSolutionOffers), std::span<const Offer>(kGraphOffers)}) {
    for (const Offer& offer : offers) {
      if (offer.format == format) return fmt::format("{}; charset=utf-8", offer.media_type);
    }
  }
  return "application/octet-stream";
}

std::string MediaTypesFor(query::ResultKind kind) {
  std::vector<std::string_view> types;
  for (const Offer& offer : OffersFor(kind)) types.push_back(offer.media_type);
  return fmt::format("{}", fmt::join(types, ", "));
}

ContentType ParseContentType(std::string_view header) {
  ContentType parsed;
  const std::size_t semicolon = header.find(';');
  parsed.essence = Lower(Trim(header.substr(0, semicolon)));
  if (semicolon == std::string_view::npos) return parsed;
  std::string_view params = header.substr(semicolon + 1);
  while (!params.empty()) {
    const std::size_t next = params.find(';');
    const std::string param = Lower(Trim(params.substr(0, next)));
    params = next == std::string_view::npos ? std::string_view() : params.substr(next + 1);
    if (param.starts_with("charset=")) {
      std::string charset = param.substr(8);
      if (charset.size() >= 2 && charset.front() == '"' && charset.back() == '"') {
        charset = charset.substr(1, charset.size() - 2);
      }
      parsed.charset = charset;
    }
  }
  return parsed;
}

std::optional<rdf::RdfFormat> RdfFormatOfMediaType(std::string_view essence) {
  if (essence == "application/n-triples" || essence == "text/plain") return rdf::RdfFormat::kNTriples;
  if (essence == "application/n-quads") return rdf::RdfFormat::kNQuads;
  if (essence == "text/turtle" || essence == "application/x-turtle") return rdf::RdfFormat::kTurtle;
  if (essence == "application/trig") return rdf::RdfFormat::kTriG;
  return std::nullopt;
}

}  // namespace silk::server
