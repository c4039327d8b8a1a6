// homecare-finder tests: a session running "Update the data" a step at a time (mirrors
// src/core/session_update.cpp). Fixtures: update_fixture.h.
// SPDX-License-Identifier: MIT
#include "core/session.h"
#include "core/session_state.h"

#include "update_fixture.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace hcf::core;
using namespace hcf::test::update;

TEST_CASE("a session runs an update a step at a time, keeps the person where they are, and can restore") {
    const Current c = current_dataset();
    Session s;
    s.updater().set_maker(local_update);
    s.receive_file("manifest.json", c.manifest);
    s.receive_file("bundle.bin", c.bundle_bin);
    REQUIRE(s.ready());
    CHECK_FALSE(s.data_source().updated);
    auto state = [&] { return nlohmann::json::parse(session_state_json(s)); };
    CHECK(state()["data"]["source"] == "bundled");

    REQUIRE(s.start_update(september(), "2026-11-23"));
    CHECK(s.screen() == Screen::About);
    CHECK(s.updater().status().active);
    CHECK(s.updater().status().words == "Step 1 of 4: reading file 1 of 2");
    CHECK_FALSE(s.start_update(september(), "2026-11-23")); // one at a time
    int steps = 0;
    while (s.updater().can_step()) {
        s.updater().step();
        ++steps;
    }
    CHECK(steps == 3); // two files read, then checked
    CHECK(state()["update"]["words"] == "Step 2 of 4: fetching postcodes, district 1 of 3");
    std::vector<std::string> asked;
    for (const std::string& name : s.take_file_requests()) {
        asked.push_back(name);
        if (const auto it = c.district_files.find(name); it != c.district_files.end())
            s.receive_file(name, it->second);
        else
            s.receive_error(name, "HTTP 404");
    }
    CHECK(asked == kDistrictFilesAsked);
    while (s.updater().can_step())
        s.updater().step();
    CHECK(s.updater().status().words == "Step 4 of 4: saving the data");
    const std::vector<DataFile> files = s.updater().take_files_to_save();
    CHECK(files.size() == 3);
    CHECK(s.updater().take_files_to_save().empty()); // given once
    CHECK(s.bundle()->info.agencies == 4);           // the data in use has not changed yet

    SECTION("saved: the new data is in use, and the About screen can say so") {
        s.update_saved(Expected<void>());
        CHECK_FALSE(s.updater().status().active);
        CHECK(s.updater().status().message == "Updated to CQC data of 1 September 2026: 7 agencies.");
        CHECK(s.bundle()->info.agencies == 7);
        CHECK(s.data_source().updated);
        CHECK(s.data_source().on == "2026-11-23");
        CHECK(s.screen() == Screen::About);
        const auto j = state();
        CHECK(j["data"]["source"] == "updated");
        CHECK(j["data"]["edition"] == "2026-09-01");
        CHECK(j["data"]["agencies"] == 7);
        CHECK(j["update"]["message"] == "Updated to CQC data of 1 September 2026: 7 agencies.");

        // Restore: the data stays until the bundled files have arrived again.
        s.restore_bundled_data();
        CHECK(s.updater().take_restore_request());
        CHECK_FALSE(s.updater().take_restore_request());
        s.reload_data();
        CHECK(s.take_file_requests() == std::vector<std::string>{"manifest.json", "bundle.bin"});
        CHECK(s.bundle()->info.agencies == 7);
        s.receive_file("bundle.bin", c.bundle_bin); // waits for the manifest
        CHECK(s.bundle()->info.agencies == 7);
        s.receive_file("manifest.json", c.manifest);
        CHECK(s.bundle()->info.agencies == 4);
        CHECK_FALSE(s.data_source().updated);
        CHECK(s.updater().status().message ==
              "The data that came with this service is back in use: CQC data of 1 August 2025, 4 agencies.");
    }
    SECTION("not saved: nothing changes") {
        s.update_saved(Error{"QuotaExceededError", ""});
        CHECK(s.updater().status().failed);
        CHECK(s.updater().status().message == "The new data could not be kept in this browser "
                                              "(QuotaExceededError), so the data was not changed.");
        CHECK(s.bundle()->info.agencies == 4);
        CHECK_FALSE(s.data_source().updated);
    }
}

TEST_CASE("a session refuses a bad file, and any update in kiosk mode") {
    const Current c = current_dataset();
    Session s;
    s.updater().set_maker(local_update);
    s.receive_file("manifest.json", c.manifest);
    s.receive_file("bundle.bin", c.bundle_bin);
    SECTION("a bad file") {
        REQUIRE(s.start_update({{"costs.csv", read("reference/cost_reference.csv")}}, "2026-11-23"));
        while (s.updater().can_step())
            s.updater().step();
        CHECK(s.updater().status().failed);
        CHECK(s.updater().status().message.rfind("costs.csv is not one of the CQC files", 0) == 0);
        CHECK(s.bundle()->info.agencies == 4);
        CHECK(s.updater().take_files_to_save().empty());
    }
    SECTION("kiosk mode") {
        s.apply_share_query("kiosk=1");
        REQUIRE(s.page().kiosk);
        CHECK_FALSE(s.start_update(september(), "2026-11-23"));
        CHECK_FALSE(s.updater().status().active);
    }
}

namespace {
// A job that could not start, as the web app's is when its updater module does not load.
class NotLoaded final : public UpdateJob {
  public:
    bool can_step() const override { return false; }
    void step() override {}
    std::vector<std::string> take_file_requests() override { return {}; }
    bool wants_file(std::string_view) const override { return false; }
    void receive_file(std::string_view, std::string_view) override {}
    void receive_error(std::string_view, std::string_view) override {}
    const UpdateResult& result() const override { return result_; }
    void saved(const Expected<void>&) override {}
    UpdateProgress progress() const override { return {}; }
    UpdateStage stage() const override { return UpdateStage::Failed; }
    const Error* failure() const override { return &failure_; }
    bool can_try_again() const override { return true; }

  private:
    UpdateResult result_;
    Error failure_{"The updater could not be loaded.", ""};
};
} // namespace

TEST_CASE("a session without an updater says so, and one that could not start can be tried again") {
    const Current c = current_dataset();
    Session s;
    s.receive_file("manifest.json", c.manifest);
    s.receive_file("bundle.bin", c.bundle_bin);
    CHECK_FALSE(s.start_update(september(), "2026-11-23"));
    CHECK(s.updater().status().failed);
    CHECK_FALSE(s.updater().status().try_again);
    CHECK(s.updater().status().message == "The data cannot be updated here.");

    s.updater().set_maker([](std::vector<DataFile>, const Bundle&, const Manifest&, std::string) {
        return std::make_unique<NotLoaded>();
    });
    CHECK_FALSE(s.start_update(september(), "2026-11-23"));
    CHECK(s.updater().status().failed);
    CHECK(s.updater().status().try_again);
    CHECK(s.updater().status().message == "The updater could not be loaded.");
    CHECK(s.bundle()->info.agencies == 4);

    s.updater().set_maker(local_update); // tried again, and it works
    REQUIRE(s.start_update(september(), "2026-11-23"));
    CHECK_FALSE(s.updater().status().failed);
    CHECK_FALSE(s.updater().status().try_again);
}
