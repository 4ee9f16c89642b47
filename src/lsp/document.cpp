#include "lsp/document.hpp"

#include <cstdio>

namespace copydesk::lsp {

TextDocument::TextDocument(std::string uri, std::string language, std::int64_t version,
                           std::string text)
    : uri_(std::move(uri)), language_(std::move(language)), version_(version) {
    replace_all(std::move(text));
}

void TextDocument::replace_all(std::string text) {
    text_ = std::move(text);
    positions_ = std::make_unique<PositionMap>(text_);
}

bool TextDocument::replace(LspPosition begin, LspPosition end, std::string_view text, Encoding e) {
    const auto b = positions_->to_offset(begin, e);
    const auto f = positions_->to_offset(end, e);
    if (!b || !f || *f < *b) return false;
    std::string next;
    next.reserve(text_.size() - (*f - *b) + text.size());
    next.append(text_, 0, *b);
    next.append(text);
    next.append(text_, *f);
    replace_all(std::move(next));
    return true;
}

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::optional<std::string> path_of_uri(std::string_view uri) {
    constexpr std::string_view scheme = "file://";
    if (!uri.starts_with(scheme)) return std::nullopt;
    uri.remove_prefix(scheme.size());
    // file://host/path: only an empty host or localhost name this machine.
    const auto slash = uri.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    const std::string_view host = uri.substr(0, slash);
    if (!host.empty() && host != "localhost") return std::nullopt;
    uri.remove_prefix(slash);
    std::string path;
    for (std::size_t i = 0; i < uri.size(); ++i) {
        if (uri[i] == '%' && i + 2 < uri.size() && hex_value(uri[i + 1]) >= 0 &&
            hex_value(uri[i + 2]) >= 0) {
            path += static_cast<char>(hex_value(uri[i + 1]) * 16 + hex_value(uri[i + 2]));
            i += 2;
        } else {
            path += uri[i];
        }
    }
    return path;
}

std::string uri_of_path(std::string_view path) {
    std::string out = "file://";
    for (char ch : path) {
        const auto c = static_cast<unsigned char>(ch);
        const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                          (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~' ||
                          c == '/';
        if (keep) {
            out += ch;
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
    return out;
}

}  // namespace copydesk::lsp
