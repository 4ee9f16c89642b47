#include "lsp/stdio.hpp"

#include <poll.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>

namespace copydesk::lsp {

namespace {

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

}  // namespace

int run_stdio(ServerOptions options) {
    std::signal(SIGPIPE, SIG_IGN);  // a client that went away is seen as a failed write
    bool output_ok = true;
    Server server(std::move(options), [&](const std::string& body) {
        if (output_ok) output_ok = write_all(STDOUT_FILENO, frame(body));
    });
    FrameReader reader;
    bool eof = false;

    // Reads what is available within `timeout_ms` (-1: wait); true if bytes arrived.
    auto read_input = [&](int timeout_ms) {
        pollfd fd{STDIN_FILENO, POLLIN, 0};
        const int ready = ::poll(&fd, 1, timeout_ms);
        if (ready <= 0) return false;
        std::array<char, 65536> buf;
        const ssize_t n = ::read(STDIN_FILENO, buf.data(), buf.size());
        if (n > 0) {
            reader.feed(std::string_view(buf.data(), static_cast<std::size_t>(n)));
            return true;
        }
        if (n == 0 || errno != EINTR) eof = true;
        return false;
    };
    auto handle_frames = [&] {
        while (!server.exited()) {
            auto f = reader.next();
            if (!f) break;
            server.handle(*f);
        }
    };
    auto drain = [&] {
        while (!eof && read_input(0)) {
        }
        handle_frames();
    };

    while (!server.exited() && output_ok) {
        handle_frames();
        if (server.exited()) break;
        if (server.has_pending_work()) {
            // Take in everything already sent first, so a burst of edits is linted once.
            if (!eof && read_input(0)) continue;
            server.do_pending_work(drain);
            continue;
        }
        if (eof) break;
        read_input(-1);
    }
    return server.exited() ? server.exit_code() : 1;
}

}  // namespace copydesk::lsp
