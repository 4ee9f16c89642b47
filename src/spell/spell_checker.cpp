#include <algorithm>
#include <array>
#include <filesystem>
#include <span>

#include "core/diagnostic.hpp"
#include "spell/speller.hpp"
#include "spell/typo_model.hpp"

namespace copydesk::spell {

namespace {

constexpr std::size_t kSuggestions = 5;

class LexiconSpeller final : public Speller {
  public:
    LexiconSpeller(std::shared_ptr<const Lexicon> lexicon, Dialect dialect)
        : lexicon_(std::move(lexicon)), dialect_(dialect) {}
    bool spell(const std::string& word) override {
        return lexicon_->find(word, dialect_) != nullptr;
    }
    std::vector<std::string> suggest(const std::string& /*word*/) override { return {}; }
    [[nodiscard]] const Lexicon* lexicon() const { return lexicon_.get(); }
    [[nodiscard]] Dialect dialect() const { return dialect_; }

  private:
    std::shared_ptr<const Lexicon> lexicon_;
    Dialect dialect_;
};

// "Zelenskyy's" -> {"Zelenskyy", "'s"}; "Reuters'" -> {"Reuters", "'"}.
std::pair<std::string_view, std::string_view> split_possessive(std::string_view word) {
    for (std::string_view suffix : {"'s", "\xE2\x80\x99s", "\xCA\xBCs", "'", "\xE2\x80\x99"}) {
        if (word.size() > suffix.size() + 1 && word.ends_with(suffix)) {
            return {word.substr(0, word.size() - suffix.size()),
                    word.substr(word.size() - suffix.size())};
        }
    }
    return {word, {}};
}

std::size_t letters(std::string_view word) {
    return static_cast<std::size_t>(std::count_if(word.begin(), word.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c & 0xC0) == 0xC0;
    }));
}

}  // namespace

std::optional<std::string> load_spelling_data(const std::string& folder, bool misspellings,
                                              SpellData& data) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path words = fs::path(folder) / "words.tsv";
    if (fs::is_regular_file(words, ec)) {
        auto loaded = Lexicon::load(words.string());
        if (auto* why = std::get_if<std::string>(&loaded)) return *why;
        data.lexicon = std::get<std::shared_ptr<const Lexicon>>(std::move(loaded));
    }
    const fs::path table = fs::path(folder) / "misspellings.tsv";
    if (misspellings && fs::is_regular_file(table, ec)) {
        auto loaded = MisspellingTable::load(table.string());
        if (auto* why = std::get_if<std::string>(&loaded)) return *why;
        data.misspellings = std::get<std::shared_ptr<const MisspellingTable>>(std::move(loaded));
    }
    return std::nullopt;
}

std::unique_ptr<Speller> make_lexicon_speller(std::shared_ptr<const Lexicon> lexicon,
                                              Dialect dialect) {
    return std::make_unique<LexiconSpeller>(std::move(lexicon), dialect);
}

SpellChecker::SpellChecker(std::unique_ptr<Speller> engine, std::shared_ptr<const WordList> house)
    : engine_(std::move(engine)), corrections_(std::make_shared<CorrectionCache>()) {
    data_.house = std::move(house);
    use_engine_lexicon();
}

SpellChecker::SpellChecker(std::unique_ptr<Speller> engine, SpellData data, Dialect dialect)
    : engine_(std::move(engine)),
      data_(std::move(data)),
      dialect_(dialect),
      corrections_(data_.corrections ? data_.corrections : std::make_shared<CorrectionCache>()) {
    use_engine_lexicon();
}

void SpellChecker::use_engine_lexicon() {
    if (const auto* speller = dynamic_cast<const LexiconSpeller*>(engine_.get())) {
        engine_lexicon_ = speller->lexicon();
        engine_dialect_ = speller->dialect();
    }
}

const Corrections* CorrectionCache::find(std::string_view word) const {
    const std::lock_guard lock(mutex_);
    const auto it = map_.find(word);
    return it == map_.end() ? nullptr : &it->second;
}

const Corrections& CorrectionCache::keep(std::string_view word, Corrections found) {
    const std::lock_guard lock(mutex_);
    return map_.try_emplace(std::string(word), std::move(found)).first->second;
}

