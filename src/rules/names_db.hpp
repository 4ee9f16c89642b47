#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "core/span.hpp"
#include "core/word_filter.hpp"
#include "text/tokens.hpp"

// The names database (dictionaries/names/*.yaml): people, places and organisations whose names
// are spelled several ways, the form each style profile uses, and the known variants. Loaded
// once per run by config::load_names and shared, immutable, by every thread.
namespace copydesk::names {

enum class Kind : std::uint8_t { Person, Place, Organisation, Demonym, Other };
// Why a variant is not the profile's form.
enum class Status : std::uint8_t { Wrong, Dated, OtherSystem, Historic };
// Which part of a name a spelling is: a whole name, or a person's given name or surname.
enum class Part : std::uint8_t { Name, Given, Surname };

std::string_view to_string(Kind kind);
std::string_view to_string(Status status);
std::optional<Kind> parse_kind(std::string_view text);
std::optional<Status> parse_status(std::string_view text);

// A newsroom's published choices, selected with --style.
struct Profile {
    std::string id;            // "ap"
    std::string label;         // as in "the AP spelling"
    std::string organisation;  // "The Associated Press"
    std::string guide;         // where the choices are published
    std::string checked;       // when they were last checked against it
    std::string based_on;      // a profile whose forms apply where this one has none
    std::string file;
    std::uint32_t line = 0;
};

// A spelling that may differ by profile.
struct Styled {
    std::string fallback;                           // `default`, or the only form given
    std::map<std::string, std::string> by_profile;  // profile id -> form
    [[nodiscard]] bool empty() const { return fallback.empty() && by_profile.empty(); }
};

struct Variant {
    Part part = Part::Name;
    std::string form;
    Status status = Status::Dated;
    bool retired = false;  // no major style guide uses it any more: flagged with no profile too
    bool unsafe = false;   // has other legitimate uses: never fixed automatically
    std::string note;      // a noun phrase: "the dated Russian-derived form"
    std::uint32_t line = 0;
};

struct Entry {
    std::string id;
    Kind kind = Kind::Place;
    std::vector<std::pair<std::string, std::string>> native;  // (language, name in its script)
    Styled name;     // places, organisations, demonyms; people known by one unit ("Kim Jong Un")
    Styled given;    // people: given name(s) ("Volodymyr")
    Styled surname;  // people: surname ("Zelenskyy")
    std::vector<Variant> variants;
    std::vector<std::string> exceptions;  // phrases in which variants stay ("Chicken Kiev")
    std::vector<std::string> uncertain;   // profiles whose form is inferred, not confirmed
    std::string source;
    std::string file;
    std::uint32_t line = 0;
};

// A Latin spelling of an entry's native form produced by a transliteration system
// (dictionaries/names/transliterations.tsv).
struct Generated {
    std::string entry;
    std::string system;
    std::string native;
    std::string latin;
};

struct Data {
    std::vector<Profile> profiles;
    std::vector<Entry> entries;
    std::vector<Entry> extensions;  // `extend` blocks: added to the entry with the same id
    std::vector<Generated> generated;
};

// Merges `extensions` into their entries (forms per profile, variants, exceptions) and clears
// them. False with `error` set when an extension names no entry.
bool apply_extensions(Data& data, std::string& error);

// A listed spelling of one part of an entry.
struct Form {
    std::uint32_t entry = 0;
    Part part = Part::Name;
    std::string text;           // as written in the data
    std::string key;            // for comparing spellings: see compare_key()
    std::int32_t variant = -1;  // index into the entry's variants; -1 for a profile's form
};

// One place in a region's text where the database recognises a name.
struct Mention {
    struct Use {
        Part part;
        Span span;           // region-text span of this part (a possessive 's excluded)
        std::uint32_t form;  // index of the listed form used
    };
    std::uint32_t entry = 0;
    Span span;
    std::uint32_t first_token = 0;  // token indexes covered, inclusive
    std::uint32_t last_token = 0;
    bool exception = false;  // an exception phrase: nothing to report
    std::vector<Use> uses;   // in text order
};

// The verdict on one spelling under a profile (or none).
struct Judgement {
    bool flagged = false;
    std::string replacement;                // empty when the right form depends on the profile
    std::vector<std::string> alternatives;  // the profiles' forms, when there is no replacement
    std::string why;                        // noun phrase describing the used form
    Status status = Status::Dated;
    bool uncertain = false;  // the profile's form is inferred, not confirmed (never a safe fix)
    bool safe = false;
};

// The replacement for `used` as written in the text: without the leading article when the
// text has none ("Sisi" -> "Sissi", not "el-Sissi").
std::string fit_particle(std::string_view used, std::string_view replacement);

// Spellings compare equal when they differ only in case, apostrophe style or a leading
// Arabic article ("al-Sisi" and "Sisi").
std::string compare_key(std::string_view spelling, Part part);

namespace detail {
// One piece of a spelling as the segmenter splits text: a word (lower case), a punctuation
// mark, or " " for white space.
struct PatternPiece {
    std::string key;
    bool word = false;
    bool upper = false;  // the spelling has a capital here, so the text must too
};
}  // namespace detail

class Database {
  public:
    // Validates and indexes the data. Errors name the file, line and entry at fault.
    static std::variant<std::shared_ptr<const Database>, std::string> build(Data data);

