// Damage is never silent: a store whose MANIFEST, write-ahead log, SST files, CURRENT or
// OPTIONS file was truncated or had bytes flipped is reported as damaged (exit code 3 and the
// word "damaged") by `silk check`, by `silk query` and by `silk load`, and no command deletes
// any of its files on the way.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "tests/shell/silk_process.h"

namespace silk::testing {
namespace {

namespace fs = std::filesystem;

// Enough quads for a commit that ingests SST files (more than 2^18 RocksDB entries), then two
// small commits that stay in the write-ahead log.
constexpr int kBulkQuads = 70000;
constexpr char kCountQuery[] = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";

std::string Lines(const std::string& prefix, int n) {
  std::string text;
  for (int i = 0; i < n; ++i) {
    text += "<http://e/" + prefix + std::to_string(i) + "> <http://e/p> \"v" + std::to_string(i) + "\" .\n";
  }
  return text;
}

// name → size of every file in the store, subdirectories included, but RocksDB's diagnostic
// LOG files, which every open rotates.
std::map<std::string, std::uintmax_t> Listing(const fs::path& dir) {
  std::map<std::string, std::uintmax_t> files;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && !entry.path().filename().string().starts_with("LOG")) {
      files[fs::relative(entry.path(), dir).string()] = entry.file_size();
    }
  }
  return files;
}

// The store's file whose name passes `pick`, the largest if several do.
fs::path FileIn(const fs::path& dir, const std::function<bool(const std::string&)>& pick) {
  fs::path best;
  std::uintmax_t best_size = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && pick(name) && (best.empty() || entry.file_size() > best_size)) {
      best = entry.path();
      best_size = entry.file_size();
    }
  }
  return best;
}

void Truncate(const fs::path& file, std::uintmax_t bytes) {
  fs::resize_file(file, fs::file_size(file) - bytes);
}

// Inverts 4 bytes at `offset` (negative: from the end).
void Flip(const fs::path& file, long offset) {
  std::string bytes = ReadFile(file.string());
  ASSERT_GE(bytes.size(), 8u) << file;
  std::size_t at = offset >= 0 ? static_cast<std::size_t>(offset)
                               : bytes.size() - static_cast<std::size_t>(-offset);
  at = std::min(at, bytes.size() - 4);
  for (std::size_t i = at; i < at + 4; ++i) bytes[i] = static_cast<char>(~bytes[i]);
  WriteFile(file.string(), bytes);
}

struct Damage {
  std::string name;
  std::function<bool(const std::string&)> file;
  std::function<void(const fs::path&)> harm;
  bool every_command = true;  // else only `silk check`, which reads every block
};

bool IsManifest(const std::string& n) { return n.starts_with("MANIFEST-"); }
bool IsLog(const std::string& n) { return n.ends_with(".log"); }
bool IsSst(const std::string& n) { return n.ends_with(".sst"); }
bool IsCurrent(const std::string& n) { return n == "CURRENT"; }
bool IsOptions(const std::string& n) { return n.starts_with("OPTIONS-"); }

std::vector<Damage> Damages() {
  auto middle = [](const fs::path& f) { Flip(f, static_cast<long>(fs::file_size(f) / 2)); };
  return {
      {"MANIFEST truncated by 1 byte", IsManifest, [](const fs::path& f) { Truncate(f, 1); }},
      {"MANIFEST truncated by half", IsManifest, [](const fs::path& f) { Truncate(f, fs::file_size(f) / 2); }},
      {"MANIFEST 4 bytes flipped in the middle", IsManifest, middle},
      {"MANIFEST 4 bytes flipped near the end", IsManifest, [](const fs::path& f) { Flip(f, -6); }},
      {"WAL truncated by 1 byte", IsLog, [](const fs::path& f) { Truncate(f, 1); }},
      {"WAL truncated by 20 bytes", IsLog, [](const fs::path& f) { Truncate(f, 20); }},
      {"WAL 4 bytes flipped in the middle", IsLog, middle},
      {"WAL 4 bytes flipped near the end", IsLog, [](const fs::path& f) { Flip(f, -10); }},
      {"WAL 4 bytes flipped in the first header", IsLog, [](const fs::path& f) { Flip(f, 0); }},
      {"SST truncated by 1 byte", IsSst, [](const fs::path& f) { Truncate(f, 1); }},
      {"SST footer flipped", IsSst, [](const fs::path& f) { Flip(f, -8); }},
      {"SST 4 bytes flipped in a data block", IsSst, [](const fs::path& f) { Flip(f, 100); },
       /*every_command=*/false},
      {"CURRENT truncated by 1 byte", IsCurrent, [](const fs::path& f) { Truncate(f, 1); }},
      {"CURRENT 4 bytes flipped", IsCurrent, [](const fs::path& f) { Flip(f, 9); }},
      {"CURRENT emptied", IsCurrent, [](const fs::path& f) { fs::resize_file(f, 0); }},
      {"OPTIONS truncated by 1 byte", IsOptions, [](const fs::path& f) { Truncate(f, 1); }},
      {"OPTIONS 4 bytes flipped", IsOptions, middle},
  };
}