std::optional<bool> CorrectionCache::near_common(std::string_view word) const {
    const std::lock_guard lock(mutex_);
    const auto it = near_common_.find(word);
    return it == near_common_.end() ? std::nullopt : std::optional<bool>(it->second);
}

void CorrectionCache::keep_near_common(std::string_view word, bool near) {
    const std::lock_guard lock(mutex_);
    near_common_.try_emplace(std::string(word), near);
}

bool SpellChecker::lookup(std::string_view word) {
    if (data_.house && data_.house->contains(word)) return true;
    if (engine_lexicon_ != nullptr) {
        if (engine_lexicon_->find(word, engine_dialect_) != nullptr) return true;
        // The entry the lexicon finds in any dialect is valid in every dialect if it has the
        // other dialect's spelling (Lexicon::valid_in): the engine found it already.
        if (engine_lexicon_ == data_.lexicon.get()) return false;
    } else if (engine_->spell(std::string(word))) {
        return true;
    }
    // The other dialect's spelling of a word is not a misspelling.
    if (data_.lexicon) {
        const Lexicon::Entry* e = data_.lexicon->find(word);
        return e != nullptr && e->other_length > 0;
    }
    return false;
}

namespace {

// Endings English adds to the -ing form of any verb: a plural noun ("ponderings", "wailings")
// and an adverb ("invokingly", "gallopingly"). Dictionaries list only the commonest, and the
// rest are words, not typos, when the -ing form is known. `added`: the letters after it.
// -ness, -less and -edly are left out, productive as they are: a typo is often a word plus
// one of them ("seemless", "tickness", "purposedly" in the misspelling lists).
struct IngEnding {
    std::string_view ending;
    std::size_t added;
};
constexpr std::array<IngEnding, 2> kIngEndings{{{"ings", 1}, {"ingly", 2}}};
// An -ing form of fewer letters ("doing", "being") is too near too many typos to vouch for one.
constexpr std::size_t kMinIngForm = 6;

// "un" before a participle or an -able adjective makes a word of its own as freely as the
// endings above ("unvetted", "unredacted", "unsmoothable"), and news copy coins them daily. A
// typo rarely takes that shape: of the 332 such words in the misspelling lists, 9 are "un" and
// a known word ("unsinged" for "unsigned"). Other prefixes are left out: "re" + a known
// participle is a typo as often ("recommanded").
constexpr std::string_view kUn = "un";
constexpr std::array<std::string_view, 4> kUnEndings{"ed", "ing", "able", "ible"};
constexpr std::size_t kMinUnStem = 5;  // "unsed" is "unused" mistyped, not "un" + "sed"

}  // namespace

bool SpellChecker::derivative_known(std::string_view word) {
    for (const auto& [ending, added] : kIngEndings) {
        if (word.size() >= kMinIngForm + added &&
            ascii_fold(word.substr(word.size() - ending.size())) == ending) {
            return lookup(word.substr(0, word.size() - added));
        }
    }
    const std::string folded = ascii_fold(word);
    if (folded.size() < kUn.size() + kMinUnStem || !folded.starts_with(kUn)) return false;
    // "eed" is no participle's ending but a verb's ("unsucceed").
    const bool participle = std::any_of(kUnEndings.begin(), kUnEndings.end(),
                                        [&](std::string_view e) { return folded.ends_with(e); }) &&
                            !folded.ends_with("eed");
    // The stem as written: the lexicon's case rules apply to it ("UNVETTED", "Unvetted").
    if (!participle || !lookup(word.substr(kUn.size()))) return false;
    return !data_.misspellings || !data_.misspellings->correction(folded);
}

bool SpellChecker::learn_known(std::string_view raw) {
    const bool ok = look_up_known(raw);
    known_cache_.insert(raw, ok);
    return ok;
}

bool SpellChecker::look_up_known(std::string_view raw) {
    std::string straightened;
    const std::string_view word = normalize_apostrophes(raw, straightened);
    bool ok = lookup(word);
    if (!ok) {
        // Possessives of names: "Zelenskyy's", "Reuters'".
        const auto [base, suffix] = split_possessive(word);
        if (!suffix.empty()) ok = lookup(base);
        if (!ok) ok = derivative_known(base);
    }
    return ok;
}

