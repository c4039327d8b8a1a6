// homecare-finder tests: the printable page of the shortlist (mirrors src/core/print_page.cpp).
// SPDX-License-Identifier: MIT
#include "core/print_page.h"
#include "core/text_format.h"

#include "session_fixture.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace hcf::core;
using hcf::test::result_ids;
using hcf::test::tiny_bundle;

TEST_CASE("the printable page escapes what the data holds") {
    Session s;
    s.set_bundle(tiny_bundle());
    s.toggle_shortlist("1-200");
    const std::string html = print_page_html(s, "2026-12-01");
    CHECK(html.find("Beta &lt;Care&gt;") != std::string::npos);
    CHECK(html.find("Beta <Care>") == std::string::npos);
}

TEST_CASE("the printable page says the day it was printed, and the data's date separately (issue 13)") {
    Session s;
    s.set_bundle(tiny_bundle());
    s.toggle_shortlist("1-200");
    const std::string html = print_page_html(s, "2026-12-01");
    CHECK(html.find("Made on 1 December 2026.") != std::string::npos);
    const std::string data = format_date(s.bundle()->info.cqc_edition);
    REQUIRE_FALSE(data.empty());
    CHECK(data != "1 December 2026");
    CHECK(html.find("data of " + data) != std::string::npos);
}

TEST_CASE("html_escape makes text safe inside HTML") {
    CHECK(html_escape("Tom & Jerry's <b>\"care\"</b>") ==
          "Tom &amp; Jerry&#39;s &lt;b&gt;&quot;care&quot;&lt;/b&gt;");
    CHECK(html_escape("plain") == "plain");
}
