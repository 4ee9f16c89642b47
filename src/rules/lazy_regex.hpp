#pragma once

#include <re2/re2.h>

#include <memory>
#include <mutex>
#include <string>

namespace copydesk::rules {

// A built-in rule's regular expression, compiled the first time a text needs it. Bounded
// repetitions ("{0,300}") make RE2 programs slow to build, and a process that lints one
// article should not pay for the expressions its text never reaches. Thread-safe.
class LazyRegex {
  public:
    explicit LazyRegex(std::string pattern) : pattern_(std::move(pattern)) {}

    [[nodiscard]] const re2::RE2& get() const {
        std::call_once(compiled_, [this] { re_ = std::make_unique<re2::RE2>(pattern_); });
        return *re_;
    }

  private:
    std::string pattern_;
    mutable std::once_flag compiled_;
    mutable std::unique_ptr<re2::RE2> re_;
};

}  // namespace copydesk::rules
