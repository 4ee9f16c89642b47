#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/document.hpp"
#include "core/hash.hpp"
#include "core/word_facts.hpp"
#include "core/word_tally.hpp"
#include "rules/names_db.hpp"
#include "spell/speller.hpp"
#include "text/tokens.hpp"

namespace copydesk::rules {

// A worked example of a rule: a bad text with what the rule finds in it (and the text after
// applying its fixes), or a good text it must leave alone.
struct Example {
    std::string text;
    bool bad = false;
    std::vector<std::string> flags;  // the flagged text of each finding, in order (bad only)
    std::string fixed;               // the text after the fixes; empty when not given
    std::string message;             // the first finding's message; empty when not given
    std::string origin;              // "file:line" of a rule pack example, for test reports
};

struct RuleInfo {
    std::string id;  // kebab-case; a built-in rule's file is named after it
    Category category = Category::Spelling;
    Severity severity = Severity::Warning;
    bool enabled_by_default = true;
    std::string summary;      // one line, as listed by `copydesk rules`
    std::string description;  // rationale, shown by `copydesk explain`
    std::string link;
    bool needs_dictionary = false;  // load the spell checker even if no spelling rule is on
    bool needs_names = false;       // load the names database (dictionaries/names)
    // Reported whatever the flags, config files, scopes and inline directives say, at its own
    // severity: for findings no one should be able to hide (Trojan Source).
    bool always_on = false;
};

// Where a data-driven rule comes from.
struct PackInfo {
    std::string name;               // the rule pack (its folder name)
    std::string kind;               // the rule kind it extends
    std::vector<Example> examples;  // its inline tests
};

// One prose region with its tokens and sentences.
struct RegionText {
    const Region* region;
    text::Analysis analysis;

    [[nodiscard]] std::string_view text() const { return region->text(); }
    [[nodiscard]] std::string_view slice(Span s) const {
        return std::string_view(region->text()).substr(s.begin, s.size());
    }
};

// The project's vocabulary from its configuration: words accepted go to the spell checker;
// rejected forms are reported by the `rejected-term` rule.
struct Vocabulary {
    struct Rejected {
        std::string form;  // a word or phrase, as the project never writes it
        std::string use;   // what to write instead; may be empty
    };
    std::vector<Rejected> reject;
};

// Shared, immutable data that rules read, loaded once per run by config::Session.
struct Resources {
    std::shared_ptr<const names::Database> names;  // null when not loaded
    std::string style;                             // style profile id (--style); empty: none
    std::shared_ptr<const Vocabulary> vocabulary;  // the project's; null when it has none
};

// Everything a rule may look at for one document.
class Context {
  public:
    // `rule_ids`: every rule the linter has, on or off (null: unknown). `facts`: the linter's
    // answers about words, kept between documents (null: kept for this document only).
    Context(const Document& doc, std::vector<RegionText> regions, spell::SpellChecker* speller,
            const std::set<std::string, std::less<>>* rule_ids = nullptr,
            const Resources& resources = {}, WordFacts* facts = nullptr);

    [[nodiscard]] const Document& document() const { return doc_; }
    [[nodiscard]] std::span<const RegionText> regions() const { return regions_; }
    // Null when no dictionary is loaded (rules that need one then stay silent).
    [[nodiscard]] spell::SpellChecker* speller() const { return speller_; }
    // The names database, or null when it is not loaded.
    [[nodiscard]] const names::Database* names() const { return names_; }
    // The selected style profile's index in the names database; nullopt for none.
    [[nodiscard]] std::optional<std::size_t> style_profile() const { return style_profile_; }
    // Null when the linter was not told which rules exist.
    [[nodiscard]] const std::set<std::string, std::less<>>* rule_ids() const { return rule_ids_; }
    // Null when the project has no vocabulary.
    [[nodiscard]] const Vocabulary* vocabulary() const { return vocabulary_; }
    // True if `word` appears capitalized somewhere in the document other than at the start
    // of a sentence: evidence that it is a name.
    [[nodiscard]] bool capitalized_mid_sentence(std::string_view word) const {
        return capitalized_mid_sentence_count(word) != 0;
    }
    // How often `word` appears capitalized other than at the start of a sentence.
    [[nodiscard]] int capitalized_mid_sentence_count(std::string_view word) const;
    // How often the document uses `word`, spelled exactly so.
    [[nodiscard]] int word_count(std::string_view word) const;

