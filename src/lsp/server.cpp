#include "lsp/server.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "config/vocabulary_edit.hpp"
#include "fix/safe_file.hpp"
#include "markup/reader.hpp"

namespace copydesk::lsp {

using Json = nlohmann::json;

namespace {

// A request whose parameters are wrong in a way the JSON types do not catch (a position
// outside the document, a document that is not open).
struct InvalidParams : std::runtime_error {
    using std::runtime_error::runtime_error;
};
struct MethodNotFound : std::runtime_error {
    using std::runtime_error::runtime_error;
};

constexpr int kMessageError = 1;
constexpr int kMessageWarning = 2;
constexpr int kMessageInfo = 3;

constexpr const char* kAddToVocabulary = "copydesk.addToVocabulary";

// Rules whose finding is a word the project may simply accept.
bool about_a_word(std::string_view rule) {
    return rule == "spelling" || rule == "unknown-name";
}

// The word a spelling finding is about, without a possessive ending.
std::string accepted_form(std::string_view text) {
    for (const std::string_view ending : {"’s", "'s", "’", "'"}) {
        if (text.size() > ending.size() && text.ends_with(ending)) {
            return std::string(text.substr(0, text.size() - ending.size()));
        }
    }
    return std::string(text);
}

// A directive that switches `rule` off on the line after it, in the document's own syntax.
std::string disable_next_line(markup::Format format, std::string_view indent,
                              std::string_view rule) {
    const std::string directive = "copydesk-disable-next-line " + std::string(rule);
    if (format == markup::Format::Plain) return std::string(indent) + directive + "\n";
    return std::string(indent) + "<!-- " + directive + " -->\n";
}

int lsp_severity(Severity s) {
    switch (s) {
        case Severity::Error:
            return 1;
        case Severity::Warning:
            return 2;
        case Severity::Suggestion:
            return 3;  // Information: hints are rendered too faintly for copy problems
    }
    return 2;
}

LspPosition position_of(const Json& j) {
    const auto line = j.at("line").get<std::int64_t>();
    const auto character = j.at("character").get<std::int64_t>();
    if (line < 0 || character < 0 || line > UINT32_MAX || character > UINT32_MAX) {
        throw InvalidParams("position out of range");
    }
    return {static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(character)};
}

Json position_json(LspPosition p) {
    return {{"line", p.line}, {"character", p.character}};
}

std::vector<std::string> string_list(const Json& j) {
    std::vector<std::string> out;
    if (j.is_string()) {
        std::stringstream ss(j.get<std::string>());
        std::string item;
        while (std::getline(ss, item, ',')) {
            if (!item.empty()) out.push_back(item);
        }
    } else {
        for (const Json& item : j) out.push_back(item.get<std::string>());
    }
    return out;
}

bool contains_string(const Json& array, std::string_view value) {
    if (!array.is_array()) return false;
    return std::any_of(array.begin(), array.end(), [&](const Json& v) {
        return v.is_string() && v.get<std::string>() == value;
    });
}

markup::Format format_for(const TextDocument& doc) {
    const auto path = path_of_uri(doc.uri());
    const std::string_view name = path ? std::string_view(*path) : std::string_view(doc.uri());
    const markup::Format by_name = markup::format_for_path(name);
    if (by_name != markup::Format::Plain) return by_name;
    if (doc.language() == "markdown") return markup::Format::Markdown;
    if (doc.language() == "html") return markup::Format::Html;
    return markup::Format::Plain;
}

}  // namespace

struct Server::OpenDocument {
    std::unique_ptr<TextDocument> text;
    bool dirty = true;
    std::uint64_t generation = 0;         // counts edits, to tell whether a lint result is current
    std::vector<Diagnostic> diagnostics;  // for the text as it is when !dirty
};

Server::Server(ServerOptions options, Sink sink)
    : options_(std::move(options)), sink_(std::move(sink)) {
    if (!options_.data) options_.data = std::make_shared<config::DataCache>();
}

Server::~Server() = default;

// ---- transport-level handling ----

void Server::send(const Json& message) {
    sink_(message.dump(-1, ' ', false, Json::error_handler_t::replace));
}

void Server::respond_error(const Json& id, int code, const std::string& message) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void Server::log(int type, const std::string& message) {
    send({{"jsonrpc", "2.0"},
          {"method", "window/logMessage"},
          {"params", {{"type", type}, {"message", message}}}});
}

void Server::show(int type, const std::string& message) {
    send({{"jsonrpc", "2.0"},
          {"method", "window/showMessage"},
          {"params", {{"type", type}, {"message", message}}}});
}

void Server::handle(const Frame& frame) {
    if (exited_) return;
    if (!frame.error.empty()) {
        respond_error(nullptr, error_code::kParseError, frame.error);
        return;
    }
    dispatch(frame.body);
}

void Server::dispatch(const std::string& body) {
    Json msg = Json::parse(body, nullptr, false);
    if (msg.is_discarded()) {
        respond_error(nullptr, error_code::kParseError, "message body is not valid JSON");
        return;
    }
    if (!msg.is_object()) {
        respond_error(nullptr, error_code::kInvalidRequest, "a message must be a JSON object");
        return;
    }
    const auto id_it = msg.find("id");
    const bool has_id = id_it != msg.end();
    Json id = has_id ? *id_it : Json(nullptr);
    if (has_id && !id.is_number_integer() && !id.is_string()) {
        respond_error(nullptr, error_code::kInvalidRequest, "id must be an integer or a string");
        return;
    }
    const auto method_it = msg.find("method");
    if (method_it == msg.end()) {
        if (has_id && (msg.contains("result") || msg.contains("error"))) {
            response(id, msg);
            return;
        }
        respond_error(id, error_code::kInvalidRequest, "message has no method");
        return;
    }
    if (msg.value("jsonrpc", "") != "2.0") {
        if (has_id) respond_error(id, error_code::kInvalidRequest, "jsonrpc must be \"2.0\"");
        return;
    }
    if (!method_it->is_string()) {
        if (has_id) respond_error(id, error_code::kInvalidRequest, "method must be a string");
        return;
    }
    const std::string method = method_it->get<std::string>();
    const Json params = msg.value("params", Json::object());

    if (!has_id) {
        try {
            notification(method, params);
        } catch (const std::exception& e) {
            log(kMessageError, method + ": " + e.what());
        }
        return;
    }
    if (shutdown_) {
        respond_error(id, error_code::kInvalidRequest, "the server is shutting down");
        return;
    }
    if (!initialized_ && method != "initialize") {
        respond_error(id, error_code::kServerNotInitialized, "initialize first");
        return;
    }
    try {
        Json result = request(method, params);
        send({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
    } catch (const InvalidParams& e) {
        respond_error(id, error_code::kInvalidParams, e.what());
    } catch (const Json::exception& e) {
        respond_error(id, error_code::kInvalidParams, e.what());
    } catch (const MethodNotFound& e) {
        respond_error(id, error_code::kMethodNotFound, e.what());
    } catch (const std::exception& e) {
        respond_error(id, error_code::kInternalError, e.what());
    }
}

Json Server::request(const std::string& method, const Json& params) {
    if (method == "initialize") {
        if (initialized_) throw InvalidParams("initialize was already called");
        return initialize(params);
    }
    if (method == "shutdown") {
        shutdown_ = true;
        return nullptr;
    }
    if (method == "textDocument/codeAction") return code_actions(params);
    if (method == "workspace/executeCommand") return execute_command(params);
    throw MethodNotFound("unknown method '" + method + "'");
}

void Server::notification(const std::string& method, const Json& params) {
    if (method == "exit") {
        exited_ = true;
        return;
    }
    if (!initialized_ || shutdown_) return;  // dropped, as the protocol says
    if (method == "initialized") {
        request_configuration();
        if (watch_registration_) {
            Json watchers = Json::array({{{"globPattern", "**/.copydesk.yaml"}}});
            send({{"jsonrpc", "2.0"},
                  {"id", "copydesk-" + std::to_string(next_request_id_++)},
                  {"method", "client/registerCapability"},
                  {"params",
                   {{"registrations",
                     {{{"id", "copydesk-config-files"},
                       {"method", "workspace/didChangeWatchedFiles"},
                       {"registerOptions", {{"watchers", std::move(watchers)}}}}}}}}});
        }
    } else if (method == "textDocument/didOpen") {
        const Json& td = params.at("textDocument");
        const std::string uri = td.at("uri").get<std::string>();
        auto doc = std::make_unique<OpenDocument>();
        doc->text = std::make_unique<TextDocument>(uri, td.value("languageId", ""),
                                                   td.at("version").get<std::int64_t>(),
                                                   td.at("text").get<std::string>());
        documents_[uri] = std::move(doc);
    } else if (method == "textDocument/didChange") {
        did_change(params);
    } else if (method == "textDocument/didSave") {
        // The text is already current. A config file saved from this editor is picked up here
        // too, for clients that do not watch files.
        const std::string uri = params.at("textDocument").at("uri").get<std::string>();
        if (uri.ends_with("/" + std::string(config::kConfigFileName)) && rebuild_session()) {
            mark_all_dirty();
        }
    } else if (method == "textDocument/didClose") {
        const std::string uri = params.at("textDocument").at("uri").get<std::string>();
        if (documents_.erase(uri) != 0) {
            send({{"jsonrpc", "2.0"},
                  {"method", "textDocument/publishDiagnostics"},
                  {"params", {{"uri", uri}, {"diagnostics", Json::array()}}}});
        }
    } else if (method == "workspace/didChangeConfiguration") {
        // Push model: the settings come along. Pull model (settings null): ask for them.
        const Json settings = params.value("settings", Json(nullptr));
        if (settings.is_object() && !settings.empty()) {
            apply_settings(settings);
        } else {
            request_configuration();
        }
    } else if (method == "workspace/didChangeWatchedFiles") {
        if (rebuild_session()) mark_all_dirty();
    }
    // Other notifications ($/cancelRequest, $/setTrace, ...) need no answer.
}

// ---- lifecycle and settings ----

void Server::request_configuration() {
    if (!pull_configuration_) return;
    const std::string id = "copydesk-" + std::to_string(next_request_id_++);
    pending_configuration_ = id;
    send({{"jsonrpc", "2.0"},
          {"id", id},
          {"method", "workspace/configuration"},
          {"params", {{"items", Json::array({{{"section", "copydesk"}}})}}}});
}

// Answers to the server's own requests: only the configuration is waited for (a newer request
// supersedes an older one); registerCapability needs nothing.
void Server::response(const Json& id, const Json& message) {
    if (!pending_configuration_ || !id.is_string() ||
        id.get<std::string>() != *pending_configuration_) {
        return;
    }
    pending_configuration_.reset();
    const Json result = message.value("result", Json(nullptr));
    if (result.is_array() && !result.empty() && result[0].is_object()) apply_settings(result[0]);
}

Json Server::initialize(const Json& params) {
    const Json caps = params.value("capabilities", Json::object());
    const Json general = caps.value("general", Json::object());
    const bool offered_utf8 = contains_string(general.value("positionEncodings", Json()), "utf-8");
    const bool clangd_utf8 = contains_string(caps.value("offsetEncoding", Json()), "utf-8");
    encoding_ = offered_utf8 || clangd_utf8 ? Encoding::Utf8 : Encoding::Utf16;

    const Json workspace = caps.value("workspace", Json::object());
    watch_registration_ = workspace.value("didChangeWatchedFiles", Json::object())
                              .value("dynamicRegistration", false);
    pull_configuration_ = workspace.value("configuration", false);
    document_changes_ =
        workspace.value("workspaceEdit", Json::object()).value("documentChanges", false);
    if (const auto root = params.find("rootUri"); root != params.end() && root->is_string()) {
        root_ = path_of_uri(root->get<std::string>());
    }

    const auto options = params.find("initializationOptions");
    if (options != params.end() && options->is_object()) {
        apply_settings(*options);
    } else if (!rebuild_session()) {
        // The error was shown; the server runs without diagnostics rather than exiting.
    }
    initialized_ = true;

    Json capabilities{
        {"positionEncoding", to_string(encoding_)},
        {"textDocumentSync",
         {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
        {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
        {"executeCommandProvider", {{"commands", {kAddToVocabulary}}}},
    };
    Json result{{"capabilities", std::move(capabilities)},
                {"serverInfo", {{"name", "copydesk"}, {"version", options_.version}}}};
    if (clangd_utf8 || contains_string(caps.value("offsetEncoding", Json()), "utf-16")) {
        result["offsetEncoding"] = to_string(encoding_);
    }
    return result;
}

void Server::apply_settings(const Json& raw) {
    if (!raw.is_object()) return;
    const Json& s = raw.contains("copydesk") ? raw.at("copydesk") : raw;
    if (!s.is_object()) return;
    Settings next = settings_;
    try {
        if (s.contains("lang")) next.lang = s.at("lang").get<std::string>();
        if (s.contains("style")) next.style = s.at("style").get<std::string>();
        if (s.contains("enable")) next.enable = string_list(s.at("enable"));
        if (s.contains("disable")) next.disable = string_list(s.at("disable"));
    } catch (const Json::exception&) {
        show(kMessageError,
             "copydesk: settings: lang and style must be strings, enable and disable lists of "
             "rule ids");
        return;
    }
    const Settings previous = settings_;
    settings_ = next;
    if (rebuild_session()) {
        mark_all_dirty();
    } else {
        settings_ = previous;
    }
}

bool Server::rebuild_session() {
    config::Flags flags;
    flags.lang = settings_.lang;
    if (!settings_.style.empty()) flags.style = settings_.style;
    flags.enable = settings_.enable;
    flags.disable = settings_.disable;
    resolver_.emplace(std::move(flags), options_.data_dir);
    sessions_.emplace(options_.data);
    shown_errors_.clear();
    // Settings are checked now, on a session for the workspace root, so that a bad setting is
    // refused (and the previous one kept) rather than breaking every document.
    const std::filesystem::path probe =
        (root_ ? std::filesystem::path(*root_) : std::filesystem::current_path()) / "untitled.txt";
    auto effective = resolver_->resolve(probe);
    if (auto* err = std::get_if<config::ConfigError>(&effective)) {
        show(kMessageError, "copydesk: " + err->to_string());
        return true;  // a config file is wrong, not the settings: documents show it too
    }
    try {
        auto got = sessions_->get(std::get<config::Effective>(effective).settings);
        if (auto* why = std::get_if<std::string>(&got)) {
            show(kMessageError, "copydesk: " + *why);
            return false;
        }
    } catch (const std::exception& e) {
        show(kMessageError, std::string("copydesk: ") + e.what());
        return false;
    }
    return true;
}

void Server::mark_all_dirty() {
    for (auto& [uri, doc] : documents_) doc->dirty = true;
}

Server::OpenDocument* Server::find(const std::string& uri) {
    const auto it = documents_.find(uri);
    return it == documents_.end() ? nullptr : it->second.get();
}

// ---- documents ----

void Server::did_change(const Json& params) {
    const Json& td = params.at("textDocument");
    OpenDocument* doc = find(td.at("uri").get<std::string>());
    if (doc == nullptr) {
        log(kMessageWarning, "didChange for a document that is not open");
        return;
    }
    TextDocument& text = *doc->text;
    for (const Json& change : params.at("contentChanges")) {
        std::string replacement = change.at("text").get<std::string>();
        if (!change.contains("range")) {
            text.replace_all(std::move(replacement));
            continue;
        }
        const Json& range = change.at("range");
        const LspPosition begin = position_of(range.at("start"));
        const LspPosition end = position_of(range.at("end"));
        if (!text.replace(begin, end, replacement, encoding_)) {
            log(kMessageError, "didChange: range " + std::to_string(begin.line) + ":" +
                                   std::to_string(begin.character) + "-" +
                                   std::to_string(end.line) + ":" + std::to_string(end.character) +
                                   " is outside " + text.uri() + "; change ignored");
            break;
        }
    }
    text.set_version(td.at("version").get<std::int64_t>());
    doc->dirty = true;
    ++doc->generation;
}

// The path whose configuration applies: the file itself, or for an unsaved buffer a file in
// the workspace root.
std::filesystem::path Server::config_target(const TextDocument& doc) const {
    if (const auto path = path_of_uri(doc.uri())) return *path;
    return (root_ ? std::filesystem::path(*root_) : std::filesystem::current_path()) /
           "untitled.txt";
}

config::SessionCache::Entry* Server::entry_for(const TextDocument& doc) {
    if (!resolver_ || !sessions_) return nullptr;
    std::string why;
    try {
        auto got = sessions_->for_file(*resolver_, config_target(doc));
        if (auto* entry = std::get_if<config::SessionCache::Entry*>(&got)) return *entry;
        why = std::get<std::string>(got);
    } catch (const std::exception& e) {
        why = e.what();
    }
    if (shown_errors_.insert(why).second) show(kMessageError, "copydesk: " + why);
    return nullptr;
}

std::vector<Diagnostic> Server::lint(const TextDocument& doc, bool* complete) {
    if (complete != nullptr) *complete = true;
    config::SessionCache::Entry* entry = entry_for(doc);
    if (entry == nullptr) return {};
    const auto path = path_of_uri(doc.uri());
    markup::ReadOptions read_options;
    read_options.front_matter_keys = entry->session.settings().front_matter_keys;
    auto loaded =
        markup::load_document(path.value_or(doc.uri()), doc.text(), format_for(doc), read_options);
    if (auto* bad = std::get_if<markup::LoadError>(&loaded)) {
        log(kMessageWarning, doc.uri() + ": " + bad->message);
        return {};
    }
    Document& document = std::get<Document>(loaded);
    document.lines = SourceMap(document.source);  // moving a short string relocates its bytes
    rules::Linter& linter = *entry->worker.linter;
    linter.set_suggestion_budget(options_.suggestion_budget);
    std::vector<Diagnostic> found = linter.lint(document);
    if (complete != nullptr) *complete = linter.suggestions_complete();
    return found;
}

Json Server::to_lsp(const TextDocument& doc, const Diagnostic& d) const {
    const PositionMap& map = doc.positions();
    Json j{{"range",
            {{"start", position_json(map.to_lsp(d.span.begin, encoding_))},
             {"end", position_json(map.to_lsp(d.span.end, encoding_))}}},
           {"severity", lsp_severity(d.severity)},
           {"code", d.rule},
           {"source", "copydesk"},
           {"message", d.message}};
    if (!d.link.empty()) j["codeDescription"] = {{"href", d.link}};
    return j;
}

void Server::publish(const OpenDocument& doc) {
    Json diagnostics = Json::array();
    for (const Diagnostic& d : doc.diagnostics) diagnostics.push_back(to_lsp(*doc.text, d));
    send({{"jsonrpc", "2.0"},
          {"method", "textDocument/publishDiagnostics"},
          {"params",
           {{"uri", doc.text->uri()},
            {"version", doc.text->version()},
            {"diagnostics", std::move(diagnostics)}}}});
}

bool Server::has_pending_work() const {
    if (exited_ || shutdown_) return false;
    return std::any_of(documents_.begin(), documents_.end(),
                       [](const auto& entry) { return entry.second->dirty; });
}

void Server::do_pending_work(const std::function<void()>& drain_input) {
    std::vector<std::string> dirty;
    for (const auto& [uri, doc] : documents_) {
        if (doc->dirty) dirty.push_back(uri);
    }
    for (const std::string& uri : dirty) {
        if (exited_ || shutdown_) return;
        OpenDocument* doc = find(uri);
        if (doc == nullptr || !doc->dirty) continue;
        const auto started = std::chrono::steady_clock::now();
        const std::uint64_t generation = doc->generation;
        const TextDocument* text = doc->text.get();
        bool complete = true;
        std::vector<Diagnostic> found = lint(*text, &complete);
        if (drain_input) drain_input();
        // Published only if nothing changed the document while it was linted (a reopened
        // document is a new TextDocument).
        doc = find(uri);
        if (doc == nullptr || doc->text.get() != text || doc->generation != generation ||
            !doc->dirty) {
            continue;
        }
        doc->diagnostics = std::move(found);
        doc->dirty = !complete;  // linted again, further, once the other documents are
        publish(*doc);
        last_lint_time_ = std::chrono::duration_cast<std::chrono::microseconds>(
            std::chrono::steady_clock::now() - started);
    }
}

// ---- code actions ----

Json Server::code_actions(const Json& params) {
    const std::string uri = params.at("textDocument").at("uri").get<std::string>();
    OpenDocument* doc = find(uri);
    if (doc == nullptr) throw InvalidParams("document is not open: " + uri);
    const Json& range = params.at("range");
    const PositionMap& map = doc->text->positions();
    const auto begin = map.to_offset(position_of(range.at("start")), encoding_);
    const auto end = map.to_offset(position_of(range.at("end")), encoding_);
    if (!begin || !end) throw InvalidParams("range is outside the document");
    if (doc->dirty) {
        // An edit not linted yet: answer for the text as it is now.
        bool complete = true;
        doc->diagnostics = lint(*doc->text, &complete);
        doc->dirty = !complete;
        publish(*doc);
    }

    const Json text_document{{"uri", uri}, {"version", doc->text->version()}};
    auto make_edit = [&](const std::vector<Edit>& edits) {
        Json text_edits = Json::array();
        for (const Edit& e : edits) {
            text_edits.push_back({{"range",
                                   {{"start", position_json(map.to_lsp(e.span.begin, encoding_))},
                                    {"end", position_json(map.to_lsp(e.span.end, encoding_))}}},
                                  {"newText", e.replacement}});
        }
        if (document_changes_) {
            return Json{{"documentChanges",
                         {{{"textDocument", text_document}, {"edits", std::move(text_edits)}}}}};
        }
        return Json{{"changes", {{uri, std::move(text_edits)}}}};
    };

    Json actions = Json::array();
    Json later = Json::array();  // accepting a word or silencing a rule: after every fix
    for (const Diagnostic& d : doc->diagnostics) {
        const bool touches = d.span.begin <= *end && *begin <= d.span.end;
        if (!touches) continue;
        const Json lsp_diagnostic = to_lsp(*doc->text, d);
        std::vector<std::string> offered;
        if (d.fix && !d.fix->edits.empty()) {
            actions.push_back({{"title", d.fix->title},
                               {"kind", "quickfix"},
                               {"diagnostics", {lsp_diagnostic}},
                               {"isPreferred", d.fix->safe},
                               {"edit", make_edit(d.fix->edits)}});
            if (d.fix->edits.size() == 1 && d.fix->edits.front().span == d.span) {
                offered.push_back(d.fix->edits.front().replacement);
            }
        }
        for (const std::string& suggestion : d.suggestions) {
            if (std::find(offered.begin(), offered.end(), suggestion) != offered.end()) continue;
            offered.push_back(suggestion);
            actions.push_back({{"title", "Replace with '" + suggestion + "'"},
                               {"kind", "quickfix"},
                               {"diagnostics", {lsp_diagnostic}},
                               {"edit", make_edit({Edit{d.span, suggestion}})}});
        }
        const std::string_view source = doc->text->text();
        if (about_a_word(d.rule) && d.span.end <= source.size() && !d.span.empty()) {
            const std::string word =
                accepted_form(source.substr(d.span.begin, d.span.end - d.span.begin));
            later.push_back({{"title", "Add '" + word + "' to the project vocabulary"},
                             {"kind", "quickfix"},
                             {"diagnostics", {lsp_diagnostic}},
                             {"command",
                              {{"title", "Add '" + word + "' to the project vocabulary"},
                               {"command", kAddToVocabulary},
                               {"arguments", {uri, word}}}}});
        }
        // The directive goes on a line of its own above the finding's line, indented alike.
        const std::size_t line_begin =
            d.span.begin == 0 ? 0 : source.rfind('\n', d.span.begin - 1) + 1;
        const std::size_t indent_end = source.find_first_not_of(" \t", line_begin);
        const std::string_view indent = source.substr(
            line_begin,
            (indent_end == std::string_view::npos ? source.size() : indent_end) - line_begin);
        later.push_back(
            {{"title", "Disable " + d.rule + " for this line"},
             {"kind", "quickfix"},
             {"diagnostics", {lsp_diagnostic}},
             {"edit",
              make_edit({Edit{Span{static_cast<std::uint32_t>(line_begin),
                                   static_cast<std::uint32_t>(line_begin)},
                              disable_next_line(format_for(*doc->text), indent, d.rule)}})}});
    }
    for (Json& action : later) actions.push_back(std::move(action));
    return actions;
}

Json Server::execute_command(const Json& params) {
    const std::string command = params.at("command").get<std::string>();
    if (command != kAddToVocabulary) throw InvalidParams("unknown command '" + command + "'");
    const Json args = params.value("arguments", Json::array());
    if (!args.is_array() || args.size() != 2 || !args[0].is_string() || !args[1].is_string()) {
        throw InvalidParams(std::string(kAddToVocabulary) + " takes a document URI and a word");
    }
    if (auto why = add_to_vocabulary(args[0].get<std::string>(), args[1].get<std::string>())) {
        show(kMessageError, "copydesk: " + *why);
    }
    return nullptr;
}

// Adds the word to `vocabulary: accept:` in the nearest .copydesk.yaml of the document (a new
// one in the workspace root, or the document's folder, if there is none), then re-lints.
std::optional<std::string> Server::add_to_vocabulary(const std::string& uri,
                                                     const std::string& word) {
    namespace fs = std::filesystem;
    if (options_.read_only) return "this server does not write files";
    const auto path = path_of_uri(uri);
    if (!path) return "save the document first: " + uri + " is not a file";
    const fs::path folder = fs::path(*path).parent_path();
    fs::path config_path;
    if (resolver_) {
        auto chain = resolver_->chain(folder);
        if (auto* err = std::get_if<config::ConfigError>(&chain)) return err->to_string();
        const auto& files = std::get<config::ConfigChain>(chain);
        if (!files.empty()) config_path = files.back()->path;
    }
    if (config_path.empty()) {
        const bool under_root =
            root_ && fs::path(*path).lexically_relative(*root_).native().rfind("..", 0) != 0;
        config_path = (under_root ? fs::path(*root_) : folder) / config::kConfigFileName;
    }
    const std::string where = config_path.string();

    std::optional<fix::Snapshot> snapshot;
    std::error_code ec;
    if (fs::exists(config_path, ec)) {
        auto read = fix::read_snapshot(where);
        if (auto* why = std::get_if<std::string>(&read)) return where + ": " + *why;
        snapshot = std::get<fix::Snapshot>(std::move(read));
    }
    const std::string before = snapshot ? snapshot->bytes : std::string();
    auto edited = config::add_accepted_word(before, word);
    if (auto* bad = std::get_if<1>(&edited)) return where + ": " + bad->why;
    const std::string& after = std::get<0>(edited);
    if (after == before) return std::nullopt;
    auto parsed = config::parse_config(config_path, after);
    if (auto* err = std::get_if<config::ConfigError>(&parsed)) return err->to_string();

    const auto failed =
        snapshot ? fix::replace_file(*snapshot, after) : fix::create_file(where, after);
    if (failed) return where + ": cannot write: " + failed->message;
    show(kMessageInfo, "copydesk: added '" + word + "' to " + where);
    if (rebuild_session()) mark_all_dirty();
    return std::nullopt;
}

}  // namespace copydesk::lsp