class StoreDamage : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    WriteFile(dir_->Sub("bulk.nt"), Lines("bulk", kBulkQuads));
    WriteFile(dir_->Sub("a.nt"), Lines("a", 50));
    WriteFile(dir_->Sub("b.nt"), Lines("b", 50));
    WriteFile(dir_->Sub("c.nt"), Lines("c", 5));
    for (const char* file : {"bulk.nt", "a.nt", "b.nt"}) {
      ProcessResult loaded = RunSilk({"--db", Template(), "load", dir_->Sub(file)});
      ASSERT_EQ(loaded.exit_code, 0) << loaded.err;
    }
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string Template() { return dir_->Sub("template"); }

  // A fresh copy of the template store.
  std::string Copy(const std::string& name) {
    const std::string db = dir_->Sub(name);
    fs::remove_all(db);
    fs::copy(Template(), db, fs::copy_options::recursive);
    return db;
  }

  static TempDir* dir_;
};

TempDir* StoreDamage::dir_ = nullptr;

TEST_F(StoreDamage, AnUndamagedCopyPasses) {
  const std::string db = Copy("sound");
  ProcessResult check = RunSilk({"--db", db, "check"});
  EXPECT_EQ(check.exit_code, 0) << check.err;
  EXPECT_NE(check.out.find("ok: " ), std::string::npos) << check.out;
  ProcessResult count = RunSilk({"--db", db, "query", kCountQuery, "--format", "tsv"});
  EXPECT_EQ(count.out, "?n\n" + std::to_string(kBulkQuads + 100) + "\n") << count.err;
}

TEST_F(StoreDamage, EveryDamageIsReportedAndNothingIsDeleted) {
  int tried = 0;
  int reports = 0;
  for (const Damage& damage : Damages()) {
    SCOPED_TRACE(damage.name);
    const std::string db = Copy("damaged");
    const fs::path file = FileIn(db, damage.file);
    ASSERT_FALSE(file.empty()) << "no such file in the store";
    damage.harm(file);
    ++tried;
    const std::map<std::string, std::uintmax_t> before = Listing(db);
    std::vector<std::vector<std::string>> commands = {{"--db", db, "check"}};
    if (damage.every_command) {
      commands.push_back({"--db", db, "query", kCountQuery, "--format", "tsv"});
      commands.push_back({"--db", db, "load", dir_->Sub("c.nt")});
      commands.push_back({"--db", db, "query", "INSERT DATA { <http://e/x> <http://e/p> 1 }"});
      commands.push_back({"--db", db, "check"});  // after the writes were refused
    }
    for (const std::vector<std::string>& command : commands) {
      SCOPED_TRACE(command[2]);
      ProcessResult result = RunSilk(command);
      EXPECT_EQ(result.exit_code, 3) << result.out << result.err;
      EXPECT_NE(result.err.find("damaged"), std::string::npos) << result.err;
      ++reports;
    }
    EXPECT_EQ(Listing(db), before);
  }
  std::printf("[ corruption ] %d damaged stores, %d commands reported damage\n", tried, reports);
}

}  // namespace
}  // namespace silk::testing
