#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace copydesk::lsp {

// JSON-RPC and LSP error codes.
namespace error_code {
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
constexpr int kServerNotInitialized = -32002;
}  // namespace error_code

// One message cut from the byte stream: its body, or why the header block was unusable
// (the reader has then skipped past it and goes on with the next message).
struct Frame {
    std::string body;
    std::string error;
};

// Splits the LSP base protocol (`Content-Length: N\r\n...\r\n\r\n` + N bytes) into messages.
// Bytes may arrive in any pieces.
class FrameReader {
  public:
    static constexpr std::size_t kMaxBody = 64u << 20;

    void feed(std::string_view bytes) { buffer_.append(bytes); }
    // The next complete message, or nullopt until more bytes arrive.
    std::optional<Frame> next();
    [[nodiscard]] bool idle() const { return buffer_.size() == pos_ && skip_ == 0; }

  private:
    std::string buffer_;
    std::size_t pos_ = 0;
    std::size_t skip_ = 0;  // bytes of an oversized body still to discard
};

// Frames a message body for sending.
std::string frame(std::string_view body);

}  // namespace copydesk::lsp
