#include "config/vocabulary_edit.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>

namespace copydesk::config {

namespace {

struct Failed {
    std::string why;
};

// A word as a YAML scalar: plain when that reads back as the same string, else double-quoted.
std::string scalar(std::string_view word) {
    const bool plain =
        !word.empty() &&
        (std::isalpha(static_cast<unsigned char>(word.front())) != 0 ||
         static_cast<unsigned char>(word.front()) >= 0x80) &&
        std::all_of(word.begin(), word.end(), [](char c) {
            const auto u = static_cast<unsigned char>(c);
            return u >= 0x80 || std::isalnum(u) != 0 || c == '-' || c == '\'' || c == '.';
        });
    static constexpr std::string_view kReserved[] = {
        "y",  "Y",    "yes",  "Yes",  "YES",   "n",     "N",     "no", "No",
        "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On",
        "ON", "off",  "Off",  "OFF",  "null",  "Null",  "NULL"};
    if (plain && std::find(std::begin(kReserved), std::end(kReserved), word) == std::end(kReserved))
        return std::string(word);
    std::string out = "\"";
    for (const char c : word) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + '"';
}

std::size_t line_start(std::string_view text, std::size_t pos) {
    const std::size_t nl = text.rfind('\n', pos == 0 ? 0 : pos - 1);
    return pos == 0 || nl == std::string_view::npos ? 0 : nl + 1;
}

std::size_t next_line(std::string_view text, std::size_t pos) {
    const std::size_t nl = text.find('\n', pos);
    return nl == std::string_view::npos ? text.size() : nl + 1;
}

// Where the ']' closing the flow sequence that opens at `open` is.
std::size_t closing_bracket(std::string_view text, std::size_t open) {
    int depth = 0;
    for (std::size_t i = open; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"' || c == '\'') {
            for (++i; i < text.size() && text[i] != c; ++i) {
                if (c == '"' && text[i] == '\\') ++i;
            }
        } else if (c == '#' && i > 0 && std::isspace(static_cast<unsigned char>(text[i - 1]))) {
            i = next_line(text, i) - 1;
        } else if (c == '[') {
            ++depth;
        } else if (c == ']' && --depth == 0) {
            return i;
        }
    }
    throw Failed{"the list 'vocabulary: accept:' is not closed"};
}

std::string with_newline(std::string_view text) {
    std::string out(text);
    if (!out.empty() && out.back() != '\n') out += '\n';
    return out;
}

std::string insert(std::string_view text, std::size_t at, std::string_view what) {
    std::string out(text.substr(0, at));
    if (!out.empty() && out.back() != '\n' && what.ends_with('\n')) out += '\n';
    out += what;
    out += text.substr(at);
    return out;
}

std::string edit(std::string_view text, std::string_view word) {
    const std::string item = scalar(word);
    YAML::Node root = YAML::Load(std::string(text));
    if (!root || root.IsNull())
        return with_newline(text) + "vocabulary:\n  accept: [" + item + "]\n";
    if (!root.IsMap()) throw Failed{"the file is not a map of settings"};
    const YAML::Node vocabulary = root["vocabulary"];
    if (!vocabulary) return with_newline(text) + "vocabulary:\n  accept: [" + item + "]\n";
    if (!vocabulary.IsMap() || vocabulary.Style() == YAML::EmitterStyle::Flow ||
        vocabulary.size() == 0) {
        throw Failed{"'vocabulary' is not a block of keys"};
    }
    const YAML::Node accept = vocabulary["accept"];
    if (!accept) {
        // A new first key of the vocabulary block, indented like the others.
        const YAML::Mark first = vocabulary.begin()->first.Mark();
        const std::size_t at = line_start(text, static_cast<std::size_t>(first.pos));
        return insert(
            text, at,
            std::string(static_cast<std::size_t>(first.column), ' ') + "accept: [" + item + "]\n");
    }
    if (!accept.IsSequence()) throw Failed{"'vocabulary: accept:' is not a list"};
    for (const YAML::Node& w : accept) {
        if (w.IsScalar() && w.Scalar() == word) return std::string(text);
    }
    const auto open = static_cast<std::size_t>(accept.Mark().pos);
    if (accept.Style() == YAML::EmitterStyle::Flow) {
        if (open >= text.size() || text[open] != '[') throw Failed{"cannot find the list's '['"};
        const std::size_t close = closing_bracket(text, open);
        return insert(text, close, accept.size() == 0 ? item : ", " + item);
    }
    // A block list: a new item under the last one, at the same indentation.
    const YAML::Mark last = accept[accept.size() - 1].Mark();
    const std::size_t start = line_start(text, static_cast<std::size_t>(last.pos));
    const std::size_t dash = text.find('-', start);
    if (dash == std::string_view::npos || dash >= static_cast<std::size_t>(last.pos)) {
        throw Failed{"cannot find the list's last item"};
    }
    return insert(text, next_line(text, static_cast<std::size_t>(last.pos)),
                  std::string(dash - start, ' ') + "- " + item + "\n");
}

// The edited file must hold the same settings as before, with `word` accepted.
bool reads_as_before_plus(std::string_view before, const std::string& after,
                          std::string_view word) {
    const YAML::Node old_root = YAML::Load(std::string(before));
    const YAML::Node new_root = YAML::Load(after);
    bool found = false;
    for (const YAML::Node& w : new_root["vocabulary"]["accept"]) {
        found |= w.IsScalar() && w.Scalar() == word;
    }
    if (!found) return false;
    if (!old_root || old_root.IsNull()) return new_root.size() == 1;
    auto dump = [](const YAML::Node& n) { return n ? YAML::Dump(n) : std::string("~"); };
    for (const auto& kv : new_root) {
        const std::string key = kv.first.as<std::string>();
        if (key == "vocabulary") continue;
        if (dump(old_root[key]) != dump(kv.second)) return false;
    }
    if (old_root.size() + (old_root["vocabulary"] ? 0 : 1) != new_root.size()) return false;
    if (old_root["vocabulary"] &&
        dump(old_root["vocabulary"]["reject"]) != dump(new_root["vocabulary"]["reject"])) {
        return false;
    }
    return true;
}

}  // namespace

std::variant<std::string, VocabularyEditError> add_accepted_word(std::string_view text,
                                                                 std::string_view word) {
    if (word.empty() || word.find_first_of("\n\r") != std::string_view::npos) {
        return VocabularyEditError{"not a word: '" + std::string(word) + "'"};
    }
    try {
        std::string edited = edit(text, word);
        if (!reads_as_before_plus(text, edited, word)) {
            return VocabularyEditError{
                "the edited file would not read as intended; edit it by hand"};
        }
        return edited;
    } catch (const Failed& f) {
        return VocabularyEditError{f.why + "; edit it by hand"};
    } catch (const YAML::Exception& e) {
        return VocabularyEditError{"not valid YAML (" + std::string(e.what()) + ")"};
    }
}

}  // namespace copydesk::config
