#include "cli/progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <thread>

namespace copydesk::cli {

namespace {

std::string grouped(std::size_t n) {
    std::string digits = std::to_string(n);
    for (auto i = static_cast<std::ptrdiff_t>(digits.size()) - 3; i > 0; i -= 3) {
        digits.insert(static_cast<std::size_t>(i), ",");
    }
    return digits;
}

}  // namespace

std::string progress_line(std::size_t done, std::size_t total, std::size_t bytes, double seconds) {
    std::string line = grouped(done) + "/" + grouped(total) + " files";
    if (seconds > 0) {
        char rate[32];
        std::snprintf(rate, sizeof rate, "  %.1f MB/s", static_cast<double>(bytes) / 1e6 / seconds);
        line += rate;
    }
    if (done > 0 && done < total && seconds > 0) {
        const auto left = static_cast<long long>(
            seconds * static_cast<double>(total - done) / static_cast<double>(done) + 0.5);
        char eta[32];
        if (left >= 3600) {
            std::snprintf(eta, sizeof eta, "  ETA %lld:%02lld:%02lld", left / 3600, left / 60 % 60,
                          left % 60);
        } else {
            std::snprintf(eta, sizeof eta, "  ETA %lld:%02lld", left / 60, left % 60);
        }
        line += eta;
    }
    return line;
}

Progress::Progress(const std::string& mode, std::size_t total, bool quiet)
    : total_(total), start_(std::chrono::steady_clock::now()), last_(start_) {
    if (mode == "always") {
        on_ = true;
    } else if (mode == "auto") {
        const char* term = std::getenv("TERM");
        on_ = !quiet && total > 1 && isatty(STDERR_FILENO) != 0 &&
              (term == nullptr || std::string_view(term) != "dumb");
    }
}

void Progress::advance(std::size_t bytes) {
    ++done_;
    bytes_ += bytes;
    if (!on_) return;
    const auto now = std::chrono::steady_clock::now();
    if (drawn_ && now - last_ < std::chrono::milliseconds(100) && done_ < total_) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    std::cerr << "\rcopydesk: " << progress_line(done_, total_, bytes_, seconds) << "\033[K"
              << std::flush;
    drawn_ = true;
}

void Progress::finish() {
    if (drawn_) std::cerr << "\r\033[K" << std::flush;
    drawn_ = false;
}

unsigned lint_threads(unsigned requested, std::size_t files) {
    unsigned n = requested != 0 ? requested : std::max(1U, std::thread::hardware_concurrency());
    if (files < n) n = static_cast<unsigned>(std::max<std::size_t>(files, 1));
    return n;
}

}  // namespace copydesk::cli
