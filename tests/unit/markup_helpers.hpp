#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <variant>
#include <vector>

#include "markup/reader.hpp"

namespace copydesk::testing {

inline Document load_as(const std::string& path, std::string text,
                        const markup::ReadOptions& options = {}) {
    auto r = markup::load_document(path, std::move(text), markup::format_for_path(path), options);
    REQUIRE(std::holds_alternative<Document>(r));
    return std::get<Document>(std::move(r));
}

inline std::vector<std::string> texts(const Document& doc) {
    std::vector<std::string> out;
    for (const Region& r : doc.regions) out.push_back(r.text());
    return out;
}

inline std::vector<std::string> scopes(const Document& doc) {
    std::vector<std::string> out;
    for (const Region& r : doc.regions) out.emplace_back(to_string(r.scope()));
    return out;
}

// The source bytes behind the first occurrence of `word` in region `index`'s text.
inline std::string source_of(const Document& doc, std::size_t index, const std::string& word) {
    REQUIRE(index < doc.regions.size());
    const Region& region = doc.regions[index];
    const auto at = region.text().find(word);
    INFO("looking for '" << word << "' in '" << region.text() << "'");
    REQUIRE(at != std::string::npos);
    const auto b = static_cast<std::uint32_t>(at);
    const Span s = region.to_source({b, b + static_cast<std::uint32_t>(word.size())});
    return doc.source.substr(s.begin, s.size());
}

// Every verbatim segment's text is byte for byte the source it maps to, segments run forward
// through the source, and every region lies inside it.
inline void check_mapping(const Document& doc) {
    for (const Region& region : doc.regions) {
        const auto& segs = region.segments();
        for (std::size_t i = 0; i < segs.size(); ++i) {
            const auto text_end = static_cast<std::uint32_t>(
                i + 1 < segs.size() ? segs[i + 1].text_begin : region.text().size());
            const auto& s = segs[i];
            CHECK(s.source.end <= doc.source.size());
            CHECK(s.source.begin <= s.source.end);
            if (s.verbatim) {
                INFO("region '" << region.text() << "' segment " << i);
                CHECK(region.text().substr(s.text_begin, text_end - s.text_begin) ==
                      doc.source.substr(s.source.begin, s.source.size()));
            }
            if (i > 0) CHECK(segs[i - 1].source.end <= s.source.begin);
        }
    }
}

}  // namespace copydesk::testing
