#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace copydesk::cli {

// "1,234/100,000 files  45.2 MB/s  ETA 2:05" for a run that has done `done` of `total` files
// and read `bytes` in `seconds`.
std::string progress_line(std::size_t done, std::size_t total, std::size_t bytes, double seconds);

// A progress line on stderr for long runs, redrawn at most ten times a second and erased at the
// end. `mode` "auto" shows it only when stderr is a terminal (and not --quiet, and more than one
// file); "always" and "never" force it.
class Progress {
  public:
    Progress(const std::string& mode, std::size_t total, bool quiet);
    void advance(std::size_t bytes);
    void finish();

  private:
    bool on_ = false;
    bool drawn_ = false;
    std::size_t total_ = 0;
    std::size_t done_ = 0;
    std::size_t bytes_ = 0;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_;
};

// The number of threads `copydesk lint -j N` uses for `files` files: N, or the number of cores
// for 0, never more than there are files and at least one.
unsigned lint_threads(unsigned requested, std::size_t files);

}  // namespace copydesk::cli
