// Bytes from an editor -> the language server: framing (Content-Length headers), JSON-RPC,
// every request and notification, then the deferred lint. The first byte sets the size of the
// pieces the stream arrives in. Traps if the server sends anything but a JSON object.
//
// The servers share one data cache, so a session costs no reload of the dictionaries. One
// server serves many inputs; it is replaced after `exit` and every 256 inputs so that no state
// outlives a few hundred runs.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include <nlohmann/json.hpp>

#include "config/session.hpp"
#include "lsp/json_rpc.hpp"
#include "lsp/server.hpp"

namespace {

const std::shared_ptr<copydesk::config::DataCache>& data_cache() {
    static const auto data = std::make_shared<copydesk::config::DataCache>();
    return data;
}

std::unique_ptr<copydesk::lsp::Server> make_server() {
    copydesk::lsp::ServerOptions options;
    options.data_dir = COPYDESK_SOURCE_DIR;
    options.version = "fuzz";
    options.read_only = true;  // URIs are arbitrary: never write a file
    options.data = data_cache();
    return std::make_unique<copydesk::lsp::Server>(options, [](const std::string& body) {
        const auto message = nlohmann::json::parse(body, nullptr, false);
        if (message.is_discarded() || !message.is_object()) __builtin_trap();
    });
}

}  // namespace

// Loading the dictionaries takes seconds under the sanitizers: fill the cache before the first
// input runs, so that it does not count against that input's time limit.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
    copydesk::config::Settings settings;
    settings.data_dir = COPYDESK_SOURCE_DIR;
    static_cast<void>(copydesk::config::Session::create(settings, data_cache().get()));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static std::unique_ptr<copydesk::lsp::Server> server;
    static int runs = 0;
    if (!server || server->exited() || ++runs % 256 == 0) server = make_server();

    const std::size_t piece = data[0] % 64 + 1;
    std::string_view stream(reinterpret_cast<const char*>(data + 1), size - 1);
    copydesk::lsp::FrameReader reader;
    while (!stream.empty() && !server->exited()) {
        reader.feed(stream.substr(0, piece));
        stream.remove_prefix(std::min(piece, stream.size()));
        while (auto frame = reader.next()) {
            server->handle(*frame);
            if (server->exited()) break;
        }
    }
    while (!server->exited() && server->has_pending_work()) server->do_pending_work();
    return 0;
}
