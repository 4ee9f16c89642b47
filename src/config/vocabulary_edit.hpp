#pragma once

#include <string>
#include <string_view>
#include <variant>

namespace copydesk::config {

// The text of a .copydesk.yaml with `word` added to `vocabulary: accept:`, keeping the rest of
// the file (comments, order, layout) as it was; or why the file cannot be edited safely. An
// empty `text` gives a new file. A word already accepted leaves the text unchanged.
struct VocabularyEditError {
    std::string why;
};
std::variant<std::string, VocabularyEditError> add_accepted_word(std::string_view text,
                                                                 std::string_view word);

}  // namespace copydesk::config
