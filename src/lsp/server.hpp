#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "config/resolver.hpp"
#include "config/session.hpp"
#include "core/diagnostic.hpp"
#include "lsp/document.hpp"
#include "lsp/json_rpc.hpp"

namespace copydesk::lsp {

struct ServerOptions {
    std::filesystem::path data_dir;  // dictionaries/ and rules/
    std::string version;
    // Never write a file: "add to the project vocabulary" is refused. For fuzzing, where URIs
    // are arbitrary.
    bool read_only = false;
    // At most about this long working out spelling suggestions in one lint of a document
    // (nullopt: no bound). A lint cut short is published, and the document linted again when
    // the server is idle, further each time, until its suggestions are complete.
    std::optional<std::chrono::nanoseconds> suggestion_budget;
    // The data files shared by the sessions (new ones are made on every settings or config
    // change); null: the server keeps its own.
    std::shared_ptr<config::DataCache> data;
};

// The language server, without I/O: messages in through handle(), messages out through the
// sink. Linting is deferred: handle() only records edits, and do_pending_work() lints the
// changed documents, so a burst of keystrokes costs one lint.
class Server {
  public:
    using Sink = std::function<void(const std::string& body)>;

    Server(ServerOptions options, Sink sink);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Handles one framed message (or reports the framing error).
    void handle(const Frame& frame);
    void handle(std::string_view body) { handle(Frame{std::string(body), {}}); }

    [[nodiscard]] bool has_pending_work() const;
    // Lints each changed document once. `drain_input` is called after each lint, before its
    // result is published, to take in messages that arrived meanwhile: a result whose
    // document changed during that time is dropped, never published.
    void do_pending_work(const std::function<void()>& drain_input = {});

    [[nodiscard]] bool exited() const { return exited_; }
    // 0 after shutdown then exit, 1 for exit without shutdown.
    [[nodiscard]] int exit_code() const { return shutdown_ ? 0 : 1; }

    // Server time of the last lint-and-publish, for measurement.
    [[nodiscard]] std::chrono::microseconds last_lint_time() const { return last_lint_time_; }

  private:
    struct OpenDocument;
    struct Settings {
        std::string lang = "en_US";
        std::string style;  // names style profile, as --style
        std::vector<std::string> enable;
        std::vector<std::string> disable;
    };

    void dispatch(const std::string& body);
    nlohmann::json request(const std::string& method, const nlohmann::json& params);
    void notification(const std::string& method, const nlohmann::json& params);
    nlohmann::json initialize(const nlohmann::json& params);
    nlohmann::json code_actions(const nlohmann::json& params);
    nlohmann::json execute_command(const nlohmann::json& params);
    std::optional<std::string> add_to_vocabulary(const std::string& uri, const std::string& word);
    void did_change(const nlohmann::json& params);
    void apply_settings(const nlohmann::json& settings);
    void request_configuration();
    void response(const nlohmann::json& id, const nlohmann::json& message);

    void send(const nlohmann::json& message);
    void respond_error(const nlohmann::json& id, int code, const std::string& message);
    void log(int type, const std::string& message);
    void show(int type, const std::string& message);

    bool rebuild_session();
    void mark_all_dirty();
    [[nodiscard]] std::filesystem::path config_target(const TextDocument& doc) const;
    [[nodiscard]] config::SessionCache::Entry* entry_for(const TextDocument& doc);
    // `complete`: false when the suggestion budget cut the lint short.
    [[nodiscard]] std::vector<Diagnostic> lint(const TextDocument& doc, bool* complete = nullptr);
    void publish(const OpenDocument& doc);
    [[nodiscard]] nlohmann::json to_lsp(const TextDocument& doc, const Diagnostic& d) const;
    [[nodiscard]] OpenDocument* find(const std::string& uri);

    ServerOptions options_;
    Sink sink_;
    Encoding encoding_ = Encoding::Utf16;
    bool initialized_ = false;
    bool shutdown_ = false;
    bool exited_ = false;
    bool document_changes_ = false;  // client applies versioned edits
    bool watch_registration_ = false;
    bool pull_configuration_ = false;                   // client answers workspace/configuration
    std::optional<std::string> pending_configuration_;  // id of our unanswered request
    std::optional<std::string> root_;
    Settings settings_;
    // .copydesk.yaml files as for `copydesk lint`, the client's settings acting as flags; both
    // are rebuilt when a config file or the settings change.
    std::optional<config::Resolver> resolver_;
    std::optional<config::SessionCache> sessions_;
    std::set<std::string> shown_errors_;  // configuration errors, each shown once
    std::map<std::string, std::unique_ptr<OpenDocument>> documents_;
    std::int64_t next_request_id_ = 1;
    std::chrono::microseconds last_lint_time_{0};
};

}  // namespace copydesk::lsp
