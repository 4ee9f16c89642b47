#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "lsp/positions.hpp"

namespace copydesk::lsp {

// An open editor buffer: the client's text and version.
class TextDocument {
  public:
    TextDocument(std::string uri, std::string language, std::int64_t version, std::string text);
    TextDocument(const TextDocument&) = delete;
    TextDocument& operator=(const TextDocument&) = delete;

    [[nodiscard]] const std::string& uri() const { return uri_; }
    [[nodiscard]] const std::string& language() const { return language_; }
    [[nodiscard]] std::int64_t version() const { return version_; }
    [[nodiscard]] const std::string& text() const { return text_; }
    [[nodiscard]] const PositionMap& positions() const { return *positions_; }

    void set_version(std::int64_t v) { version_ = v; }
    void replace_all(std::string text);
    // Replaces a range given in client positions. Returns false (and changes nothing) when
    // the range lies outside the text or ends before it starts.
    bool replace(LspPosition begin, LspPosition end, std::string_view text, Encoding e);

  private:
    std::string uri_;
    std::string language_;
    std::int64_t version_;
    std::string text_;
    std::unique_ptr<PositionMap> positions_;  // views text_
};

// The file-system path of a `file:` URI (percent-decoded); nullopt for other schemes.
std::optional<std::string> path_of_uri(std::string_view uri);
// A `file:` URI for an absolute path.
std::string uri_of_path(std::string_view path);

}  // namespace copydesk::lsp
