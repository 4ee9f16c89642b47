#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/document.hpp"
#include "spell/speller.hpp"
#include "text/tokens.hpp"

namespace copydesk::rules {

struct Example {
    std::string text;
    bool bad = false;
};

struct RuleInfo {
    std::string id;  // kebab-case; a built-in rule's file is named after it
    Category category = Category::Spelling;
    Severity severity = Severity::Warning;
    bool enabled_by_default = true;
    std::string summary;      // one line, as listed by `copydesk rules`
    std::string description;  // rationale, shown by `copydesk explain`
    std::string link;
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

// Everything a rule may look at for one document.
class Context {
  public:
    Context(const Document& doc, std::vector<RegionText> regions, spell::SpellChecker* speller);

    [[nodiscard]] const Document& document() const { return doc_; }
    [[nodiscard]] std::span<const RegionText> regions() const { return regions_; }
    // Null when no dictionary is loaded (rules that need one then stay silent).
    [[nodiscard]] spell::SpellChecker* speller() const { return speller_; }
    // True if `word` appears capitalized somewhere in the document other than at the start
    // of a sentence: evidence that it is a name.
    [[nodiscard]] bool capitalized_mid_sentence(std::string_view word) const {
        return capitalized_mid_sentence_count(word) != 0;
    }
    // How often `word` appears capitalized other than at the start of a sentence.
    [[nodiscard]] int capitalized_mid_sentence_count(std::string_view word) const;
    // How often the document uses `word`, spelled exactly so.
    [[nodiscard]] int word_count(std::string_view word) const;

  private:
    const Document& doc_;
    std::vector<RegionText> regions_;
    spell::SpellChecker* speller_;
    std::unordered_map<std::string_view, int> mid_sentence_capitalized_;
    std::unordered_map<std::string_view, int> word_counts_;
};

// Collects one rule's findings, mapping region-text spans to source spans.
class Reporter {
  public:
    Reporter(const RuleInfo& info, std::vector<Diagnostic>& out) : info_(info), out_(out) {}

    Diagnostic& report(const RegionText& where, Span text_span, std::string message);
    // A safe, single-edit fix on a text span; dropped if the span is not verbatim source.
    void set_fix(Diagnostic& d, const RegionText& where, Span text_span, std::string replacement,
                 std::string title, bool safe);

  private:
    const RuleInfo& info_;
    std::vector<Diagnostic>& out_;
};

class Rule {
  public:
    virtual ~Rule() = default;
    [[nodiscard]] virtual const RuleInfo& info() const = 0;
    // Must be deterministic and must not keep state between documents.
    virtual void check(const Context& ctx, Reporter& out) const = 0;
};

// Every built-in rule, sorted by id. Generated from the files in src/rules/builtin/.
std::vector<std::unique_ptr<Rule>> make_builtin_rules();

// ---- helpers shared by rules ----

bool is_capitalized(std::string_view word);  // "Kyiv", not "KYIV" or "kyiv"
bool is_all_caps(std::string_view word);     // "NATO", "U.S", "CEO's"
bool has_latin_letter(std::string_view word);

}  // namespace copydesk::rules
