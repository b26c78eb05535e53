// silk_serve_load: many concurrent clients sending a mix of SPARQL queries to one endpoint,
// every answer checked, every latency recorded. It drives `silk serve` and any other SPARQL 1.1
// Protocol endpoint (Virtuoso's, in bench/serve_load.sh) the same way.
//
//   silk_serve_load [options] ENDPOINT_URL EXPECT_DIR QUERY.rq...
//     --engine NAME     the name on the output lines (default: endpoint)
//     --clients N       concurrent clients, each with its own keep-alive connection (32)
//     --requests N      requests in all, shared out among the clients (1000)
//     --seconds S       no request starts after S seconds (600), so a slow endpoint is bounded
//     --compare exact|values
//                       exact: an answer's TSV lines are those of an accepted answer, in any
//                       order; values: the same after each term is reduced to its lexical
//                       value (no quotes, <>, language or datatype), for endpoints whose TSV
//                       spells terms their own way (Virtuoso quotes IRIs and drops languages)
//
// Request i (from 0) asks query i mod Q by GET with `Accept: text/tab-separated-values`. The
// accepted answers of NAME.rq are the files EXPECT_DIR/NAME.tsv and EXPECT_DIR/NAME.*.tsv: a
// query over data a concurrent load does not touch has one; a query over the graph being
// loaded has two, the graph before and after the load, so a partial commit is a wrong answer.
// Prints, per query and then for all of them (latencies in ms, of answered requests):
//
//   engine=NAME query=Q requests=N ok=N wrong=N failed=N rows=R p50_ms=X p99_ms=Y mean_ms=Z
//   engine=NAME query=all requests=N ok=N wrong=N failed=N seconds=S throughput_rps=T p50_ms=X p99_ms=Y
//
// and, for a query with more than one accepted answer, how often each was seen. Exit code 0
// when every request was answered (200) with an accepted answer, 1 otherwise (the first few
// problems go to stderr), 2 for bad arguments.
#include <fmt/format.h>
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

enum class Compare { kExact, kValues };

struct Options {
  std::string engine = "endpoint";
  int clients = 32;
  long requests = 1000;
  double seconds = 600;
  Compare compare = Compare::kExact;
  std::string url;
  fs::path expect_dir;
  std::vector<fs::path> queries;
};

// One accepted answer, as the multiset of its lines (the header included), sorted.
using Answer = std::vector<std::string>;

struct Query {
  std::string name;
  std::string text;
  std::vector<std::string> answer_names;  // the expect files' names, for the report
  std::vector<Answer> answers;
};

// What one request came to.
struct Outcome {
  bool sent = false;  // false: the time ran out before it was sent
  double ms = 0;
  bool answered = false;  // a 200 came back
  int accepted = -1;      // which accepted answer it was, -1: none
  std::size_t rows = 0;
};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A decimal without the zeros that do not change its value ("12.90" → "12.9", "10.0" → "10"),
// since endpoints write decimals either as stored or in canonical form; anything else as is.
std::string_view WithoutTrailingZeros(std::string_view text) {
  const std::size_t point = text.find('.');
  if (point == std::string_view::npos || text.find_first_not_of("+-0123456789.") != std::string_view::npos ||
      text.find('.', point + 1) != std::string_view::npos) {
    return text;
  }
  while (text.back() == '0') text.remove_suffix(1);
  if (text.back() == '.') text.remove_suffix(1);
  return text;
}

// A TSV term reduced to its lexical value: <iri> and "iri" → iri, "text"@lang and
// "text"^^<datatype> → text, ?var → var; a bare number or date stays as it is.
std::string LexicalValue(std::string_view cell) {
  if (cell.size() >= 2 && cell.front() == '<' && cell.back() == '>') {
    return std::string(cell.substr(1, cell.size() - 2));
  }
  if (!cell.empty() && cell.front() == '?') return std::string(cell.substr(1));
  if (!cell.empty() && cell.front() == '"') {
    const std::size_t close = cell.rfind('"');
    if (close > 0) cell = cell.substr(1, close - 1);
  }
  return std::string(WithoutTrailingZeros(cell));
}

