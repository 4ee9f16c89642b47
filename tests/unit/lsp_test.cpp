#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <chrono>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <cstdlib>

#include "lsp/json_rpc.hpp"
#include "lsp/positions.hpp"
#include "lsp/server.hpp"

using namespace copydesk;
using namespace copydesk::lsp;
using Json = nlohmann::json;

// ---- framing ----

TEST_CASE("lsp framing: messages split across reads and packed together", "[lsp]") {
    FrameReader reader;
    const std::string a = frame(R"({"a":1})");
    const std::string b = frame(R"({"b":"ü"})");
    const std::string stream = a + b;
    for (char c : stream.substr(0, 10)) reader.feed(std::string_view(&c, 1));
    CHECK_FALSE(reader.next());
    reader.feed(stream.substr(10));
    auto first = reader.next();
    REQUIRE(first);
    CHECK(first->error.empty());
    CHECK(first->body == R"({"a":1})");
    auto second = reader.next();
    REQUIRE(second);
    CHECK(second->body == R"({"b":"ü"})");  // the length counts bytes, not characters
    CHECK_FALSE(reader.next());
    CHECK(reader.idle());
}

TEST_CASE("lsp framing: other headers and header case are accepted", "[lsp]") {
    FrameReader reader;
    reader.feed(
        "content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}");
    auto f = reader.next();
    REQUIRE(f);
    CHECK(f->body == "{}");
    CHECK(frame("{}") == "Content-Length: 2\r\n\r\n{}");
}

TEST_CASE("lsp framing: a bad header block is reported and skipped", "[lsp]") {
    FrameReader reader;
    reader.feed("Content-Type: x\r\n\r\n");
    reader.feed("Content-Length: abc\r\n\r\n");
    reader.feed(frame("[1]"));
    auto missing = reader.next();
    REQUIRE(missing);
    CHECK(missing->error == "missing Content-Length header");
    auto bad = reader.next();
    REQUIRE(bad);
    CHECK(bad->error == "invalid Content-Length header");
    auto good = reader.next();
    REQUIRE(good);
    CHECK(good->body == "[1]");
}

TEST_CASE("lsp framing: an oversized body is discarded without buffering it", "[lsp]") {
    FrameReader reader;
    const std::size_t size = FrameReader::kMaxBody + 10;
    reader.feed("Content-Length: " + std::to_string(size) + "\r\n\r\n");
    auto f = reader.next();
    REQUIRE(f);
    CHECK(f->error.find("too large") != std::string::npos);
    reader.feed(std::string(size - 5, 'x'));
    CHECK_FALSE(reader.next());
    reader.feed(std::string(5, 'x') + frame("{}"));
    auto next = reader.next();
    REQUIRE(next);
    CHECK(next->body == "{}");
}

// ---- positions ----

TEST_CASE("lsp positions: UTF-16 counts astral characters as two units", "[lsp]") {
    // "a😀b" then "é𝄞": the emoji and the clef are outside the BMP.
    const std::string text =
        "a\xF0\x9F\x98\x80"
        "b\r\n\xC3\xA9\xF0\x9D\x84\x9E"
        "c";
    const PositionMap map(text);
    const auto b = static_cast<std::uint32_t>(text.find('b'));
    CHECK(map.to_lsp(b, Encoding::Utf16) == LspPosition{0, 3});
    CHECK(map.to_lsp(b, Encoding::Utf8) == LspPosition{0, 5});
    const auto c = static_cast<std::uint32_t>(text.find('c'));
    CHECK(map.to_lsp(c, Encoding::Utf16) == LspPosition{1, 3});
    CHECK(map.to_lsp(c, Encoding::Utf8) == LspPosition{1, 6});

    CHECK(map.to_offset({0, 3}, Encoding::Utf16) == b);
    CHECK(map.to_offset({0, 5}, Encoding::Utf8) == b);
    CHECK(map.to_offset({1, 3}, Encoding::Utf16) == c);
    // Half a surrogate pair, or the middle of a UTF-8 sequence, means the character's start.
    CHECK(map.to_offset({0, 2}, Encoding::Utf16) == 1u);
    CHECK(map.to_offset({0, 3}, Encoding::Utf8) == 1u);
}

