// homecare-finder fuzz target: share links and stored state from untrusted bytes.
// Property: decoding never crashes; whatever survives re-encodes and decodes to the same state; the
// session restoring storage or applying a link never crashes either.
// SPDX-License-Identifier: MIT
#include "core/session.h"
#include "core/session_state.h"
#include "core/url_state.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const hcf::core::ShareState s = hcf::core::decode_share_state(text);
    const hcf::core::ShareState again = hcf::core::decode_share_state(hcf::core::encode_share_state(s));
    if (again.postcode != s.postcode || again.shortlist != s.shortlist || again.help != s.help ||
        again.council != s.council || again.screen != s.screen)
        std::abort();
    hcf::core::Session session;
    session.apply_share_query(text);
    session.restore_storage(text);
    (void)hcf::core::session_state_json(session);
    return 0;
}
