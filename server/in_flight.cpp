#include "server/in_flight.h"

namespace silk::server {

InFlight::Flag::Flag(InFlight& registry, bool registered)
    : registry_(registry), registered_(registered) {
  if (!registered_) return;
  std::lock_guard lock(registry_.mutex_);
  registry_.flags_.insert(&cancel_);
  if (registry_.stopping_.load()) cancel_.store(true);
}

InFlight::Flag::~Flag() {
  if (!registered_) return;
  std::lock_guard lock(registry_.mutex_);
  registry_.flags_.erase(&cancel_);
}

void InFlight::StopAll() {
  std::lock_guard lock(mutex_);
  stopping_.store(true);
  for (std::atomic<bool>* flag : flags_) flag->store(true);
}

}  // namespace silk::server