TEST_CASE("lsp positions: every character of long mixed lines maps there and back", "[lsp]") {
    std::string text;
    for (int i = 0; i < 40; ++i) {
        text +=
            "Plain words for a while, then K\xD0\xB8\xD1\x97\xD0\xB2 and \xF0\x9F\x87\xBA"
            "\xF0\x9F\x87\xA6 \xE2\x80\x9Cquoted\xE2\x80\x9D";
        if (i % 10 == 9) text += "\n";
    }
    const PositionMap map(text);
    std::uint32_t line = 0;
    std::uint32_t utf16 = 0;
    for (std::uint32_t at = 0; at <= text.size(); ++at) {
        const auto byte = at < text.size() ? static_cast<unsigned char>(text[at]) : 0;
        if (at < text.size() && (byte & 0xC0) == 0x80) continue;  // inside a character
        INFO("offset " << at);
        const LspPosition p = map.to_lsp(at, Encoding::Utf16);
        CHECK(p == LspPosition{line, utf16});
        CHECK(map.to_offset(p, Encoding::Utf16) == at);
        if (byte == '\n') {
            ++line;
            utf16 = 0;
        } else {
            utf16 += byte >= 0xF0 ? 2 : 1;
        }
    }
}

TEST_CASE("lsp positions: ends of lines and of the text", "[lsp]") {
    const std::string text = "one\r\ntwo\nthree";
    const PositionMap map(text);
    CHECK(map.to_offset({0, 99}, Encoding::Utf16) == 3u);  // clamped before the CRLF
    CHECK(map.to_offset({1, 0}, Encoding::Utf16) == 5u);
    CHECK(map.to_offset({2, 5}, Encoding::Utf16) == text.size());
    CHECK(map.to_offset({3, 0}, Encoding::Utf16) == text.size());  // just past the last line
    CHECK_FALSE(map.to_offset({3, 1}, Encoding::Utf16));
    CHECK_FALSE(map.to_offset({7, 0}, Encoding::Utf16));
    CHECK(map.to_lsp(static_cast<std::uint32_t>(text.size()), Encoding::Utf16) ==
          LspPosition{2, 5});
}

// ---- the server ----

namespace {

// Drives a Server in-process with the tiny test dictionary.
class Client {
  public:
    explicit Client(ServerOptions with = options())
        : server_(std::move(with),
                  [this](const std::string& body) { sent_.push_back(Json::parse(body)); }) {
        ::setenv("DICPATH", COPYDESK_TEST_DATA, 1);
    }

    static ServerOptions options() {
        ServerOptions o;
        o.data_dir = COPYDESK_TEST_DATA "/no-data-dir";
        o.version = "test";
        return o;
    }

    Json request(const std::string& method, Json params) {
        const int id = next_id_++;
        send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
        for (const Json& m : sent_) {
            if (m.contains("id") && m["id"] == id && !m.contains("method")) return m;
        }
        FAIL("no response to " << method);
        return {};
    }
    void notify(const std::string& method, Json params) {
        send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
    }
    void send(const Json& message) { server_.handle(message.dump()); }
    void raw(const std::string& body) { server_.handle(body); }

    Json initialize(Json capabilities = Json::object(), Json root = nullptr) {
        Json r = request("initialize", {{"processId", nullptr},
                                        {"rootUri", std::move(root)},
                                        {"capabilities", std::move(capabilities)},
                                        {"initializationOptions", {{"lang", "tiny"}}}});
        notify("initialized", Json::object());
        return r;
    }
    void open(const std::string& uri, const std::string& text, int version = 1) {
        notify(
            "textDocument/didOpen",
            {{"textDocument",
              {{"uri", uri}, {"languageId", "plaintext"}, {"version", version}, {"text", text}}}});
    }

    // Messages with `method` sent since the last call to take().
    std::vector<Json> take(const std::string& method) {
        std::vector<Json> out;
        for (const Json& m : sent_) {
            if (m.value("method", "") == method) out.push_back(m);
        }
        sent_.clear();
        return out;
    }
    std::vector<Json>& sent() { return sent_; }
    Server& server() { return server_; }

  private:
    std::vector<Json> sent_;
    Server server_;
    int next_id_ = 1;
};

constexpr const char* kUri = "file:///tmp/desk/story%20one.txt";

}  // namespace

