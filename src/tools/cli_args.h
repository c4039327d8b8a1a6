// homecare-finder tools: command-line options, shared by the tools (hcf, hcf-dataset, benchmarks):
// "--name value", "--name=value" and "--flag", checked against the options a command knows.
// Depends on: the C++ standard library only.
// SPDX-License-Identifier: MIT
//
// A mistake throws UsageError (exit code 2 by the tools' convention) with a plain message; each tool's main
// catches it and says it. Numbers are checked here too, with an example in the message.
#pragma once

#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace hcf::tools {

struct UsageError {
    std::string message; // e.g. "--radius needs a number, like --radius 5."
};

[[noreturn]] inline void usage_error(std::string message) {
    throw UsageError{std::move(message)};
}

class Args {
  public:
    // argv[first..argc) are read; "--x" is an option, "-1.5" a value (negative numbers are caught by the
    // range checks), anything else positional.
    Args(int argc, char** argv, int first) {
        for (int i = first; i < argc; ++i) {
            std::string a = argv[i];
            if (a.rfind("--", 0) == 0 && a.size() > 2) {
                std::string name = a.substr(2), value;
                bool has_value = false;
                if (const auto eq = name.find('='); eq != std::string::npos) {
                    value = name.substr(eq + 1);
                    name = name.substr(0, eq);
                    has_value = true;
                } else if (i + 1 < argc && !is_option(argv[i + 1])) {
                    value = argv[++i];
                    has_value = true;
                }
                const auto v = has_value ? std::optional<std::string>(value) : std::nullopt;
                options_[name].push_back(v);
                in_order_.emplace_back(name, v);
            } else {
                positional_.push_back(a);
            }
        }
    }
    // Every option must be one of these; flags must have no value and valued options must have one.
    // unknown_hint ends the message for an unknown option ("Run hcf help to see the options.").
    void check(const std::set<std::string>& valued, const std::set<std::string>& flags,
               const std::string& unknown_hint) const {
        for (const auto& [name, values] : options_) {
            if (flags.count(name)) {
                for (const auto& v : values)
                    if (v) usage_error("--" + name + " takes no value.");
            } else if (valued.count(name)) {
                for (const auto& v : values)
                    if (!v) usage_error("--" + name + " needs a value.");
            } else {
                usage_error("Unknown option --" + name + "." +
                            (unknown_hint.empty() ? "" : " " + unknown_hint));
            }
        }
    }
    bool has(const std::string& name) const { return options_.count(name) > 0; }
    // The last value given.
    std::optional<std::string> get(const std::string& name) const {
        const auto it = options_.find(name);
        if (it == options_.end() || it->second.empty()) return std::nullopt;
        return it->second.back();
    }
    // Every value given for a repeatable option, each split on commas and trimmed.
    std::vector<std::string> list(const std::string& name) const {
        std::vector<std::string> out;
        const auto it = options_.find(name);
        if (it == options_.end()) return out;
        for (const auto& v : it->second) {
            if (!v) continue;
            std::stringstream ss(*v);
            std::string item;
            while (std::getline(ss, item, ',')) {
                const auto b = item.find_first_not_of(" \t");
                const auto e = item.find_last_not_of(" \t");
                if (b != std::string::npos) out.push_back(item.substr(b, e - b + 1));
            }
        }
        return out;
    }
    // Every option as given, in command-line order (for options whose order matters between names).
    const std::vector<std::pair<std::string, std::optional<std::string>>>& in_order() const {
        return in_order_;
    }
    const std::vector<std::string>& positional() const { return positional_; }

  private:
    static bool is_option(const char* s) { return s[0] == '-' && s[1] == '-' && s[2] != '\0'; }
    std::map<std::string, std::vector<std::optional<std::string>>> options_;
    std::vector<std::pair<std::string, std::optional<std::string>>> in_order_;
    std::vector<std::string> positional_;
};

// A number for --option, or a UsageError "--option needs a number, like --option <example>."
inline double parse_number(const std::string& text, const std::string& option, const std::string& example) {
    const char* begin = text.c_str();
    char* end = nullptr;
    const double v = std::strtod(begin, &end);
    if (end == begin || *end != '\0' || !std::isfinite(v))
        usage_error("--" + option + " needs a number, like --" + option + " " + example + ".");
    return v;
}

inline int parse_int(const std::string& text, const std::string& option, const std::string& example) {
    const double v = parse_number(text, option, example);
    if (v != std::floor(v) || std::abs(v) > 1e9)
        usage_error("--" + option + " needs a whole number, like --" + option + " " + example + ".");
    return static_cast<int>(v);
}

} // namespace hcf::tools
