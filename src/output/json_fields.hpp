#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/diagnostic.hpp"
#include "core/document.hpp"

namespace copydesk::output {

using Json = nlohmann::ordered_json;

// Appends `text` as a JSON string, byte for byte as dump() writes it. Most strings are
// written straight; one with bytes that are not UTF-8 or with control characters goes
// through nlohmann, whose replacement of bad bytes is the contract.
void append_json_string(std::string& out, std::string_view text);

// Appends the fields of one diagnostic in the JSON contract (version 1), shared by json and
// jsonl: `"rule":...,"fix":...` without the braces. Written directly rather than built as a
// Json value: with a finding every few hundred bytes of news copy, building and dumping a
// tree for each cost as much as some rules. `lines`: the file's source map, for its findings
// in order.
void append_diagnostic_fields(std::string& out, SourceMap::Cursor& lines, const Diagnostic& d);

// Serializes without throwing on bytes that are not UTF-8.
std::string dump(const Json& j);

}  // namespace copydesk::output