std::optional<std::string> SpellChecker::table_correction(std::string_view word) {
    if (!data_.misspellings) return std::nullopt;
    const auto found = data_.misspellings->correction(word);
    if (!found) return std::nullopt;
    std::string fixed(*found);
    // The table is written in American spelling; a British document gets the British form.
    if (data_.lexicon && dialect_ != Dialect::Any) {
        const Lexicon::Entry* e = data_.lexicon->find(fixed);
        if (e != nullptr && e->dialect != Dialect::Any && e->dialect != dialect_ &&
            e->other_length > 0) {
            fixed = data_.lexicon->counterpart(*e);
        }
    }
    std::size_t start = 0;
    while (start <= fixed.size()) {
        const std::size_t space = std::min(fixed.find(' ', start), fixed.size());
        if (!known(std::string_view(fixed).substr(start, space - start))) return std::nullopt;
        start = space + 1;
    }
    return fixed;
}

const Corrections& SpellChecker::corrections(std::string_view raw) {
    if (const Corrections* known = corrections_->find(raw)) return *known;
    Corrections result;
    const auto [base, suffix] = split_possessive(raw);
    const std::string word = normalize_apostrophes(base);
    const std::string folded = ascii_fold(word);

    if (auto fixed = table_correction(word)) {
        Correction c;
        c.word = copy_case(word, *fixed);
        c.cost = typo_cost(folded, ascii_fold(*fixed));
        c.from_table = true;
        if (data_.lexicon) {
            if (const Lexicon::Entry* e = data_.lexicon->find(*fixed)) {
                c.level = e->level;
                c.frequency = e->frequency;
                c.proper = data_.lexicon->word(*e) != data_.lexicon->folded(*e);
            }
        }
        c.score = c.cost + rarity_cost(c.frequency);
        result.ranked.push_back(std::move(c));
        result.safe = true;
    }
    std::vector<Correction> more;
    if (data_.lexicon) {
        more = rank_corrections(*data_.lexicon, word, dialect_, kSuggestions);
    } else {
        for (std::string& s : engine_->suggest(word)) {
            Correction c;
            c.cost = typo_cost(folded, ascii_fold(s));
            c.score = c.cost;
            c.word = std::move(s);
            more.push_back(std::move(c));
        }
    }
    for (Correction& c : more) {
        if (result.ranked.size() == kSuggestions) break;
        const bool seen = std::any_of(result.ranked.begin(), result.ranked.end(),
                                      [&](const Correction& r) { return r.word == c.word; });
        if (!seen) result.ranked.push_back(std::move(c));
    }
    for (Correction& c : result.ranked) {
        c.word += suffix;
        result.words.push_back(c.word);
    }
    return corrections_->keep(raw, std::move(result));
}

const Corrections* SpellChecker::corrections_within_budget(std::string_view word) {
    if (const Corrections* cached = corrections_->find(word)) return cached;
    if (!budget_left_) return &corrections(word);
    if (worked_out_ && budget_left_->count() <= 0) {
        cut_ = true;
        return nullptr;
    }
    const auto start = std::chrono::steady_clock::now();
    const Corrections& found = corrections(word);
    *budget_left_ -= std::chrono::steady_clock::now() - start;
    worked_out_ = true;
    return &found;
}

std::vector<std::string> SpellChecker::suggestions(std::string_view word, std::size_t limit) {
    const auto& all = corrections(word).words;
    return {all.begin(), all.begin() + static_cast<std::ptrdiff_t>(std::min(limit, all.size()))};
}

namespace {
// Word-list level and typo cost within which a short capitalized word reads as a slip.
constexpr int kShortSlipLevel = 10;
constexpr double kShortSlipCost = 1.0;
// Typo cost of one swap or one doubled letter added or left out.
constexpr double kCheapSlipCost = 0.6;
// With evidence of a name, the most a slip may cost, and how common the word must be (a name's
// level, an ordinary word's).
constexpr double kStrictCost = 1.3;
constexpr int kStrictNameLevel = 40;
constexpr int kStrictWordLevel = 35;
static_assert(std::max(kStrictNameLevel, kStrictWordLevel) <= Lexicon::kCommonLevel,
              "the common words must hold every target with evidence of a name");
}  // namespace

