#pragma once

#include <nlohmann/json.hpp>

#include "core/diagnostic.hpp"
#include "core/document.hpp"

namespace copydesk::output {

using Json = nlohmann::ordered_json;

// The fields of one diagnostic in the JSON contract (version 1), shared by json and jsonl.
Json diagnostic_fields(const Document& doc, const Diagnostic& d);

// Serializes without throwing on bytes that are not UTF-8.
std::string dump(const Json& j);

}  // namespace copydesk::output
