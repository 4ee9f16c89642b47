// bytes -> Document -> copydesk fix, for every reader. The first byte picks the reader. Traps if
// fixing changes a byte outside the reported edits, leaves a safe fix behind, or is not
// idempotent.
#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>

#include "config/session.hpp"
#include "fix/fixer.hpp"
#include "markup/reader.hpp"

namespace {

const copydesk::config::Session& session() {
    static const auto s = [] {
        copydesk::config::Settings settings;
        settings.data_dir = COPYDESK_SOURCE_DIR;
        for (const auto& rule : copydesk::rules::make_builtin_rules()) {
            settings.selection.enable.insert(rule->info().id);
        }
        return std::get<copydesk::config::Session>(copydesk::config::Session::create(settings));
    }();
    return s;
}

std::optional<copydesk::Document> load(std::string bytes, copydesk::markup::Format format) {
    auto loaded = copydesk::markup::load_document("fuzz", std::move(bytes), format);
    auto* doc = std::get_if<copydesk::Document>(&loaded);
    if (doc == nullptr) return std::nullopt;
    copydesk::Document out = std::move(*doc);
    out.lines = copydesk::SourceMap(out.source);
    return out;
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
    const auto doc = load(std::string(reinterpret_cast<const char*>(data + 1), size - 1), format);
    if (!doc) return 0;
    const auto once = copydesk::fix::fix_document(*doc, format, *worker.linter);
    if (once.error || !once.converged) __builtin_trap();
    if (copydesk::fix::apply_sorted(doc->source, once.edits) != once.text) __builtin_trap();
    for (std::size_t k = 1; k < once.edits.size(); ++k) {
        if (once.edits[k - 1].span.end >= once.edits[k].span.begin) __builtin_trap();
    }
    const auto fixed = load(once.text, format);
    if (!fixed) __builtin_trap();
    for (const auto& d : worker.linter->lint(*fixed)) {
        if (d.fix && d.fix->safe) __builtin_trap();
    }
    if (copydesk::fix::fix_document(*fixed, format, *worker.linter).text != once.text) {
        __builtin_trap();
    }
    return 0;
}
