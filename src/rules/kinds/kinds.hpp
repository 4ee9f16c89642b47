#pragma once

// Internal to the rule pack loader: the rule kinds and what they share.

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/word_filter.hpp"
#include "rules/pack.hpp"
#include "spell/speller.hpp"

namespace re2 {
class RE2;
}

namespace copydesk::rules::kinds {

// Thrown inside the loader, returned as a PackError at the API.
struct LoadFailure {
    PackError error;
};

// ---- phrases: literal word sequences, matched over tokens ----

// Lower case, with the curly apostrophe read as a straight one.
std::string fold(std::string_view text);

struct PhraseToken {
    std::string text;  // folded when the phrase ignores case
    bool space_before = false;
};

struct Phrase {
    std::string text;  // as written in the rule
    std::vector<PhraseToken> tokens;
    bool ignorecase = true;
};

struct PhraseHit {
    std::uint32_t owner = 0;   // which rule
    std::uint32_t phrase = 0;  // which of its phrases
    std::uint32_t region = 0;
    Span span;  // text span in the region
    std::uint32_t first_token = 0;
    std::uint32_t last_token = 0;  // inclusive
};

// The phrases of every rule in a pack, looked up by their first two words, so a document is
// scanned once for all of them however many rules and phrases there are: two hash lookups a
// word, whatever the number of phrases.
class PhraseIndex {
  public:
    std::uint32_t add_owner() { return owners_++; }
    // Tokenizes `text` as documents are; fails (returns false) unless it starts with a word.
    bool add(text::Segmenter& segmenter, std::uint32_t owner, std::uint32_t phrase_id,
             std::string_view text, bool ignorecase);

    struct Hits {
        std::vector<PhraseHit> hits;  // sorted by owner, region, position
        [[nodiscard]] std::span<const PhraseHit> of(std::uint32_t owner) const;
    };
    [[nodiscard]] Hits scan(const Context& ctx) const;
    // For one rule: the pack's scan, made once per document and shared by its rules.
    [[nodiscard]] std::span<const PhraseHit> hits(const Context& ctx, std::uint32_t owner) const;

  private:
    struct Entry {
        std::uint32_t owner;
        std::uint32_t id;
        Phrase phrase;
    };
    using Map = std::unordered_map<std::string, std::vector<std::uint32_t>, spell::StringHash,
                                   std::equal_to<>>;
    std::uint32_t owners_ = 0;
    std::vector<Entry> entries_;
    Map single_;  // one-word phrases by their folded word
    Map pairs_;   // longer phrases by their first two folded words (see pair_key)
    // The folded words that start a phrase: most words of a text start none, and the filter
    // says so with one bit test instead of the two lookups above. The other two say which
    // words may be a one-word phrase, or the second word of a longer one, before a lookup.
    WordFilter starts_;
    WordFilter singles_;
    WordFilter seconds_;
    bool number_starts_ = false;  // some phrase starts with a word holding a digit ("9/11")
};

// ---- regular expressions (RE2: linear time) ----

struct Pattern {
    std::string text;
    std::shared_ptr<const re2::RE2> re;
    // Bytes every match starts with ("TK" for \bTK\b), or empty: where they do not occur, the
    // expression is not run at all.
    std::string prefix;
};

struct PatternHit {
    std::uint32_t region;
    Span span;
    std::string group;  // the first capture group, when the pattern has one
    std::size_t pattern;
};

// Matches of `patterns` in every region of the rule's scopes, leaving out any that overlap a
// URL, email, handle or hashtag.
std::vector<PatternHit> find_patterns(const Context& ctx, const std::vector<Pattern>& patterns,
                                      const std::set<Scope>& scopes);

// ---- reading one rule file ----

// Reads keys of one YAML mapping, remembering which were used, with file:line errors.
class Keys {
  public:
    Keys(std::string file, YAML::Node map);

    [[nodiscard]] bool has(const std::string& key) const;
    [[nodiscard]] YAML::Node node(const std::string& key);  // marks the key used
    std::string string(const std::string& key);             // required scalar
    std::string string_or(const std::string& key, std::string fallback);
    bool boolean_or(const std::string& key, bool fallback);
    long integer_or(const std::string& key, long fallback, long min, long max);
    std::vector<std::string> strings(const std::string& key);  // required non-empty list
    std::vector<YAML::Node> list(const std::string& key);      // the items of a list key
    std::vector<std::pair<std::string, YAML::Node>> items(const std::string& key);

    // Fails on the first key that was not read.
    void check_all_used() const;

