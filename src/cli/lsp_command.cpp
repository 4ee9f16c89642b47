#include "cli/commands.hpp"
#include "config/session.hpp"
#include "lsp/stdio.hpp"

namespace copydesk::cli {

int run_lsp() {
    lsp::ServerOptions options;
    options.data_dir = config::find_data_dir(COPYDESK_SOURCE_DIR);
    options.version = COPYDESK_VERSION;
    return lsp::run_stdio(std::move(options));
}

}  // namespace copydesk::cli
