// homecare-finder core: JSON lines -> table (see jsonl_table.h).
// Depends on: core/jsonl_table.h, nlohmann/json, the C++ standard library.
// SPDX-License-Identifier: MIT
#include "core/jsonl_table.h"

#include <nlohmann/json.hpp>

#include <unordered_map>

namespace hcf::core {

namespace {

std::string_view without_bom(std::string_view text) {
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    return text;
}

std::string cell(const nlohmann::json& v) {
    if (v.is_null()) return {};
    if (v.is_string()) return v.get<std::string>();
    if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
    if (v.is_number()) return v.dump();
    return v.dump(); // a list or object: kept as JSON text, so nothing is silently lost
}

} // namespace

bool looks_like_json_lines(std::string_view text) {
    text = without_bom(text);
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
        return c == '{';
    }
    return false;
}

Expected<CsvTable> read_jsonl_table(std::string_view text, std::string_view file_name) {
    CsvTable t;
    t.file = std::string(file_name);
    text = without_bom(text);
    std::unordered_map<std::string, std::size_t> column_of;
    int line = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        ++line;
        const std::size_t end = text.find('\n', pos);
        std::string_view raw =
            text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
        pos = end == std::string_view::npos ? text.size() : end + 1;
        if (raw.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        const nlohmann::json j = nlohmann::json::parse(raw, nullptr, false);
        if (j.is_discarded() || !j.is_object())
            return Error{std::string(file_name) + ": line " + std::to_string(line) +
                             " is not a complete record (the file may be cut short or damaged).",
                         ""};
        CsvRecord rec;
        rec.line = line;
        rec.fields.resize(t.header.size());
        for (const auto& [key, value] : j.items()) {
            auto [it, fresh] = column_of.try_emplace(key, t.header.size());
            if (fresh) t.header.push_back(key);
            if (rec.fields.size() <= it->second) rec.fields.resize(it->second + 1);
            rec.fields[it->second] = cell(value);
        }
        t.rows.push_back(std::move(rec));
    }
    // Every row as wide as the header (a key first seen late is blank in earlier rows).
    for (auto& r : t.rows)
        r.fields.resize(t.header.size());
    if (t.rows.empty()) return Error{std::string(file_name) + ": the file has no records.", ""};
    t.columns = ColumnIndex(t.header);
    return t;
}

} // namespace hcf::core