    [[nodiscard]] const std::vector<Profile>& profiles() const { return data_.profiles; }
    [[nodiscard]] std::optional<std::size_t> profile_index(std::string_view id) const;
    [[nodiscard]] const std::vector<Entry>& entries() const { return data_.entries; }
    [[nodiscard]] const Form& form(std::uint32_t index) const { return forms_[index]; }
    [[nodiscard]] const std::vector<Generated>& generated() const { return data_.generated; }

    // The names the data knows in one region of text, left to right, longest match first.
    [[nodiscard]] std::vector<Mention> find(std::string_view text,
                                            std::span<const text::Token> tokens) const;
    // The same, trying only the word tokens listed in `starts` (indexes into `tokens`, in
    // increasing order): those for which may_start_name holds, which a caller can work out
    // once per distinct word. Most words start no name, so the list is short.
    [[nodiscard]] std::vector<Mention> find(std::string_view text,
                                            std::span<const text::Token> tokens,
                                            std::span<const std::uint32_t> starts) const;
    // Whether a name the data knows may start with `word`, a token's text (or that less a
    // possessive 's): whether some listed spelling's first piece is that word. False for most
    // words: the test find() puts each word to first.
    [[nodiscard]] bool may_start_name(std::string_view word) const;

    // The form `profile` uses for `part` of `entry`; with no profile, the entry's default or
    // the form every profile agrees on; empty when there is none.
    [[nodiscard]] const std::string& canonical(std::uint32_t entry, Part part,
                                               std::optional<std::size_t> profile) const;

    // Whether `name-variant` reports the listed form `form_index` under `profile`, and why.
    [[nodiscard]] Judgement judge(std::uint32_t form_index,
                                  std::optional<std::size_t> profile) const;

    // The entry and part a single word belongs to by romanization key (for spellings the data
    // does not list), or nullopt when no entry or more than one has that key.
    struct KeyMatch {
        std::uint32_t entry;
        Part part;
    };
    [[nodiscard]] std::optional<KeyMatch> by_romanization(std::string_view word) const;

  private:
    struct Reading {
        std::uint32_t entry = 0;
        bool exception = false;
        std::vector<std::uint8_t> piece_use;  // per pattern piece: index into uses, or kNoUse
        std::vector<bool> upper;              // per pattern piece: must start with a capital
        std::vector<std::pair<Part, std::uint32_t>> uses;  // (part, form index)
    };
    struct Node {
        std::vector<Reading> readings;
    };
    struct Canon {
        std::vector<std::string> by_profile;  // resolved, one per profile
        std::string none;                     // with no profile
    };

    Database() = default;
    std::optional<std::string> index();
    std::optional<std::string> add_pattern(std::string_view text,
                                           const std::vector<detail::PatternPiece>& pieces,
                                           Reading reading, std::uint32_t entry);
    std::uint32_t child(std::uint32_t node, std::string_view piece);
    [[nodiscard]] std::optional<std::uint32_t> find_child(std::uint32_t node,
                                                          std::string_view piece) const;
    std::string profile_labels_using(std::uint32_t entry, Part part, std::string_view key) const;

    Data data_;
    std::vector<Form> forms_;
    std::vector<std::array<Canon, 3>> canon_;  // per entry, per Part
    std::vector<Node> nodes_{Node{}};
    struct EdgeHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };
    // node id + piece -> child node; looked up by string_view, without allocating.
    std::unordered_map<std::string, std::uint32_t, EdgeHash, std::equal_to<>> edges_;
    std::unordered_map<std::string, std::optional<KeyMatch>> keys_;  // nullopt: ambiguous
    // The pieces that start a name: most words of a text start none, and the filter says so
    // with one bit test instead of an edge lookup.
    WordFilter starts_;
};

}  // namespace copydesk::names