    [[noreturn]] void fail(const YAML::Node& at, const std::string& key,
                           const std::string& message) const;
    [[noreturn]] void fail(const std::string& key, const std::string& message) const;
    [[nodiscard]] const std::string& file() const { return file_; }

  private:
    std::string file_;
    YAML::Node map_;
    std::set<std::string> used_;
};

// What every kind shares: the rule's info, its scopes and message template.
struct Common {
    RuleInfo info;
    PackInfo pack;
    std::set<Scope> scopes;  // empty: every scope
    std::string message;     // with {placeholders}

    [[nodiscard]] bool in_scope(const RegionText& where) const {
        return scopes.empty() || scopes.count(where.region->scope()) != 0;
    }
};

// Fills `{name}` placeholders of a message template.
std::string format_message(const std::string& templ,
                           const std::vector<std::pair<std::string, std::string>>& values);

// Everything a kind needs while its file is read.
struct Build {
    Keys& keys;
    Common common;
    std::shared_ptr<PhraseIndex> phrases;  // the pack's; read-only once the pack is loaded
    text::Segmenter& segmenter;

    // Compiles a pattern (fails with the file and line of `at`).
    Pattern pattern(const YAML::Node& at, const std::string& key, const std::string& text,
                    bool ignorecase, int max_groups = 1) const;
    // Adds phrases for a new owner; returns the owner id.
    std::uint32_t add_phrases(const std::string& key, const std::vector<YAML::Node>& nodes,
                              const std::vector<std::string>& texts, bool ignorecase) const;
    // Checks that the message uses only `allowed` placeholders.
    void check_message(const std::vector<std::string>& allowed) const;
    // `ignorecase` with this kind's default.
    bool ignorecase(bool fallback) { return keys.boolean_or("ignorecase", fallback); }
    // `safe`: whether `copydesk fix` may apply this rule's fixes unasked (default false).
    bool safe() { return keys.boolean_or("safe", false); }
};

// A rule's terms: `tokens:` (literal phrases, one matcher for the pack) and `patterns:` (RE2).
struct TermSet {
    std::shared_ptr<const PhraseIndex> index;
    std::uint32_t owner = 0;
    std::size_t phrase_count = 0;
    std::vector<Pattern> patterns;
    std::vector<std::string> texts;  // phrases, then patterns, as written

    struct Hit {
        std::uint32_t region;
        Span span;
        std::uint32_t term;  // index into `texts`
        std::string group;   // a pattern's first capture group
        std::uint32_t first_token;
    };
    [[nodiscard]] bool empty() const { return texts.empty(); }
    // Every match in the regions of `scopes`, sorted by region and position.
    [[nodiscard]] std::vector<Hit> find(const Context& ctx, const std::set<Scope>& scopes) const;
};

// Reads `tokens` (phrases) and `patterns` from `keys`; `required`: at least one of them.
TermSet read_terms(Build& b, bool ignorecase, bool required,
                   const std::string& tokens_key = "tokens",
                   const std::string& patterns_key = "patterns");
// Drops hits that lie inside a match of `exceptions` in the same region.
void drop_exceptions(std::vector<TermSet::Hit>& hits, const TermSet& exceptions, const Context& ctx,
                     const std::set<Scope>& scopes);
// Keeps the first (then longest) of overlapping hits.
void drop_overlaps(std::vector<TermSet::Hit>& hits);

using Factory = std::function<std::shared_ptr<const Rule>(Build&)>;

std::shared_ptr<const Rule> make_existence(Build& b);
std::shared_ptr<const Rule> make_substitution(Build& b);
std::shared_ptr<const Rule> make_consistency(Build& b);
std::shared_ptr<const Rule> make_repetition(Build& b);
std::shared_ptr<const Rule> make_occurrence(Build& b);
std::shared_ptr<const Rule> make_capitalization(Build& b);
std::shared_ptr<const Rule> make_conditional(Build& b);

// The kinds by name, as `extends:` names them.
const std::map<std::string, Factory>& kind_factories();

// Base of every kind: the info, scopes and message shared by all.
class PackRule : public Rule {
  public:
    explicit PackRule(Common common) : common_(std::move(common)) {}
    [[nodiscard]] const RuleInfo& info() const override { return common_.info; }
    [[nodiscard]] const PackInfo* pack() const override { return &common_.pack; }

  protected:
    [[nodiscard]] std::string message(
        const std::vector<std::pair<std::string, std::string>>& values) const {
        return format_message(common_.message, values);
    }
    Common common_;
};

}  // namespace copydesk::rules::kinds