bool SpellChecker::misspells_common_word(std::string_view raw, NameEvidence evidence) {
    const std::string_view word = split_possessive(raw).first;
    const bool strict = evidence != NameEvidence::None;
    if (letters(word) < (strict ? 5U : 4U)) {
        // A short word opening a sentence with nothing else saying "name" is a slip only on
        // one of the commonest words, by one transposition or one key ("Teh", "Adn", "Thw").
        if (strict || letters(word) < 3) return false;
        const Corrections& found = corrections(word);
        if (found.ranked.empty()) return false;
        const Correction& best = found.ranked.front();
        return !best.proper && best.level <= kShortSlipLevel && best.cost <= kShortSlipCost;
    }
    // With strong evidence only the table can decide: spare the ranking.
    if (evidence == NameEvidence::Strong && !table_correction(normalize_apostrophes(word))) {
        return false;
    }
    // With evidence of a name, only a common word within a cheap slip can be the target. Most
    // names are near none, which a search of the common words alone shows for a fraction of
    // the ranking's cost.
    if (strict && data_.lexicon && !near_common_word(word)) return false;
    const Corrections& found = corrections(word);
    if (found.ranked.empty()) return false;
    const Correction& best = found.ranked.front();
    if (best.word.find(' ') != std::string::npos) return false;
    // Only a common word is a target, or a name as common as one (months, days,
    // nationalities) when the capital is evidence of a name: a name one slip from another
    // name proves little. At the start of a sentence any listed name is a target.
    // A swap or a doubled letter away from a word ("Blitzkreig") is a slip even on a less
    // common word, when nothing but the sentence start capitalized it.
    const int common_level = !strict && best.cost <= kCheapSlipCost ? 60 : 50;
    const bool target = best.proper ? best.level <= (strict ? kStrictNameLevel : 70)
                                    : best.level <= (strict ? kStrictWordLevel : common_level);
    if (!target) return false;
    if (best.from_table) return true;
    if (evidence == NameEvidence::Strong) return false;
    if (best.cost > (strict ? kStrictCost : best.proper ? 1.7 : 2.0)) return false;
    // Two equally good readings suggest a name that happens to be near both.
    if (strict && found.ranked.size() > 1 && found.ranked[1].score - best.score < 0.5) {
        return false;
    }
    return true;
}

bool SpellChecker::near_common_word(std::string_view word) {
    if (const bool* cached = near_common_cache_.find(word)) return *cached;
    if (const std::optional<bool> shared = corrections_->near_common(word)) {
        near_common_cache_.insert(word, *shared);
        return *shared;
    }
    // As corrections() reads the word; a word it has ranked, or the table corrects, is let
    // through without a search.
    const std::string base = normalize_apostrophes(split_possessive(word).first);
    const bool near =
        corrections_->find(word) != nullptr || table_correction(base) ||
        least_correction_cost(*data_.lexicon, base, Lexicon::kCommonLevel) <= kStrictCost;
    near_common_cache_.insert(word, near);
    corrections_->keep_near_common(word, near);
    return near;
}

void SpellChecker::prefetch_lookups(std::span<const std::string_view> words) const {
    // Curly apostrophes are not straightened here: a word that has one is fetched in vain.
    if (data_.house) {
        for (const std::string_view word : words) data_.house->prefetch(word);
    }
    if (data_.lexicon) data_.lexicon->prefetch_same_letters(words);
}

std::optional<DialectSpelling> SpellChecker::learn_dialect_spelling(std::string_view word) {
    auto found = look_up_dialect_spelling(word);
    dialect_cache_.insert(word, found);
    return found;
}

std::optional<DialectSpelling> SpellChecker::look_up_dialect_spelling(std::string_view word) const {
    if (!data_.lexicon) return std::nullopt;
    std::optional<DialectSpelling> found;
    std::string straightened;
    const std::string_view w = normalize_apostrophes(word, straightened);
    const auto has_other_spelling = [](const Lexicon::Entry& e) {
        return e.dialect != Dialect::Any && e.other_length != 0;
    };
    // Few words have another dialect's spelling, which the entries spelled with the same
    // letters tell without their spellings being read: each is a cache miss the first time a
    // word is seen, which matching the word's case would take.
    const std::span<const Lexicon::Entry> entries = data_.lexicon->same_letters(w);
    if (std::none_of(entries.begin(), entries.end(), has_other_spelling)) return found;
    const Lexicon::Entry* e = data_.lexicon->find_among(entries, w);
    if (e != nullptr && has_other_spelling(*e)) {
        found = DialectSpelling{e->dialect, data_.lexicon->counterpart(*e)};
    }
    return found;
}

}  // namespace copydesk::spell
