// homecare-finder fuzz target: what the browser kept (localStorage) read back from untrusted bytes.
// Depends on: hcf_core (session), libFuzzer.
// Properties: restore_storage never crashes; the shortlist it keeps is never longer than kMaxShortlist;
// a newer format is given back byte for byte; otherwise what it writes back, read again, writes back the
// same (so a reload never slowly rewrites or loses what a person saved).
// Seed corpus: tests/fuzz/corpus/fuzz_storage/ (saved states of each version, damaged ones).
// SPDX-License-Identifier: MIT
#include "core/session.h"
#include "core/url_state.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {
void check(bool ok) {
    if (!ok) std::abort();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    hcf::core::Session first;
    first.restore_storage(text);
    check(first.shortlist().size() <= hcf::core::kMaxShortlist);
    const std::string written = first.storage_json();
    if (first.storage_newer()) {
        check(written == text);
        return 0;
    }
    hcf::core::Session second;
    second.restore_storage(written);
    check(second.shortlist() == first.shortlist());
    check(second.storage_json() == written);
    return 0;
}
