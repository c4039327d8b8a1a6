// homecare-finder core: the one way the core says "this did not work" (docs/architecture.md, "Errors").
// Depends on: the C++ standard library only.
// SPDX-License-Identifier: MIT
//
// The rule, everywhere in the core:
//   * Loading or building from bytes or text (a file, a pack, a manifest, a CSV) returns Expected<T>: the
//     value, or an Error with plain words for the person (shown as they are) and, where it helps, a detail
//     for developers and logs. Expected<void> when there is nothing to return but success. A streaming
//     reader (CsvReader) gives bool from next() and says how it went in status(), an Expected<void>.
//   * Looking something up that the owner holds returns const T*: nullptr when it is not there.
//   * Working out a small value that may not exist (parsing a word, a date, a number; a postcode's position
//     unpacked on the call) returns std::optional<T>.
//   * Checking what a person typed (parse_postcode, locate, SearchEngine::search, estimate_costs,
//     run_means_test) returns its own result with ok and the words to show, since a failed check carries
//     more than words (a PostcodeError kind, suggestions); docs/architecture.md, "Errors".
//   * Nothing throws out of the core's API; a tool may turn an Error into its exit code.
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace hcf::core {

struct Error {
    std::string message; // plain words for the person, e.g. "The care information file is damaged ..."
    std::string detail;  // what exactly was wrong, for developers ("checksum does not match"); may be ""
};

template <class T> class [[nodiscard]] Expected {
  public:
    Expected(T value) : value_(std::move(value)) {}
    Expected(Error error) : error_(std::move(error)) {}

    bool ok() const { return value_.has_value(); }
    explicit operator bool() const { return ok(); }
    // The value; only when ok().
    T& operator*() { return *value_; }
    const T& operator*() const { return *value_; }
    T* operator->() { return &*value_; }
    const T* operator->() const { return &*value_; }
    // "" when ok().
    const std::string& error() const { return error_.message; }
    const std::string& error_detail() const { return error_.detail; }
    const Error& failure() const { return error_; }

  private:
    std::optional<T> value_;
    Error error_;
};

template <> class [[nodiscard]] Expected<void> {
  public:
    Expected() = default;
    Expected(Error error) : ok_(false), error_(std::move(error)) {}

    bool ok() const { return ok_; }
    explicit operator bool() const { return ok_; }
    const std::string& error() const { return error_.message; }
    const std::string& error_detail() const { return error_.detail; }
    const Error& failure() const { return error_; }

  private:
    bool ok_ = true;
    Error error_;
};

} // namespace hcf::core