// The lines of a TSV body, each reduced to lexical values when comparing values, sorted.
Answer ReadAnswer(std::string_view body, Compare compare) {
  Answer lines;
  std::size_t start = 0;
  while (start < body.size()) {
    std::size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    std::string_view line = body.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (compare == Compare::kExact) {
      lines.emplace_back(line);
    } else {
      std::string reduced;
      std::size_t cell_start = 0;
      while (true) {
        const std::size_t tab = line.find('\t', cell_start);
        reduced += LexicalValue(line.substr(cell_start, tab - cell_start));
        if (tab == std::string_view::npos) break;
        reduced += '\t';
        cell_start = tab + 1;
      }
      lines.push_back(std::move(reduced));
    }
    start = end + 1;
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

std::optional<Query> ReadQuery(const fs::path& file, const Options& options) {
  Query query;
  query.name = file.stem().string();
  query.text = ReadFile(file);
  std::vector<fs::path> expected;
  for (const fs::directory_entry& entry : fs::directory_iterator(options.expect_dir)) {
    const std::string name = entry.path().filename().string();
    if (name == query.name + ".tsv" ||
        (name.starts_with(query.name + ".") && name.ends_with(".tsv"))) {
      expected.push_back(entry.path());
    }
  }
  std::sort(expected.begin(), expected.end());
  if (query.text.empty() || expected.empty()) {
    fmt::print(stderr, "silk_serve_load: {} is empty or has no accepted answer {}/{}.tsv\n",
               file.string(), options.expect_dir.string(), query.name);
    return std::nullopt;
  }
  for (const fs::path& path : expected) {
    query.answer_names.push_back(path.filename().string());
    query.answers.push_back(ReadAnswer(ReadFile(path), options.compare));
  }
  return query;
}

double Percentile(std::vector<double> values, double fraction) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(rank, values.size() - 1)];
}

// The endpoint's scheme://host:port and path, from http://host:port/path.
bool SplitUrl(const std::string& url, std::string& origin, std::string& path) {
  const std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return false;
  const std::size_t slash = url.find('/', scheme_end + 3);
  origin = url.substr(0, slash);
  path = slash == std::string::npos ? "/" : url.substr(slash);
  return true;
}

int Usage(const std::string& problem) {
  fmt::print(stderr,
             "silk_serve_load: {}\nusage: silk_serve_load [--engine NAME] [--clients N] [--requests N] "
             "[--seconds S] [--compare exact|values] ENDPOINT_URL EXPECT_DIR QUERY.rq...\n",
             problem);
  return 2;
}

