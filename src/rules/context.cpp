#include <algorithm>
#include <memory>
#include <span>

#include "rules/rule.hpp"
#include "text/casing.hpp"

namespace copydesk::rules {

namespace {
bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_lower(char c) {
    return c >= 'a' && c <= 'z';
}

// "Cornyn's" counts as "Cornyn".
std::string_view strip_possessive(std::string_view w) {
    if (w.empty() || w.back() != 's') return w;
    for (std::string_view suffix : {"'s", "\xE2\x80\x99s"}) {
        if (w.size() > suffix.size() + 1 && w.ends_with(suffix)) {
            return w.substr(0, w.size() - suffix.size());
        }
    }
    return w;
}
}  // namespace

Context::Context(const Document& doc, std::vector<RegionText> regions, spell::SpellChecker* speller,
                 const std::set<std::string, std::less<>>* rule_ids, const Resources& resources,
                 WordFacts* facts)
    : doc_(doc),
      regions_(std::move(regions)),
      speller_(speller),
      rule_ids_(rule_ids),
      vocabulary_(resources.vocabulary.get()),
      names_(resources.names.get()),
      facts_(facts) {
    if (names_ != nullptr && !resources.style.empty()) {
        style_profile_ = names_->profile_index(resources.style);
    }
}

const Context::Words& Context::words() const {
    static constexpr char kKey = 0;
    return shared<Words>(&kKey, [this] {
        // Views into the document's regions, which outlive the context.
        std::size_t tokens = 0;
        for (const RegionText& r : regions_) tokens += r.analysis.tokens.size();
        // About one token in two is a word, and a document repeats most of its words.
        Words words{WordTally(tokens / 4), WordTally(tokens / 32), {}, {}};
        words.ids.reserve(regions_.size());
        // A region's words that may be capitalized: room for the most words of a region, not
        // written before use.
        std::size_t most_words = 0;
        for (const RegionText& r : regions_)
            most_words = std::max(most_words, r.analysis.words.size());
        const auto capitalized = std::make_unique_for_overwrite<std::uint32_t[]>(most_words);
        for (const RegionText& r : regions_) {
            const std::span<const text::Token> region_tokens = r.analysis.tokens;
            const std::span<const std::uint32_t> word_tokens = r.analysis.words;
            const char* const text = r.region->text().data();
            const auto word_at = [&](std::uint32_t token) {
                const Span span = region_tokens[token].span;
                return std::string_view(text + span.begin, span.size());
            };
            // Every token's number WordTally::kNoWord but the words'.
            std::vector<std::uint32_t>& ids =
                words.ids.emplace_back(region_tokens.size(), WordTally::kNoWord);
            // In blocks, each with room made for its words first: the loop over a block calls
            // nothing. A word that does not start with a lower-case ASCII letter may be
            // capitalized (is_capitalized passes over what precedes a first letter), and is
            // looked at after.
            const std::size_t count = word_tokens.size();
            std::size_t candidates = 0;
            constexpr std::size_t kBlock = 256;
            for (std::size_t block = 0; block < count; block += kBlock) {
                const std::size_t end = std::min(count, block + kBlock);
                words.all.reserve(end - block);
                for (std::size_t k = block; k < end; ++k) {
                    const std::uint32_t i = word_tokens[k];
                    const std::string_view w = word_at(i);
                    ids[i] = words.all.add_reserved(w, word_hash(w));
                    capitalized[candidates] = i;
                    candidates += w.empty() || !is_lower(w.front()) ? 1 : 0;
                }
            }
            for (std::size_t k = 0; k < candidates; ++k) {
                const std::uint32_t i = capitalized[k];
                const std::string_view w = word_at(i);
                if (!region_tokens[i].sentence_start && is_capitalized(w)) {
                    words.mid_sentence_capitalized.add(strip_possessive(w));
                }
            }
        }
        const auto distinct = static_cast<std::uint32_t>(words.all.distinct());
        words.slots.resize(distinct);
        if (facts_ == nullptr) {
            for (std::uint32_t id = 0; id < distinct; ++id) words.slots[id] = id;
        } else {
            constexpr std::uint32_t kAhead = 8;
            for (std::uint32_t id = 0; id < distinct; ++id) {
                if (id + kAhead < distinct) facts_->prefetch(words.all.hash_of(id + kAhead));
                words.slots[id] = facts_->slot(words.all.word(id), words.all.hash_of(id));
            }
        }
        return words;
    });
}

WordAnswers Context::word_answers(const void* key) const {
    const Words& all = words();
    if (facts_ != nullptr) return {facts_->answers(key), all.slots};
    std::vector<std::uint8_t>& store = answers_[key];
    store.resize(all.slots.size(), 0);
    return {store, all.slots};
}

int Context::capitalized_mid_sentence_count(std::string_view word) const {
    return words().mid_sentence_capitalized.count(strip_possessive(word));
}

int Context::word_count(std::string_view word) const {
    return words().all.count(word);
}

Diagnostic& Reporter::report(const RegionText& where, Span text_span, std::string message) {
    return report_source(where.region->to_source(text_span), std::move(message));
}

Diagnostic& Reporter::report_source(Span source_span, std::string message) {
    Diagnostic d;
    d.rule = info_.id;
    d.severity = info_.severity;
    d.category = info_.category;
    d.span = source_span;
    d.message = std::move(message);
    d.link = info_.link;
    out_.push_back(std::move(d));
    return out_.back();
}

Position Context::position(const RegionText& where, std::uint32_t text_offset) const {
    return doc_.lines.position(where.region->to_source({text_offset, text_offset}).begin);
}

void Reporter::set_fix(Diagnostic& d, const RegionText& where,
                       const std::vector<std::pair<Span, std::string>>& edits, std::string title,
                       bool safe) {
    Fix fix{std::move(title), {}, safe};
    for (const auto& [span, replacement] : edits) {
        if (!where.region->is_verbatim(span)) return;
        fix.edits.push_back(Edit{where.region->to_source(span), replacement});
    }
    d.fix = std::move(fix);
}

void Reporter::set_fix(Diagnostic& d, const RegionText& where, Span text_span,
                       std::string replacement, std::string title, bool safe) {
    if (!where.region->is_verbatim(text_span)) return;
    d.fix = Fix{
        std::move(title), {Edit{where.region->to_source(text_span), std::move(replacement)}}, safe};
}

bool is_capitalized(std::string_view w) {
    return text::is_capitalized(w);
}

bool is_all_caps(std::string_view w) {
    // The ending left aside below is at least two letters from the start: a word starting
    // lower case (most words) is not all capitals.
    if (!w.empty() && is_lower(w.front())) return false;
    std::string_view core = w;
    for (std::string_view suffix : {"'s", "\xE2\x80\x99s", "s"}) {
        if (core.size() > suffix.size() + 1 && core.ends_with(suffix)) {
            core.remove_suffix(suffix.size());
            break;
        }
    }
    int upper = 0;
    for (char c : core) {
        if (is_lower(c)) return false;
        upper += is_upper(c) ? 1 : 0;
    }
    return upper >= 2 ||
           (upper == 1 && core.size() > 1 && core.find('.') != std::string_view::npos);
}

bool has_latin_letter(std::string_view w) {
    return std::any_of(w.begin(), w.end(), [](char c) { return is_upper(c) || is_lower(c); });
}

}  // namespace copydesk::rules
