#include <chrono>

#include "cli/commands.hpp"
#include "config/session.hpp"
#include "lsp/stdio.hpp"

namespace copydesk::cli {

int run_lsp() {
    lsp::ServerOptions options;
    options.data_dir = config::find_data_dir(COPYDESK_SOURCE_DIR);
    options.version = COPYDESK_VERSION;
    // An editor lints on each keystroke: the diagnostics of a page of pasted foreign words
    // come at once, their suggestions over the next lints.
    options.suggestion_budget = std::chrono::milliseconds(100);
    return lsp::run_stdio(std::move(options));
}

}  // namespace copydesk::cli
