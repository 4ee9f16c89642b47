#!/usr/bin/env bash
# Installs the Debian packages copydesk needs, builds it, and lints the bundled sample article.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    build-essential cmake ninja-build pkg-config git python3 \
    libhunspell-dev hunspell-en-us hunspell-en-gb libicu-dev libcli11-dev catch2 \
    libyaml-cpp-dev libyaml-dev nlohmann-json3-dev libmd4c-dev libgumbo-dev libre2-dev libxxhash-dev libbenchmark-dev \
    python3-jsonschema python3-rfc3987 neovim \
    chromium fonts-dejavu-core nodejs >/dev/null
# npm drives the browser test of the HTML report; Debian's nodejs comes without it.
command -v npm >/dev/null ||
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm >/dev/null

cmake --preset dev >/dev/null
cmake --build --preset dev

echo
echo "== copydesk lint examples/sample-article.txt"
# Exit status 1 only means the sample has findings, which it is meant to have.
./build/dev/copydesk lint examples/sample-article.txt || [ $? -eq 1 ]