    // The document's words, numbered: a rule that works something out about a word (is it
    // known, may it start a name) does so once per distinct word rather than once per token.
    // Made when first asked for.
    struct Words {
        WordTally all;                       // every Word token, spelled as written
        WordTally mid_sentence_capitalized;  // possessive 's left off
        // ids[r][t]: the number in `all` of token t of region r, or WordTally::kNoWord.
        std::vector<std::vector<std::uint32_t>> ids;
        // slots[id]: where answers about word `id` are kept (see word_answers).
        std::vector<std::uint32_t> slots;
    };
    [[nodiscard]] const Words& words() const;
    // Where to keep answers to the question `key` asks about each of words().all (for a
    // WordMemo): in the linter's WordFacts, so that the next document need not ask again, or
    // for this document only. An answer must depend only on the word and on the linter's
    // dictionary, names and rules, never on the document.
    [[nodiscard]] WordAnswers word_answers(const void* key) const;

    // Line and column of a text offset in `where`, for messages such as "first used at 3:14".
    [[nodiscard]] Position position(const RegionText& where, std::uint32_t text_offset) const;

    // Work several rules share over one document (a rule pack scans its phrase lists once for
    // all its rules): made by the first rule that asks for `key`, kept until the document is
    // done. `make` returns a T.
    template <typename T, typename Make>
    const T& shared(const void* key, Make make) const {
        auto it = shared_.find(key);
        if (it == shared_.end()) {
            it = shared_.emplace(key, std::make_shared<const T>(make())).first;
        }
        return *static_cast<const T*>(it->second.get());
    }

  private:
    const Document& doc_;
    std::vector<RegionText> regions_;
    spell::SpellChecker* speller_;
    const std::set<std::string, std::less<>>* rule_ids_;
    const Vocabulary* vocabulary_;  // owned by the caller's Resources
    const names::Database* names_;  // owned by the caller's Resources
    std::optional<std::size_t> style_profile_;
    WordFacts* facts_;
    mutable std::map<const void*, std::shared_ptr<const void>> shared_;
    mutable std::map<const void*, std::vector<std::uint8_t>> answers_;  // without facts_
};

// Collects one rule's findings, mapping region-text spans to source spans.
class Reporter {
  public:
    Reporter(const RuleInfo& info, std::vector<Diagnostic>& out) : info_(info), out_(out) {}

    Diagnostic& report(const RegionText& where, Span text_span, std::string message);
    // A finding outside prose (a directive comment), at a span of the original source.
    Diagnostic& report_source(Span source_span, std::string message);
    // A safe, single-edit fix on a text span; dropped if the span is not verbatim source.
    void set_fix(Diagnostic& d, const RegionText& where, Span text_span, std::string replacement,
                 std::string title, bool safe);
    // A fix of several edits on text spans; dropped if any span is not verbatim source.
    void set_fix(Diagnostic& d, const RegionText& where,
                 const std::vector<std::pair<Span, std::string>>& edits, std::string title,
                 bool safe);

  private:
    const RuleInfo& info_;
    std::vector<Diagnostic>& out_;
};

class Rule {
  public:
    virtual ~Rule() = default;
    [[nodiscard]] virtual const RuleInfo& info() const = 0;
    // Set for rules loaded from a rule pack.
    [[nodiscard]] virtual const PackInfo* pack() const { return nullptr; }
    // Must be deterministic and must not keep state between documents.
    virtual void check(const Context& ctx, Reporter& out) const = 0;
};

// Every built-in rule, sorted by id. Generated from the files in src/rules/builtin/.
std::vector<std::unique_ptr<Rule>> make_builtin_rules();

// The text of tests/rules/<id>.yaml for a built-in rule (compiled in), or empty.
std::string_view builtin_cases_yaml(std::string_view rule_id);

// A rule's examples: its pack's inline tests, or a built-in rule's cases.
std::vector<Example> rule_examples(const Rule& rule);

// ---- helpers shared by rules ----

bool is_capitalized(std::string_view word);  // "Kyiv", not "KYIV" or "kyiv"
bool is_all_caps(std::string_view word);     // "NATO", "U.S", "CEO's"
bool has_latin_letter(std::string_view word);

}  // namespace copydesk::rules
