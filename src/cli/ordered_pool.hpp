#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace copydesk::cli {

// Runs work(i, thread) for every i in [0, n) on `threads` threads and hands each result to
// consume(i, result) on the calling thread, in index order, as soon as it and every earlier
// result are done: the output of a parallel run is the output of a sequential one. At most
// `window` results are held at a time (finished but not consumed, or being worked on), so memory
// stays bounded however many items there are. `thread` (0 .. threads-1) lets work keep state per
// thread. An exception thrown by work is rethrown here, after the threads have stopped.
template <typename Result>
void run_ordered(std::size_t n, unsigned threads, std::size_t window,
                 const std::function<Result(std::size_t, unsigned)>& work,
                 const std::function<void(std::size_t, Result&)>& consume) {
    if (threads <= 1 || n <= 1) {
        for (std::size_t i = 0; i < n; ++i) {
            Result r = work(i, 0);
            consume(i, r);
        }
        return;
    }
    if (window < threads) window = threads;
    struct Slot {
        std::optional<Result> result;
        std::exception_ptr error;
        bool ready = false;
    };
    std::vector<Slot> slots(window);
    std::mutex mutex;
    std::condition_variable changed;
    std::size_t next = 0;      // the next index to hand out
    std::size_t consumed = 0;  // every index below this has been consumed
    bool stop = false;

    auto loop = [&](unsigned thread) {
        for (;;) {
            std::size_t i = 0;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return stop || next >= n || next < consumed + window; });
                if (stop || next >= n) return;
                i = next++;
            }
            std::optional<Result> result;
            std::exception_ptr error;
            try {
                result.emplace(work(i, thread));
            } catch (...) {
                error = std::current_exception();
            }
            {
                std::lock_guard lock(mutex);
                Slot& slot = slots[i % window];
                slot.result = std::move(result);
                slot.error = error;
                slot.ready = true;
            }
            changed.notify_all();
        }
    };
    std::exception_ptr failure;
    {
        std::vector<std::jthread> pool;
        pool.reserve(threads);
        for (unsigned t = 0; t < threads; ++t) pool.emplace_back(loop, t);
        for (std::size_t i = 0; i < n && !failure; ++i) {
            Slot* slot = &slots[i % window];
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return slot->ready; });
            }
            if (slot->error) {
                failure = slot->error;
            } else {
                consume(i, *slot->result);
            }
            {
                std::lock_guard lock(mutex);
                slot->result.reset();
                slot->error = nullptr;
                slot->ready = false;
                consumed = i + 1;
                if (failure) stop = true;
            }
            changed.notify_all();
        }
    }  // the threads finish their items and are joined here
    if (failure) std::rethrow_exception(failure);
}

}  // namespace copydesk::cli