std::optional<Options> ReadOptions(int argc, char** argv, std::string& problem) {
  Options options;
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    char* end = nullptr;
    if (arg == "--engine" && has_value) {
      options.engine = argv[++i];
    } else if (arg == "--clients" && has_value) {
      options.clients = static_cast<int>(std::strtol(argv[++i], &end, 10));
      if (*end != '\0' || options.clients < 1 || options.clients > 1024) {
        problem = "--clients takes a number from 1 to 1024";
        return std::nullopt;
      }
    } else if (arg == "--requests" && has_value) {
      options.requests = std::strtol(argv[++i], &end, 10);
      if (*end != '\0' || options.requests < 1) {
        problem = "--requests takes a positive number";
        return std::nullopt;
      }
    } else if (arg == "--seconds" && has_value) {
      options.seconds = std::strtod(argv[++i], &end);
      if (*end != '\0' || !(options.seconds > 0)) {
        problem = "--seconds takes a positive number";
        return std::nullopt;
      }
    } else if (arg == "--compare" && has_value) {
      const std::string how = argv[++i];
      if (how != "exact" && how != "values") {
        problem = "--compare takes exact or values";
        return std::nullopt;
      }
      options.compare = how == "exact" ? Compare::kExact : Compare::kValues;
    } else if (arg.starts_with("--")) {
      problem = fmt::format("unknown option {} (or its value is missing)", arg);
      return std::nullopt;
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.size() < 3) {
    problem = "an endpoint URL, a folder of accepted answers and at least one query are needed";
    return std::nullopt;
  }
  options.url = positional[0];
  options.expect_dir = positional[1];
  options.queries.assign(positional.begin() + 2, positional.end());
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  std::string problem;
  const std::optional<Options> read = ReadOptions(argc, argv, problem);
  if (!read) return Usage(problem);
  const Options& options = *read;
  std::string origin, path;
  if (!SplitUrl(options.url, origin, path)) return Usage("the endpoint must be an http://HOST:PORT/PATH URL");
  std::vector<Query> queries;
  for (const fs::path& file : options.queries) {
    std::optional<Query> query = ReadQuery(file, options);
    if (!query) return 2;
    queries.push_back(std::move(*query));
  }

  // Every request's outcome, by request number: each client writes only the slots it took.
  std::vector<Outcome> outcomes(static_cast<std::size_t>(options.requests));
  std::atomic<long> next{0};
  std::mutex report_mutex;
  int reported = 0;
  const Clock::time_point start = Clock::now();
  const Clock::time_point deadline =
      start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.seconds));

  auto client = [&] {
    httplib::Client http(origin);
    http.set_keep_alive(true);
    http.set_tcp_nodelay(true);  // a request goes out at once, whatever the endpoint
    http.set_connection_timeout(std::chrono::seconds(10));
    http.set_read_timeout(std::chrono::seconds(static_cast<long>(options.seconds) + 60));
    const httplib::Headers headers = {{"Accept", "text/tab-separated-values"}};
    while (true) {
      const long i = next.fetch_add(1);
      if (i >= options.requests || Clock::now() >= deadline) return;
      const Query& query = queries[static_cast<std::size_t>(i) % queries.size()];
      Outcome& outcome = outcomes[static_cast<std::size_t>(i)];
      outcome.sent = true;
      const Clock::time_point sent = Clock::now();
      httplib::Result result = http.Get(path, {{"query", query.text}}, headers);
      outcome.ms = std::chrono::duration<double, std::milli>(Clock::now() - sent).count();
      std::string problem_text;
      if (!result) {
        problem_text = fmt::format("no answer ({})", httplib::to_string(result.error()));
      } else if (result->status != 200) {
        problem_text = fmt::format("status {}: {}", result->status, result->body.substr(0, 300));
      } else {
        outcome.answered = true;
        const Answer answer = ReadAnswer(result->body, options.compare);
        outcome.rows = answer.empty() ? 0 : answer.size() - 1;  // minus the header
        for (std::size_t a = 0; a < query.answers.size(); ++a) {
          if (answer == query.answers[a]) outcome.accepted = static_cast<int>(a);
        }
        if (outcome.accepted < 0) {
          const std::string_view body = result->body;
          const std::size_t row = body.find('\n') + 1;  // the first row, after the header
          problem_text = fmt::format("a wrong answer of {} rows, the first '{}' (accepted: {})", outcome.rows,
                                     body.substr(row, std::min<std::size_t>(body.find('\n', row) - row, 120)),
                                     fmt::join(query.answer_names, ", "));
        }
      }
      if (!problem_text.empty()) {
        const std::lock_guard lock(report_mutex);
        if (++reported <= 5) {
          fmt::print(stderr, "silk_serve_load: {} request {} ({}): {}\n", options.engine, i,
                     query.name, problem_text);
        }
      }
    }
  };
  std::vector<std::thread> clients;
  for (int c = 0; c < options.clients; ++c) clients.emplace_back(client);
  for (std::thread& thread : clients) thread.join();
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();

  // Per query, then all together.
  long all_ok = 0, all_wrong = 0, all_failed = 0;
  std::vector<double> all_ms;
  for (std::size_t q = 0; q < queries.size(); ++q) {
    long ok = 0, wrong = 0, failed = 0;
    std::size_t rows = 0;
    std::vector<double> ms;
    std::vector<long> seen(queries[q].answers.size(), 0);
    for (std::size_t i = q; i < outcomes.size(); i += queries.size()) {
      const Outcome& outcome = outcomes[i];
      if (!outcome.sent) continue;
      if (!outcome.answered) {
        ++failed;
        continue;
      }
      ms.push_back(outcome.ms);
      rows = outcome.rows;
      if (outcome.accepted < 0) {
        ++wrong;
      } else {
        ++ok;
        ++seen[static_cast<std::size_t>(outcome.accepted)];
      }
    }
    double total = 0;
    for (double v : ms) total += v;
    std::string answers;
    if (seen.size() > 1) {
      for (std::size_t a = 0; a < seen.size(); ++a) {
        answers += fmt::format(" seen:{}={}", queries[q].answer_names[a], seen[a]);
      }
    }
    fmt::print("engine={} query={} requests={} ok={} wrong={} failed={} rows={} p50_ms={:.2f} p99_ms={:.2f} mean_ms={:.2f}{}\n",
               options.engine, queries[q].name, ok + wrong + failed, ok, wrong, failed, rows,
               Percentile(ms, 0.5), Percentile(ms, 0.99), ms.empty() ? 0.0 : total / static_cast<double>(ms.size()),
               answers);
    all_ok += ok;
    all_wrong += wrong;
    all_failed += failed;
    all_ms.insert(all_ms.end(), ms.begin(), ms.end());
  }
  const long sent = all_ok + all_wrong + all_failed;
  fmt::print("engine={} query=all requests={} ok={} wrong={} failed={} clients={} seconds={:.2f} throughput_rps={:.1f} p50_ms={:.2f} p99_ms={:.2f}\n",
             options.engine, sent, all_ok, all_wrong, all_failed, options.clients, seconds,
             static_cast<double>(sent) / seconds, Percentile(all_ms, 0.5), Percentile(all_ms, 0.99));
  return all_wrong == 0 && all_failed == 0 ? 0 : 1;
}
