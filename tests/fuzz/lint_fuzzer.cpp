// bytes -> Document -> lint, for every reader. The first byte picks the reader.
#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>

#include "config/session.hpp"
#include "markup/reader.hpp"

namespace {

const copydesk::config::Session& session() {
    static const auto s = [] {
        copydesk::config::Settings settings;
        settings.data_dir = COPYDESK_SOURCE_DIR;
        settings.selection.enable.insert("unknown-name");
        return std::get<copydesk::config::Session>(copydesk::config::Session::create(settings));
    }();
    return s;
}

}  // namespace

// Loading the dictionaries takes seconds under the sanitizers: do it before the first input
// runs, so that it does not count against that input's time limit.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
    static_cast<void>(session());
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static auto worker = session().make_worker();
    const auto format = static_cast<copydesk::markup::Format>(data[0] % 3);
    std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
    auto loaded = copydesk::markup::load_document("fuzz", std::move(bytes), format);
    if (auto* doc = std::get_if<copydesk::Document>(&loaded)) {
        for (const auto& d : worker.linter->lint(*doc)) {
            // Every span lies inside the source, and so does every edit.
            if (d.span.end > doc->source.size() || d.span.begin > d.span.end) __builtin_trap();
            if (d.fix) {
                for (const auto& e : d.fix->edits) {
                    if (e.span.end > doc->source.size() || e.span.begin > e.span.end)
                        __builtin_trap();
                }
            }
        }
    }
    return 0;
}
