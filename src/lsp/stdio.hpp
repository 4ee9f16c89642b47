#pragma once

#include "lsp/server.hpp"

namespace copydesk::lsp {

// Serves the protocol on standard input and output until `exit` or end of input. Returns
// the process exit code.
int run_stdio(ServerOptions options);

}  // namespace copydesk::lsp
