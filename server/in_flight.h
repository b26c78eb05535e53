// The queries running in the server, so that shutdown can stop them all.
#pragma once

#include <atomic>
#include <mutex>
#include <set>

namespace silk::server {

class InFlight {
 public:
  // One running request's stop flag (QueryLimits::cancel). A query's is registered for its
  // lifetime, and set already when the server is stopping; an update's (`registered` false)
  // is not, so that an update under way when the server stops finishes.
  class Flag {
   public:
    explicit Flag(InFlight& registry, bool registered = true);
    ~Flag();
    Flag(const Flag&) = delete;
    Flag& operator=(const Flag&) = delete;
    std::atomic<bool>* get() { return &cancel_; }
    void Set() { cancel_.store(true); }

   private:
    InFlight& registry_;
    bool registered_;
    std::atomic<bool> cancel_{false};
  };

  // Stops every running query, and every one that starts from now on.
  void StopAll();
  bool stopping() const { return stopping_.load(); }

 private:
  std::mutex mutex_;
  std::set<std::atomic<bool>*> flags_;
  std::atomic<bool> stopping_{false};
};

}  // namespace silk::server
