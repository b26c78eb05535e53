#include "shell/live_store.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "shell/store_location.h"

namespace silk::shell {
namespace {

using storage::Snapshot;
using storage::Store;
using storage::WriteTransaction;

// A snapshot that keeps the store it reads open, whatever the session opens after it.
class HeldSnapshot final : public Snapshot {
 public:
  explicit HeldSnapshot(std::shared_ptr<Store> store)
      : store_(std::move(store)), inner_(store_->GetSnapshot()) {}
  std::unique_ptr<storage::QuadIterator> Scan(const storage::QuadPattern& pattern) const override {
    return inner_->Scan(pattern);
  }
  Result<std::uint64_t> Count(const storage::QuadPattern& pattern) const override {
    return inner_->Count(pattern);
  }
  Result<std::vector<storage::GroupCount>> CountPer(
      const storage::CountRequest& request) const override {
    return inner_->CountPer(request);
  }
  std::uint64_t Estimate(const storage::QuadPattern& pattern) const override {
    return inner_->Estimate(pattern);
  }
  Result<storage::StoreStats> Stats() const override { return inner_->Stats(); }
  Result<std::optional<storage::TermId>> Lookup(const rdf::TermView& term) const override {
    return inner_->Lookup(term);
  }
  Result<std::vector<storage::TextMatch>> MatchText(std::string_view query) const override {
    return inner_->MatchText(query);
  }
  std::uint64_t EstimateText(std::string_view query) const override {
    return inner_->EstimateText(query);
  }
  Result<rdf::Term> Decode(storage::TermId id) const override { return inner_->Decode(id); }
  Result<std::vector<rdf::Term>> DecodeMany(std::span<const storage::TermId> ids) const override {
    return inner_->DecodeMany(ids);
  }
  Result<std::vector<std::string>> IrisWithPrefix(std::string_view prefix,
                                                  std::size_t limit) const override {
    return inner_->IrisWithPrefix(prefix, limit);
  }

 private:
  std::shared_ptr<Store> store_;  // first in, last out: outlives inner_
  std::unique_ptr<Snapshot> inner_;
};

// A transaction that holds the store open for writing until it is destroyed.
class HeldTransaction final : public WriteTransaction {
 public:
  HeldTransaction(std::shared_ptr<Store> writer, const storage::WriteOptions& options)
      : writer_(std::move(writer)), inner_(writer_->BeginWrite(options)) {}
  void NewBlankNodeScope() override { inner_->NewBlankNodeScope(); }
  Result<storage::TermId> Encode(const rdf::TermView& term) override { return inner_->Encode(term); }
  Status Insert(const rdf::QuadView& quad) override { return inner_->Insert(quad); }
  Status Insert(const storage::QuadIds& quad) override { return inner_->Insert(quad); }
  Status Delete(const rdf::QuadView& quad) override { return inner_->Delete(quad); }
  Status Delete(const storage::QuadIds& quad) override { return inner_->Delete(quad); }
  std::uint64_t inserted() const override { return inner_->inserted(); }
  std::uint64_t deleted() const override { return inner_->deleted(); }
  Status Commit() override { return inner_->Commit(); }
  CommitProgress commit_progress() const override { return inner_->commit_progress(); }

 private:
  std::shared_ptr<Store> writer_;  // first in, last out: outlives inner_
  std::unique_ptr<WriteTransaction> inner_;
};

// The transaction of a write that could not start: every step says why.
class FailedTransaction final : public WriteTransaction {
 public:
  explicit FailedTransaction(Status status) : status_(std::move(status)) {}
  void NewBlankNodeScope() override {}
  Result<storage::TermId> Encode(const rdf::TermView&) override { return status_; }
  Status Insert(const rdf::QuadView&) override { return status_; }
  Status Insert(const storage::QuadIds&) override { return status_; }
  Status Delete(const rdf::QuadView&) override { return status_; }
  Status Delete(const storage::QuadIds&) override { return status_; }
  std::uint64_t inserted() const override { return 0; }
  std::uint64_t deleted() const override { return 0; }
  Status Commit() override { return status_; }
  CommitProgress commit_progress() const override { return {}; }

