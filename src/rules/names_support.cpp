#include "rules/names_support.hpp"

#include <algorithm>
#include <array>
#include <memory>

#include "text/casing.hpp"

namespace copydesk::rules {

namespace {

constexpr std::string_view kOpenCurly = "\xE2\x80\x9C";   // “
constexpr std::string_view kCloseCurly = "\xE2\x80\x9D";  // ”
constexpr std::string_view kOpenGuillemet = "\xC2\xAB";   // «
constexpr std::string_view kCloseGuillemet = "\xC2\xBB";  // »
constexpr std::size_t kLongestTitle = 120;                // bytes between the quotes

// Words that introduce a spelling or a former name as such: "often spelled Qaddafi", "Mumbai,
// formerly Bombay", "then known as Leningrad".
constexpr std::array<std::string_view, 14> kIntroducers{
    "spelled",  "spelt",      "spelling", "written", "transliterated", "romanized", "romanised",
    "formerly", "previously", "known as", "called",  "renamed from",   "once",      "née"};

bool introduced_as_a_name(std::string_view text, Span span) {
    std::string_view before = text.substr(0, span.begin);
    while (!before.empty() && (before.back() == ' ' || before.back() == '(' ||
                               before.back() == '"' || before.back() == '\'')) {
        before.remove_suffix(1);
    }
    if (before.ends_with("\xE2\x80\x9C")) before.remove_suffix(3);  // “
    const std::string tail =
        text::to_lower(before.substr(before.size() - std::min<std::size_t>(before.size(), 20)));
    return std::any_of(kIntroducers.begin(), kIntroducers.end(), [&](std::string_view w) {
        if (!tail.ends_with(w)) return false;
        const std::size_t start = tail.size() - w.size();
        return start == 0 || tail[start - 1] == ' ' || tail[start - 1] == '(';
    });
}

bool followed_by_sic(std::string_view text, Span span) {
    std::string_view rest = text.substr(span.end);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '"')) rest.remove_prefix(1);
    if (rest.starts_with(kCloseCurly)) rest.remove_prefix(kCloseCurly.size());
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    return rest.starts_with("[sic]");
}

// Every word of four letters or more starts with a capital: a title, or a quoted name.
bool reads_as_title(std::string_view quote) {
    bool any = false;
    std::size_t i = 0;
    while (i < quote.size()) {
        while (i < quote.size() && (quote[i] == ' ' || quote[i] == ',' || quote[i] == ':' ||
                                    quote[i] == '-' || quote[i] == '\'')) {
            ++i;
        }
        std::size_t e = i;
        while (e < quote.size() && quote[e] != ' ') ++e;
        const std::string_view word = quote.substr(i, e - i);
        if (word.size() >= 4 && text::has_lower(word)) {
            if (!text::starts_upper(word)) return false;
            any = true;
        }
        i = e;
    }
    return any;
}

// The quoted text around `span` for one pair of quote marks, if the span is inside one.
std::string_view quote_around(std::string_view text, Span span, std::string_view open,
                              std::string_view close) {
    const std::size_t o = text.rfind(open, span.begin);
    if (o == std::string_view::npos) return {};
    const std::size_t content = o + open.size();
    if (content > span.begin) return {};
    const std::size_t closed_before = text.find(close, content);
    if (closed_before != std::string_view::npos && closed_before < span.begin) return {};
    const std::size_t c = text.find(close, span.end);
    if (c == std::string_view::npos || c - content > kLongestTitle) return {};
    return text.substr(content, c - content);
}

std::string_view straight_quote_around(std::string_view text, Span span) {
    std::size_t count = 0;
    std::size_t last = std::string_view::npos;
    for (std::size_t i = 0; i < span.begin; ++i) {
        if (text[i] == '"') {
            ++count;
            last = i;
        }
    }
    if (count % 2 == 0) return {};
    const std::size_t c = text.find('"', span.end);
    if (c == std::string_view::npos || c - last - 1 > kLongestTitle) return {};
    return text.substr(last + 1, c - last - 1);
}

// Writes to `out` the region words (token indexes) whose word id `starts_name` marks (1) and
// returns how many. Every word of a document passes here and few are marked: the loop reads
// one byte per word and writes without a branch, into room for every word.
std::size_t marked_words(std::span<const std::uint32_t> words, const std::uint32_t* ids,
                         const std::uint8_t* starts_name, std::uint32_t* out) {
    std::size_t n = 0;
    for (const std::uint32_t t : words) {
        out[n] = t;
        n += starts_name[ids[t]];
    }
    return n;
}

}  // namespace

bool left_as_written(const RegionText& where, Span span) {
    // Titles and quoted names sit inside one sentence: look no further back than its start.
    constexpr auto kWindow = static_cast<std::uint32_t>(kLongestTitle);
    std::uint32_t from = span.begin > kWindow ? span.begin - kWindow : 0;
    for (const Span& sentence : where.analysis.sentences) {
        if (sentence.begin <= span.begin && span.begin < sentence.end) {
            from = std::max(from, sentence.begin);
            break;
        }
    }
    const std::string_view text = where.text().substr(from, span.end + kWindow + 4 - from);
    span = {span.begin - from, span.end - from};
    if (followed_by_sic(text, span) || introduced_as_a_name(text, span)) return true;
    for (const std::string_view quote : {quote_around(text, span, kOpenCurly, kCloseCurly),
                                         quote_around(text, span, kOpenGuillemet, kCloseGuillemet),
                                         straight_quote_around(text, span)}) {
        if (!quote.empty() && reads_as_title(quote)) return true;
    }
    return false;
}

std::span<const names::Mention> name_mentions(const Context& ctx, std::size_t region) {
    using ByRegion = std::vector<std::vector<names::Mention>>;
    static constexpr char kKey = 0;
    const ByRegion& all = ctx.shared<ByRegion>(&kKey, [&] {
        ByRegion out(ctx.regions().size());
        const names::Database* db = ctx.names();
        if (db == nullptr) return out;
        const Context::Words& words = ctx.words();
        static constexpr char kMayStart = 0;
        WordMemo may_start(words.all, ctx.word_answers(&kMayStart),
                           [&](std::string_view w) { return db->may_start_name(w); });
        // Asked once per distinct word, not once per use: a document in which no word may
        // start a name is done here, and the scan below reads one byte per word.
        std::vector<std::uint8_t> starts_name(words.all.distinct());
        bool any = false;
        for (std::uint32_t id = 0; id < starts_name.size(); ++id) {
            starts_name[id] = may_start(id) ? 1 : 0;
            any = any || starts_name[id] != 0;
        }
        if (!any) return out;
        // The region's words that may start a name: few, and a region with none is done.
        // Room for the longest region's words, never zeroed: marked_words writes before it reads.
        std::size_t most = 0;
        for (const RegionText& where : ctx.regions()) {
            most = std::max(most, where.analysis.words.size());
        }
        const auto starts = std::make_unique_for_overwrite<std::uint32_t[]>(most);
        for (std::size_t i = 0; i < out.size(); ++i) {
            const RegionText& where = ctx.regions()[i];
            const std::size_t n = marked_words(where.analysis.words, words.ids[i].data(),
                                               starts_name.data(), starts.get());
            if (n != 0) {
                out[i] = db->find(where.text(), where.analysis.tokens,
                                  std::span<const std::uint32_t>(starts.get(), n));
            }
        }
        return out;
    });
    return all[region];
}

}  // namespace copydesk::rules
