#include "lsp/json_rpc.hpp"

#include <algorithm>
#include <charconv>

namespace copydesk::lsp {

namespace {

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
        s.remove_suffix(1);
    }
    return s;
}

}  // namespace

std::optional<Frame> FrameReader::next() {
    if (skip_ > 0) {
        const std::size_t n = std::min(skip_, buffer_.size() - pos_);
        pos_ += n;
        skip_ -= n;
        if (skip_ > 0) {
            buffer_.clear();
            pos_ = 0;
            return std::nullopt;
        }
    }
    // Compact once the consumed prefix dominates.
    if (pos_ > 0 && pos_ * 2 >= buffer_.size()) {
        buffer_.erase(0, pos_);
        pos_ = 0;
    }
    const std::string_view rest = std::string_view(buffer_).substr(pos_);
    const auto end = rest.find("\r\n\r\n");
    if (end == std::string_view::npos) {
        if (rest.size() > 64 * 1024) {  // no header block is this long: drop the garbage
            buffer_.clear();
            pos_ = 0;
            return Frame{{}, "message header too long or not terminated by an empty line"};
        }
        return std::nullopt;
    }
    std::optional<std::size_t> length;
    bool bad_length = false;
    std::string_view headers = rest.substr(0, end);
    while (!headers.empty()) {
        const auto eol = headers.find("\r\n");
        const std::string_view line = headers.substr(0, eol);
        headers = eol == std::string_view::npos ? std::string_view{} : headers.substr(eol + 2);
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        if (!iequals(trim(line.substr(0, colon)), "Content-Length")) continue;
        const std::string_view value = trim(line.substr(colon + 1));
        std::size_t n = 0;
        const auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
        if (ec != std::errc{} || p != value.data() + value.size()) {
            bad_length = true;
        } else {
            length = n;
        }
    }
    const std::size_t body_at = pos_ + end + 4;
    if (bad_length || !length) {
        pos_ = body_at;
        return Frame{
            {}, bad_length ? "invalid Content-Length header" : "missing Content-Length header"};
    }
    if (*length > kMaxBody) {
        pos_ = body_at;
        skip_ = *length;
        return Frame{{}, "message of " + std::to_string(*length) + " bytes is too large"};
    }
    if (buffer_.size() - body_at < *length) return std::nullopt;
    Frame f{buffer_.substr(body_at, *length), {}};
    pos_ = body_at + *length;
    return f;
}

std::string frame(std::string_view body) {
    std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
    out.append(body);
    return out;
}

}  // namespace copydesk::lsp