TEST_CASE("lsp: initialize negotiates the position encoding", "[lsp]") {
    Client plain;
    const Json r16 = plain.initialize();
    CHECK(r16["result"]["capabilities"]["positionEncoding"] == "utf-16");
    CHECK(r16["result"]["capabilities"]["textDocumentSync"]["change"] == 2);
    CHECK(r16["result"]["serverInfo"]["name"] == "copydesk");
    CHECK_FALSE(r16["result"].contains("offsetEncoding"));

    Client modern;
    const Json r8 = modern.initialize({{"general", {{"positionEncodings", {"utf-16", "utf-8"}}}}});
    CHECK(r8["result"]["capabilities"]["positionEncoding"] == "utf-8");

    Client clangd_style;
    const Json rc = clangd_style.initialize({{"offsetEncoding", {"utf-8", "utf-16"}}});
    CHECK(rc["result"]["offsetEncoding"] == "utf-8");
}

TEST_CASE("lsp: diagnostics are published after the edits with UTF-16 ranges", "[lsp]") {
    Client c;
    c.initialize();
    c.take("");
    c.open(kUri, "The minister \xF0\x9F\x98\x80 said the the talks would resme.\n");
    CHECK(c.take("textDocument/publishDiagnostics").empty());  // linted later, not per message
    REQUIRE(c.server().has_pending_work());
    c.server().do_pending_work();
    const auto published = c.take("textDocument/publishDiagnostics");
    REQUIRE(published.size() == 1);
    const Json& p = published[0]["params"];
    CHECK(p["uri"] == kUri);
    CHECK(p["version"] == 1);
    REQUIRE(p["diagnostics"].size() == 2);
    const Json& repeated = p["diagnostics"][0];
    CHECK(repeated["code"] == "repeated-word");
    CHECK(repeated["source"] == "copydesk");
    CHECK(repeated["severity"] == 2);
    // The emoji is two UTF-16 units: "the the" starts at unit 21.
    CHECK(repeated["range"] == Json::parse(R"({"start":{"line":0,"character":21},
                                              "end":{"line":0,"character":28}})"));
    const Json& spelling = p["diagnostics"][1];
    CHECK(spelling["code"] == "spelling");
    CHECK(spelling["range"]["start"] == Json::parse(R"({"line":0,"character":41})"));
    CHECK_FALSE(c.server().has_pending_work());
}

TEST_CASE("lsp: a lint whose suggestions run out of time is published, then taken further",
          "[lsp]") {
    ServerOptions options = Client::options();
    options.suggestion_budget = std::chrono::nanoseconds(0);  // one new word's a lint
    Client c(options);
    c.initialize();
    c.take("");
    c.open(kUri, "The talks would resme, the minister said, on the goverment agred.\n");
    auto spelling_of = [](const Json& published) {
        std::vector<Json> out;
        for (const Json& d : published["params"]["diagnostics"]) {
            if (d["code"] == "spelling") out.push_back(d);
        }
        return out;
    };
    auto cut = [](const Json& d) {
        return d["message"].get<std::string>().find("time ran out") != std::string::npos;
    };
    c.server().do_pending_work();
    auto published = c.take("textDocument/publishDiagnostics");
    REQUIRE(published.size() == 1);
    const auto first = spelling_of(published[0]);
    REQUIRE(first.size() == 3);  // every unknown word is reported at once
    CHECK_FALSE(cut(first[0]));
    CHECK(cut(first[2]));
    CHECK(c.server().has_pending_work());
    // Each further lint works out at least one more word's suggestions.
    int lints = 1;
    while (c.server().has_pending_work() && lints < 10) {
        c.server().do_pending_work();
        published = c.take("textDocument/publishDiagnostics");
        REQUIRE(published.size() == 1);
        ++lints;
    }
    CHECK(lints <= 3);
    const auto last = spelling_of(published[0]);
    REQUIRE(last.size() == 3);
    for (const Json& d : last) CHECK_FALSE(cut(d));
    CHECK(last[0]["range"] == first[0]["range"]);
}

