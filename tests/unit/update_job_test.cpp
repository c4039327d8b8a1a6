// homecare-finder tests: DataUpdate behind the session's UpdateJob (mirrors src/core/update_job.cpp).
// Fixtures: update_fixture.h.
// SPDX-License-Identifier: MIT
#include "core/update_job.h"

#include "update_fixture.h"

#include <catch2/catch.hpp>

using namespace hcf::core;
using namespace hcf::test::update;

TEST_CASE("local_update runs DataUpdate: steps, the postcode file it asks for, the files to keep") {
    const Current c = current_dataset();
    const std::unique_ptr<UpdateJob> job = local_update(september(), c.bundle, c.listed, "2026-11-23");
    CHECK(job->progress().words == "Step 1 of 4: reading file 1 of 2");
    CHECK_FALSE(job->can_try_again());
    while (job->can_step())
        job->step();
    CHECK(job->stage() == UpdateStage::Fetching);
    CHECK(job->wants_file("postcodes/B13.txt"));
    serve_postcodes(*job, c);
    CHECK_FALSE(job->wants_file("postcodes/B13.txt"));
    while (job->can_step())
        job->step();
    REQUIRE(job->stage() == UpdateStage::Saving);
    CHECK(job->result().files.size() == 3);
    CHECK(job->result().agencies == 7);
    CHECK(job->failure() == nullptr);
    job->saved(Expected<void>());
    CHECK(job->stage() == UpdateStage::Done);
    CHECK(job->failure() == nullptr);
}

TEST_CASE("local_update fails with DataUpdate's message") {
    const Current c = current_dataset();
    const std::unique_ptr<UpdateJob> job =
        local_update({{"costs.csv", read("reference/cost_reference.csv")}}, c.bundle, c.listed, "2026-11-23");
    while (job->can_step())
        job->step();
    CHECK(job->stage() == UpdateStage::Failed);
    REQUIRE(job->failure() != nullptr);
    CHECK(job->failure()->message.rfind("costs.csv is not one of the CQC files", 0) == 0);
    CHECK_FALSE(job->can_try_again());
}
