#include "config/config_file.hpp"

namespace copydesk::config {

std::string_view starter_config() {
    return R"(# copydesk configuration (docs/config.md describes every key).
# copydesk reads the .copydesk.yaml files from a file's folder up to the repository root;
# nearer files override outer ones, and command-line flags override them all.

# Stop looking for config files in the folders above this one.
root: true

# Hunspell dictionary: en_US, en_GB, ...
language: en_US

# House style profile (e.g. ap); empty for none.
# style: ap

# Exit with status 1 when a finding is at or above this severity.
fail_level: warning

# Do not report findings below this severity.
report_level: suggestion

# Rules: on, off, or a severity (suggestion, warning, error). `copydesk rules` lists them.
rules:
  spelling: warning
  # unknown-name: suggestion

# Words and names that are correct in this project, and forms that are always wrong here.
vocabulary:
  accept: []
    # - Zelenskyy
  reject: []
    # - Kiev: Kyiv

# Front-matter keys (Markdown) whose values are prose to check.
front_matter: [title, description, summary]

# Paths not to lint when walking folders (.gitignore'd paths are skipped too).
ignore: []
  # - drafts/**
  # - "*.generated.md"

# Files to lint although their extension is not .txt, .md or .html.
# include: ["**/*.rst"]

# Inside parts of the text: quotation (words between quotation marks, block quotes),
# heading, paragraph, quote, caption, list-item, table-cell.
scopes:
  quotation:
    # A quotation keeps the speaker's words: house-style rules only suggest there.
    # rejected-term: suggestion

# Settings for some files only, relative to this folder.
overrides: []
  # - files: ["archive/**"]
  #   report_level: error
)";
}

}  // namespace copydesk::config
