// homecare-finder tests: "Update the data" and "Restore the bundled data" on their own, without a session
// (mirrors src/core/data_updater.cpp). The session's part is in session_update_test.cpp.
// Fixtures: update_fixture.h.
// SPDX-License-Identifier: MIT
#include "core/data_updater.h"

#include "update_fixture.h"

#include <catch2/catch.hpp>

using namespace hcf::core;
using namespace hcf::test::update;

namespace {
DataStore loaded(const Current& c) {
    DataStore data;
    REQUIRE(data.receive("manifest.json", c.manifest));
    REQUIRE(data.receive("bundle.bin", c.bundle_bin));
    REQUIRE(data.ready());
    return data;
}
} // namespace

TEST_CASE("an updater refuses to start without a maker or before the data is in, and says why") {
    DataUpdater u;
    CHECK_FALSE(u.start(september(), DataStore(), "2026-11-23"));
    CHECK(u.status().failed);
    CHECK(u.status().message == "The data cannot be updated here.");

    u.set_maker(local_update);
    CHECK_FALSE(u.start(september(), DataStore(), "2026-11-23"));
    CHECK(u.status().message ==
          "The care information is still loading. Wait a moment, then choose the files again.");
    CHECK_FALSE(u.running());
    CHECK_FALSE(u.wants_file("postcodes/B13.txt")); // no job: nothing is routed to it
}

TEST_CASE("an updater runs a step at a time, gives its files once, and hands them back once they are kept") {
    const Current c = current_dataset();
    const DataStore data = loaded(c);
    DataUpdater u;
    u.set_maker(local_update);
    REQUIRE(u.start(september(), data, "2026-11-23"));
    CHECK(u.status().active);
    CHECK_FALSE(u.start(september(), data, "2026-11-23")); // one at a time
    int guard = 0;
    while (u.can_step() && ++guard < 10000) {
        u.step();
        serve_postcodes(u, c); // the job's postcode files, as the server has them
    }
    const std::vector<DataFile> files = u.take_files_to_save();
    REQUIRE_FALSE(files.empty());
    CHECK(u.take_files_to_save().empty()); // given once
    const std::vector<DataFile> in_use = u.saved(Expected<void>());
    CHECK(in_use.size() == files.size());
    CHECK_FALSE(u.running());
    CHECK(u.status().message == "Updated to CQC data of 1 September 2026: 7 agencies.");
    CHECK(u.saved(Expected<void>()).empty()); // no job any more
}

TEST_CASE("a restore asks once, shows its progress, and says how it went") {
    DataUpdater u;
    u.start_restore();
    CHECK(u.restoring());
    CHECK(u.status().words == "Restoring the data that came with this service...");
    CHECK(u.take_restore_request());
    CHECK_FALSE(u.take_restore_request());
    u.restore_finished(false, "CQC data of 1 September 2026, 3,193 agencies");
    CHECK_FALSE(u.restoring());
    CHECK_FALSE(u.status().failed);
    CHECK(
        u.status().message ==
        "The data that came with this service is back in use: CQC data of 1 September 2026, 3,193 agencies.");

    u.start_restore();
    u.restore_finished(true, "ignored");
    CHECK(u.status().failed);
    CHECK(u.status().message.rfind("The updated data could not be removed from this browser.", 0) == 0);
    u.restore_finished(false, "not restoring"); // after the end: nothing changes
    CHECK(u.status().failed);

    u.say("The updated information saved in this browser could not be read, so it has been removed.");
    CHECK_FALSE(u.status().failed);
    CHECK(u.status().message.rfind("The updated information saved", 0) == 0);
}
