#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "core/huge_pages.hpp"

namespace copydesk::cli {

// Runs work(i, thread) for every i in [0, n) on `threads` threads and hands each result to
// consume(i, result) on the calling thread, in index order, as soon as it and every earlier
// result are done: the output of a parallel run is the output of a sequential one. At most
// `window` results are held at a time (finished but not consumed, or being worked on), so memory
// stays bounded however many items there are. `thread` (0 .. threads-1) lets work keep state per
// thread; the calling thread is thread 0 and works too whenever the result it must hand on next
// is not ready, so that items of a few microseconds (files found in a cache) are not passed
// between threads one at a time. An exception thrown by work is rethrown here, after the
// threads have stopped; so is one thrown by consume.
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
    std::condition_variable result_ready;  // the calling thread waits on this one
    std::condition_variable room;          // the helper threads wait on this one
    std::size_t next = 0;                  // the next index to hand out
    std::size_t consumed = 0;              // every index below this has been consumed
    bool stop = false;

    // Runs item i outside the lock and files its result (under `lock`, taken again).
    auto run_item = [&](std::size_t i, unsigned thread, std::unique_lock<std::mutex>& lock) {
        lock.unlock();
        std::optional<Result> result;
        std::exception_ptr error;
        try {
            result.emplace(work(i, thread));
        } catch (...) {
            error = std::current_exception();
        }
        lock.lock();
        Slot& slot = slots[i % window];
        slot.result = std::move(result);
        slot.error = error;
        slot.ready = true;
    };
    auto has_room = [&] { return next < n && next < consumed + window; };
    auto helper = [&](unsigned thread) {
        advise_huge_pages();
        std::unique_lock lock(mutex);
        for (;;) {
            room.wait(lock, [&] { return stop || next >= n || has_room(); });
            if (stop || next >= n) return;
            run_item(next++, thread, lock);
            result_ready.notify_one();
        }
    };
    std::exception_ptr failure;
    {
        std::vector<std::jthread> pool;
        pool.reserve(threads - 1);
        for (unsigned t = 1; t < threads; ++t) pool.emplace_back(helper, t);
        std::unique_lock lock(mutex);
        for (std::size_t i = 0; i < n && !failure; ++i) {
            Slot& slot = slots[i % window];
            while (!slot.ready) {
                if (has_room()) {
                    run_item(next++, 0, lock);
                } else {
                    result_ready.wait(lock);
                }
            }
            std::optional<Result> result = std::move(slot.result);
            const std::exception_ptr error = slot.error;
            slot.result.reset();
            slot.error = nullptr;
            slot.ready = false;
            consumed = i + 1;
            if (error) {
                failure = error;
                stop = true;
            }
            room.notify_all();
            if (!error) {
                lock.unlock();
                try {
                    consume(i, *result);
                } catch (...) {
                    failure = std::current_exception();
                }
                lock.lock();
            }
        }
        stop = true;
        lock.unlock();
        room.notify_all();
    }  // the threads finish their items and are joined here
    if (failure) std::rethrow_exception(failure);
}

}  // namespace copydesk::cli