 private:
  Status status_;
};


}  // namespace

Result<std::unique_ptr<LiveStore>> LiveStore::Open(const std::string& dir) {
  Result<std::unique_ptr<Store>> opened = OpenStore(dir, Access::kReadOrCreate);
  if (!opened.ok()) return opened.status();
  std::unique_ptr<LiveStore> live(new LiveStore((*opened)->dir()));
  if ((*opened)->read_only()) {
    live->reader_fingerprint_ = live->Fingerprint();
    live->reader_ = std::shared_ptr<Store>(std::move(*opened));
    return live;
  }
  // A store just created (and seeded) was opened for writing: give up the lock at once.
  opened->reset();
  Result<std::shared_ptr<Store>> reader = [&live] {
    const std::lock_guard lock(live->mutex_);
    return live->Reader();
  }();
  if (!reader.ok()) return reader.status();
  return live;
}

std::string LiveStore::Fingerprint() const {
  std::vector<std::string> parts;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name != "CURRENT" && !name.starts_with("MANIFEST-") && !name.ends_with(".log")) continue;
    std::error_code entry_ec;
    const std::uintmax_t size = it->file_size(entry_ec);
    const auto time = it->last_write_time(entry_ec).time_since_epoch().count();
    parts.push_back(fmt::format("{}:{}:{}", name, size, time));
  }
  std::sort(parts.begin(), parts.end());
  return fmt::format("{}", fmt::join(parts, " "));
}

Result<std::shared_ptr<Store>> LiveStore::Reader() const {
  // Taken before opening: a commit landing in between then shows as a change next time.
  const std::string fingerprint = Fingerprint();
  if (reader_ && fingerprint == reader_fingerprint_) return reader_;
  // Store::Open retries a read-only open that raced a writer's compaction.
  Result<std::unique_ptr<Store>> opened =
      Store::Open(dir_, {.read_only = true, .create_if_missing = false});
  if (!opened.ok()) return opened.status();
  reader_ = std::shared_ptr<Store>(std::move(*opened));
  reader_fingerprint_ = fingerprint;
  return reader_;
}

std::unique_ptr<Snapshot> LiveStore::GetSnapshot() const {
  const std::lock_guard lock(mutex_);
  if (std::shared_ptr<Store> writer = writer_.lock()) return std::make_unique<HeldSnapshot>(writer);
  Result<std::shared_ptr<Store>> reader = Reader();
  if (!reader.ok()) {
    // No way to say so from here: read the last state that opened, which is consistent,
    // and tell the person why newer commits are missing.
    fmt::print(stderr, "silk: showing the store as last opened; reopening it failed: {}\n",
               reader.status().message());
    return std::make_unique<HeldSnapshot>(reader_);
  }
  return std::make_unique<HeldSnapshot>(*reader);
}

std::unique_ptr<WriteTransaction> LiveStore::BeginWrite(const storage::WriteOptions& options) {
  {
    const std::lock_guard lock(mutex_);
    if (std::shared_ptr<Store> writer = writer_.lock()) {
      return std::make_unique<HeldTransaction>(writer, options);
    }
  }
  // Opened without the lock: waiting for another process's write must not stop reads.
  storage::StoreOptions open_options{.read_only = false, .create_if_missing = false};
  open_options.writer_wait = kWriterWait;
  open_options.on_wait = [this](const std::string& holder) {
    fmt::print(stderr, "Waiting for {} to finish writing to {}\u2026\n", holder, dir_);
  };
  Result<std::unique_ptr<Store>> opened = Store::Open(dir_, open_options);
  if (!opened.ok()) {
    if (opened.status().code() == StatusCode::kBusy) {
      return std::make_unique<FailedTransaction>(Status::Busy(fmt::format(
          "{}; waited {} s, nothing was changed (try again when it is done)",
          opened.status().message(), kWriterWait.count())));
    }
    return std::make_unique<FailedTransaction>(opened.status());
  }
  std::shared_ptr<Store> writer(std::move(*opened));
  {
    const std::lock_guard lock(mutex_);
    writer_ = writer;
  }
  return std::make_unique<HeldTransaction>(std::move(writer), options);
}

Result<std::shared_ptr<Store>> LiveStore::Current() const {
  const std::lock_guard lock(mutex_);
  if (std::shared_ptr<Store> writer = writer_.lock()) return writer;
  return Reader();
}

Result<storage::StoreStats> LiveStore::Stats() const {
  Result<std::shared_ptr<Store>> store = Current();
  if (!store.ok()) return store.status();
  return (*store)->Stats();
}

Status LiveStore::Check() const {
  Result<std::shared_ptr<Store>> reader = [this] {
    const std::lock_guard lock(mutex_);
    return Reader();
  }();
  if (!reader.ok()) return reader.status();
  return (*reader)->Check();
}

}  // namespace silk::shell