TEST_CASE("lsp: incremental edits then code actions from fixes and suggestions", "[lsp]") {
    Client c;
    c.initialize({{"workspace", {{"workspaceEdit", {{"documentChanges", true}}}}}});
    c.open(kUri, "Talks would resume.\n");
    c.server().do_pending_work();
    CHECK(c.take("textDocument/publishDiagnostics")[0]["params"]["diagnostics"].empty());

    // Insert "\xF0\x9F\x98\x80 the the " after "Talks " and break "resume".
    c.notify("textDocument/didChange", {{"textDocument", {{"uri", kUri}, {"version", 2}}},
                                        {"contentChanges",
                                         {{{"range",
                                            {{"start", {{"line", 0}, {"character", 6}}},
                                             {"end", {{"line", 0}, {"character", 6}}}}},
                                           {"text", "\xF0\x9F\x98\x80 the the "}},
                                          {{"range",
                                            {{"start", {{"line", 0}, {"character", 28}}},
                                             {"end", {{"line", 0}, {"character", 29}}}}},
                                           {"text", ""}}}}});
    c.server().do_pending_work();
    const auto published = c.take("textDocument/publishDiagnostics");
    REQUIRE(published.size() == 1);
    CHECK(published[0]["params"]["version"] == 2);
    const Json& diags = published[0]["params"]["diagnostics"];
    REQUIRE(diags.size() == 2);  // "the the" and "resme"
    CHECK(diags[1]["range"]["start"]["character"] == 23);

    const Json actions = c.request(
        "textDocument/codeAction",
        {{"textDocument", {{"uri", kUri}}},
         {"range",
          {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", 40}}}}},
         {"context", {{"diagnostics", Json::array()}}}})["result"];
    REQUIRE(actions.size() >= 2);
    const Json& fix = actions[0];
    CHECK(fix["kind"] == "quickfix");
    CHECK(fix["isPreferred"] == true);
    CHECK(fix["diagnostics"][0]["code"] == "repeated-word");
    const Json& change = fix["edit"]["documentChanges"][0];
    CHECK(change["textDocument"] ==
          Json::parse(std::string(R"({"uri":")") + kUri + R"(","version":2})"));
    CHECK(change["edits"][0]["newText"] == "");
    CHECK(change["edits"][0]["range"]["start"]["character"] == 12);
    const Json& suggestion = actions[1];
    CHECK(suggestion["title"] == "Replace with 'resume'");
    CHECK(suggestion["diagnostics"][0]["code"] == "spelling");
    const Json& edit = suggestion["edit"]["documentChanges"][0]["edits"][0];
    CHECK(edit["newText"] == "resume");
    CHECK(edit["range"] == Json::parse(R"({"start":{"line":0,"character":23},
                                           "end":{"line":0,"character":28}})"));

    // A range over the clean start of the line offers nothing.
    const Json none = c.request(
        "textDocument/codeAction",
        {{"textDocument", {{"uri", kUri}}},
         {"range",
          {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", 2}}}}},
         {"context", {{"diagnostics", Json::array()}}}})["result"];
    CHECK(none == Json::array());
}

TEST_CASE("lsp: a result is never published after a newer edit", "[lsp]") {
    Client c;
    c.initialize();
    c.open(kUri, "He said the the talks.\n");
    bool injected = false;
    // While version 1 is being linted, version 2 arrives and removes the repeated word.
    c.server().do_pending_work([&] {
        if (injected) return;
        injected = true;
        c.notify("textDocument/didChange",
                 {{"textDocument", {{"uri", kUri}, {"version", 2}}},
                  {"contentChanges", {{{"text", "He said the talks.\n"}}}}});
    });
    CHECK(c.take("textDocument/publishDiagnostics").empty());
    REQUIRE(c.server().has_pending_work());
    c.server().do_pending_work();
    const auto published = c.take("textDocument/publishDiagnostics");
    REQUIRE(published.size() == 1);
    CHECK(published[0]["params"]["version"] == 2);
    CHECK(published[0]["params"]["diagnostics"].empty());
}

TEST_CASE("lsp: closing a document clears its diagnostics", "[lsp]") {
    Client c;
    c.initialize();
    c.open(kUri, "He said the the talks.\n");
    c.server().do_pending_work();
    c.take("");
    c.notify("textDocument/didClose", {{"textDocument", {{"uri", kUri}}}});
    const auto cleared = c.take("textDocument/publishDiagnostics");
    REQUIRE(cleared.size() == 1);
    CHECK(cleared[0]["params"]["diagnostics"].empty());
    CHECK_FALSE(c.server().has_pending_work());
}

TEST_CASE("lsp: configuration changes re-lint open documents", "[lsp]") {
    Client c;
    c.initialize();
    c.open(kUri, "He said the the talks.\n");
    c.server().do_pending_work();
    CHECK(c.take("textDocument/publishDiagnostics")[0]["params"]["diagnostics"].size() == 1);
    c.notify("workspace/didChangeConfiguration",
             {{"settings", {{"copydesk", {{"lang", "tiny"}, {"disable", {"repeated-word"}}}}}}});
    REQUIRE(c.server().has_pending_work());
    c.server().do_pending_work();
    CHECK(c.take("textDocument/publishDiagnostics")[0]["params"]["diagnostics"].empty());

    // A bad setting is shown to the user and the working configuration is kept.
    c.notify("workspace/didChangeConfiguration",
             {{"settings", {{"copydesk", {{"disable", {"no-such-rule"}}}}}}});
    const auto shown = c.take("window/showMessage");
    REQUIRE(shown.size() == 1);
    CHECK(shown[0]["params"]["type"] == 1);
    CHECK(shown[0]["params"]["message"] ==
          "copydesk: unknown rule 'no-such-rule' (see 'copydesk rules')");
}

TEST_CASE("lsp: the server asks to watch config files when the client can", "[lsp]") {
    Client c;
    c.initialize({{"workspace", {{"didChangeWatchedFiles", {{"dynamicRegistration", true}}}}}});
    const auto reg = c.take("client/registerCapability");
    REQUIRE(reg.size() == 1);
    const Json& r = reg[0]["params"]["registrations"][0];
    CHECK(r["method"] == "workspace/didChangeWatchedFiles");
    CHECK(r["registerOptions"]["watchers"][0]["globPattern"] == "**/.copydesk.yaml");
    // The client's answer needs no reply.
    c.send({{"jsonrpc", "2.0"}, {"id", reg[0]["id"]}, {"result", nullptr}});
    CHECK(c.sent().empty());
    c.open(kUri, "He said the the talks.\n");
    c.server().do_pending_work();
    c.take("");
    Json change{{"uri", "file:///tmp/desk/.copydesk.yaml"}, {"type", 2}};
    c.notify("workspace/didChangeWatchedFiles", {{"changes", Json::array({change})}});
    CHECK(c.server().has_pending_work());
}

TEST_CASE("lsp: protocol errors get error responses", "[lsp]") {
    Client c;
    auto last_error = [&] {
        REQUIRE_FALSE(c.sent().empty());
        const Json m = c.sent().back();
        c.sent().clear();
        REQUIRE(m.contains("error"));
        return m;
    };
    c.raw("{not json");
    Json e = last_error();
    CHECK(e["error"]["code"] == -32700);
    CHECK(e["id"].is_null());

    c.raw("[1,2]");
    CHECK(last_error()["error"]["code"] == -32600);
    c.raw(R"({"jsonrpc":"2.0","id":{"x":1},"method":"shutdown"})");
    CHECK(last_error()["error"]["code"] == -32600);

    c.server().handle(Frame{{}, "missing Content-Length header"});
    CHECK(last_error()["error"]["code"] == -32700);

    e = c.request("textDocument/codeAction", Json::object());
    CHECK(e["error"]["code"] == -32002);  // not initialized yet
    c.initialize();
    c.sent().clear();

    e = c.request("textDocument/hover", Json::object());
    CHECK(e["error"]["code"] == -32601);
    CHECK(e["error"]["message"] == "unknown method 'textDocument/hover'");
    c.raw(R"({"jsonrpc":"2.0","id":7})");
    CHECK(last_error()["error"]["code"] == -32600);

    e = c.request("textDocument/codeAction", {{"textDocument", {{"uri", kUri}}}});
    CHECK(e["error"]["code"] == -32602);  // not open
    c.open(kUri, "One line.\n");
    e = c.request(
        "textDocument/codeAction",
        {{"textDocument", {{"uri", kUri}}},
         {"range",
          {{"start", {{"line", 5}, {"character", 0}}}, {"end", {{"line", 5}, {"character", 1}}}}}});
    CHECK(e["error"]["code"] == -32602);
    CHECK(e["error"]["message"] == "range is outside the document");
    e = c.request("textDocument/codeAction", {{"textDocument", {{"uri", kUri}}},
                                              {"range",
                                               {{"start", {{"line", -1}, {"character", 0}}},
                                                {"end", {{"line", 0}, {"character", "x"}}}}}});
    CHECK(e["error"]["code"] == -32602);

    // An out-of-range edit is a notification: it is logged and ignored, not a crash.
    c.notify("textDocument/didChange", {{"textDocument", {{"uri", kUri}, {"version", 2}}},
                                        {"contentChanges",
                                         {{{"range",
                                            {{"start", {{"line", 9}, {"character", 0}}},
                                             {"end", {{"line", 9}, {"character", 0}}}}},
                                           {"text", "x"}}}}});
    const auto logged = c.take("window/logMessage");
    REQUIRE(logged.size() == 1);
    CHECK(logged[0]["params"]["type"] == 1);
    c.notify("textDocument/didChange", {{"textDocument", {{"uri", kUri}}}});  // no version
    CHECK(c.take("window/logMessage").size() == 1);

    // Unknown notifications are ignored.
    c.notify("$/cancelRequest", {{"id", 1}});
    c.notify("workspace/somethingNew", Json::object());
    CHECK(c.sent().empty());
}

TEST_CASE("lsp: shutdown then exit", "[lsp]") {
    Client c;
    c.initialize();
    CHECK(c.request("shutdown", nullptr)["result"].is_null());
    CHECK(c.request("textDocument/codeAction", Json::object())["error"]["code"] == -32600);
    CHECK_FALSE(c.server().exited());
    c.notify("exit", nullptr);
    CHECK(c.server().exited());
    CHECK(c.server().exit_code() == 0);

    Client abrupt;
    abrupt.initialize();
    abrupt.notify("exit", nullptr);
    CHECK(abrupt.server().exit_code() == 1);
}

TEST_CASE("lsp: settings are pulled with workspace/configuration when the client can", "[lsp]") {
    Client c;
    c.initialize({{"workspace", {{"configuration", true}}}});
    auto asked = c.take("workspace/configuration");
    REQUIRE(asked.size() == 1);
    CHECK(asked[0]["params"]["items"][0]["section"] == "copydesk");
    c.open(kUri, "He said the the talks.\n");
    c.server().do_pending_work();
    CHECK(c.take("textDocument/publishDiagnostics")[0]["params"]["diagnostics"].size() == 1);

    // The client changed its settings without sending them: the server asks again.
    c.notify("workspace/didChangeConfiguration", {{"settings", nullptr}});
    asked = c.take("workspace/configuration");
    REQUIRE(asked.size() == 1);
    // An answer to some other id is not taken for it.
    c.send({{"jsonrpc", "2.0"}, {"id", "other"}, {"result", {{{"disable", {"spelling"}}}}}});
    CHECK_FALSE(c.server().has_pending_work());
    c.send({{"jsonrpc", "2.0"},
            {"id", asked[0]["id"]},
            {"result", Json::array({{{"lang", "tiny"}, {"disable", "repeated-word"}}})}});
    REQUIRE(c.server().has_pending_work());
    c.server().do_pending_work();
    CHECK(c.take("textDocument/publishDiagnostics")[0]["params"]["diagnostics"].empty());
}

namespace {

// A scratch workspace: a folder with .git, so that config files above it do not apply.
struct Workspace {
    std::filesystem::path dir;
    Workspace() {
        dir =
            std::filesystem::temp_directory_path() / ("copydesk-lsp-" + std::to_string(::getpid()));
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir / ".git");
    }
    ~Workspace() { std::filesystem::remove_all(dir); }
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;
    [[nodiscard]] std::string uri(const std::string& name = "") const {
        return "file://" + (name.empty() ? dir : dir / name).string();
    }
    [[nodiscard]] std::string read(const std::string& name) const {
        std::ifstream in(dir / name, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), {}};
    }
};

Json action_titled(const Json& actions, const std::string& title) {
    for (const Json& a : actions) {
        if (a["title"] == title) return a;
    }
    FAIL("no code action '" << title << "' in " << actions.dump());
    return {};
}

Json actions_for_line(Client& c, const std::string& uri) {
    return c.request(
        "textDocument/codeAction",
        {{"textDocument", {{"uri", uri}}},
         {"range",
          {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", 30}}}}},
         {"context", {{"diagnostics", Json::array()}}}})["result"];
}

}  // namespace

TEST_CASE("lsp: add a word to the project vocabulary, then it is no longer reported", "[lsp]") {
    Workspace ws;
    Client c;
    c.initialize(Json::object(), ws.uri());
    const std::string story = ws.uri("story.txt");
    c.open(story, "Talks would resme.\n");
    c.server().do_pending_work();
    REQUIRE(c.take("textDocument/publishDiagnostics")[0]["params"]["diagnostics"].size() == 1);

    const Json add =
        action_titled(actions_for_line(c, story), "Add 'resme' to the project vocabulary");
    CHECK(add["command"]["command"] == "copydesk.addToVocabulary");
    CHECK(add["command"]["arguments"] == Json::array({story, "resme"}));
    const Json done = c.request("workspace/executeCommand", add["command"]);
    CHECK(done.contains("result"));
    CHECK(ws.read(".copydesk.yaml") == "vocabulary:\n  accept: [resme]\n");
    c.server().do_pending_work();
    const auto published = c.take("textDocument/publishDiagnostics");
    REQUIRE(published.size() == 1);
    CHECK(published[0]["params"]["diagnostics"].empty());

    // A second word joins the same list; the rest of the file is kept.
    {
        std::ofstream out(ws.dir / ".copydesk.yaml", std::ios::binary | std::ios::trunc);
        out << "# house words\nvocabulary:\n  accept: [resme]  # names too\n";
    }
    c.notify("workspace/didChangeWatchedFiles",
             {{"changes", {{{"uri", ws.uri(".copydesk.yaml")}, {"type", 2}}}}});
    c.notify("textDocument/didChange",
             {{"textDocument", {{"uri", story}, {"version", 2}}},
              {"contentChanges", {{{"text", "Talks would resme and talkz.\n"}}}}});
    c.server().do_pending_work();
    c.take("textDocument/publishDiagnostics");
    c.request("workspace/executeCommand",
              action_titled(actions_for_line(c, story),
                            "Add 'talkz' to the project vocabulary")["command"]);
    CHECK(ws.read(".copydesk.yaml") ==
          "# house words\nvocabulary:\n  accept: [resme, talkz]  # names too\n");

    // A config file that cannot be edited safely is left alone, and the user is told why.
    {
        std::ofstream out(ws.dir / ".copydesk.yaml", std::ios::binary | std::ios::trunc);
        out << "vocabulary: {accept: [resme]}\n";
    }
    c.take("window/showMessage");
    c.request("workspace/executeCommand",
              {{"command", "copydesk.addToVocabulary"}, {"arguments", {story, "talkz"}}});
    CHECK(ws.read(".copydesk.yaml") == "vocabulary: {accept: [resme]}\n");
    const auto shown = c.take("window/showMessage");
    REQUIRE(shown.size() == 1);
    CHECK(shown[0]["params"]["message"].get<std::string>().find("edit it by hand") !=
          std::string::npos);

    const Json bad = c.request("workspace/executeCommand",
                               {{"command", "copydesk.addToVocabulary"}, {"arguments", {1}}});
    CHECK(bad["error"]["code"] == -32602);
}

TEST_CASE("lsp: disable a rule for one line with a directive above it", "[lsp]") {
    Workspace ws;
    Client c;
    c.initialize({{"workspace", {{"workspaceEdit", {{"documentChanges", true}}}}}}, ws.uri());
    const std::string story = ws.uri("story.md");
    c.notify("textDocument/didOpen", {{"textDocument",
                                       {{"uri", story},
                                        {"languageId", "markdown"},
                                        {"version", 1},
                                        {"text", "  Talks would resme.\n"}}}});
    c.server().do_pending_work();
    c.take("textDocument/publishDiagnostics");
    const Json off = action_titled(actions_for_line(c, story), "Disable spelling for this line");
    const Json& edit = off["edit"]["documentChanges"][0]["edits"][0];
    CHECK(edit["newText"] == "  <!-- copydesk-disable-next-line spelling -->\n");
    CHECK(edit["range"] == Json::parse(R"({"start":{"line":0,"character":0},
                                           "end":{"line":0,"character":0}})"));

    // Applied, the directive silences the finding.
    c.notify("textDocument/didChange",
             {{"textDocument", {{"uri", story}, {"version", 2}}},
              {"contentChanges", {{{"range", edit["range"]}, {"text", edit["newText"]}}}}});
    c.server().do_pending_work();
    const auto published = c.take("textDocument/publishDiagnostics");
    REQUIRE(published.size() == 1);
    CHECK(published[0]["params"]["diagnostics"].empty());
}
