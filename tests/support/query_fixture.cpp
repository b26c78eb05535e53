#include "tests/support/query_fixture.h"

#include <algorithm>
#include <atomic>
#include <regex>
#include <sstream>

#include "engine/load/loader.h"
#include "engine/storage/rocks_store.h"
#include "grammar/rdf/ntriples_writer.h"

namespace silk::testing {
namespace {

// Collects SELECT rows as text.
class RowCollector final : public query::ResultWriter {
 public:
  void Begin(const std::vector<std::string>& variables) override { variables_ = variables; }
  void WriteRow(query::Row row) override {
    std::string text;
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (!row[i]) continue;
      if (!text.empty()) text += ' ';
      text += "?" + variables_[i] + "=";
      rdf::AppendTerm(text, *row[i]);
    }
    rows.push_back(text);
  }
  void WriteTriple(const rdf::QuadView&) override {}
  void End() override {}
  void WriteBoolean(bool value) override { rows.push_back(value ? "true" : "false"); }

  std::vector<std::string> rows;

 private:
  std::vector<std::string> variables_;
};

}  // namespace

void QueryFixture::SetUp() {
  static std::atomic<int> counter{0};
  dir_ = std::filesystem::temp_directory_path() /
         ("silk-query-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(dir_);
  auto store = storage::OpenRocksStore(dir_.string(), {}, tuning_);
  ASSERT_TRUE(store.ok()) << store.status().message();
  store_ = std::move(store).value();
  options_.reject_unbound_projections = false;
}

void QueryFixture::TearDown() {
  if (store_) {
    const Status check = store_->Check();
    EXPECT_TRUE(check.ok()) << check.message();
  }
  store_.reset();
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

void QueryFixture::Load(const std::string& nquads) {
  std::unique_ptr<storage::WriteTransaction> tx = store_->BeginWrite();
  std::istringstream in(nquads);
  load::LoadOptions options;
  options.format = rdf::RdfFormat::kNQuads;
  Result<load::LoadCounts> counts = load::LoadInto(*tx, in, options);
  ASSERT_TRUE(counts.ok()) << counts.status().message();
  const Status commit = tx->Commit();
  ASSERT_TRUE(commit.ok()) << commit.message();
}

Status QueryFixture::Try(const std::string& sparql, std::string* output,
                         query::ResultFormat format) {
  auto request = query::Prepare(sparql, options_);
  if (!request.ok()) return request.status();
  std::ostringstream out;
  std::unique_ptr<query::ResultWriter> writer = query::MakeResultWriter(format, out);
  std::string plan;
  Status status = query::Execute(**request, *store_, *writer, options_, &plan);
  if (output != nullptr) *output = plan.empty() ? out.str() : plan;
  return status;
}

std::string QueryFixture::Run(const std::string& sparql, query::ResultFormat format) {
  std::string output;
  const Status status = Try(sparql, &output, format);
  EXPECT_TRUE(status.ok()) << status.message();
  return output;
}

std::vector<std::string> QueryFixture::Rows(const std::string& sparql) {
  auto request = query::Prepare(sparql, options_);
  if (!request.ok()) {
    ADD_FAILURE() << request.status().message();
    return {};
  }
  RowCollector collector;
  const Status status = query::Execute(**request, *store_, collector, options_);
  EXPECT_TRUE(status.ok()) << status.message();
  std::sort(collector.rows.begin(), collector.rows.end());
  return collector.rows;
}

std::string QueryFixture::Plan(const std::string& sparql) {
  const std::string explained = Run("EXPLAIN " + sparql);
  const std::size_t plan = explained.find("Plan:\n");
  return plan == std::string::npos ? explained : explained.substr(plan + 6);
}

std::string QueryFixture::Rewritten(const std::string& sparql) {
  const std::string explained = Run("EXPLAIN " + sparql);
  const std::size_t from = explained.find("Rewritten:\n");
  const std::size_t to = explained.find("Plan:\n");
  if (from == std::string::npos || to == std::string::npos) return explained;
  return explained.substr(from + 11, to - from - 11);
}

std::pair<double, double> QueryFixture::EstimatedAndActual(const std::string& sparql,
                                                           const std::string& op) {
  const std::string analyzed = Run("EXPLAIN ANALYZE " + sparql);
  std::istringstream lines(analyzed.substr(std::min(analyzed.find("Plan:\n"), analyzed.size())));
  const std::regex numbers(R"(\(estimated ([0-9.e+]+) rows, actual ([0-9]+)\)$)");
  for (std::string line; std::getline(lines, line);) {
    const std::size_t start = line.find_first_not_of(' ');
    std::smatch m;
    if (start == std::string::npos || line.compare(start, op.size(), op) != 0 ||
        !std::regex_search(line, m, numbers)) {
      continue;
    }
    return {std::stod(m[1].str()), std::stod(m[2].str())};
  }
  ADD_FAILURE() << "no operator " << op << " in\n" << analyzed;
  return {-1, -1};
}

void AgainstNaive::ExpectSameRows(const std::string& query) {
  options_.rewrite = true;
  const std::vector<std::string> rewritten = Rows(query);
  options_.rewrite = false;
  const std::vector<std::string> naive = Rows(query);
  options_.rewrite = true;
  EXPECT_EQ(rewritten, naive) << query;
}

}  // namespace silk::testing
