// homecare-finder tests: share links (mirrors src/core/url_state.cpp).
// SPDX-License-Identifier: MIT
#include "core/url_state.h"

#include <catch2/catch.hpp>

using namespace hcf::core;

TEST_CASE("a share state round-trips through the query string") {
    ShareState s;
    s.postcode = "B13 9AB";
    s.help = {"dementia", "physical"};
    s.radius_miles = 10;
    s.sort = SortOrder::Rating;
    s.min_rating = Rating::Good;
    s.include_not_rated = true;
    s.shortlist = {"1-123", "1-456"};
    s.council = "essex";
    s.screen = "shortlist";
    const std::string q = encode_share_state(s);
    CHECK(q ==
          "pc=B13%209AB&help=dementia,physical&r=10&sort=rating&min=good&nr=1&sl=1-123,1-456&council=essex"
          "&s=shortlist");
    const ShareState back = decode_share_state("?" + q);
    CHECK(back.postcode == s.postcode);
    CHECK(back.help == s.help);
    CHECK(back.radius_miles == 10);
    CHECK(back.sort == SortOrder::Rating);
    CHECK(back.min_rating == Rating::Good);
    CHECK(back.include_not_rated);
    CHECK(back.shortlist == s.shortlist);
    CHECK(back.council == "essex");
    CHECK(back.screen == "shortlist");
}

TEST_CASE("a minimum rating adds agencies not yet rated only when the link says nr=1 (issue 13)") {
    CHECK_FALSE(decode_share_state("min=good").include_not_rated);      // an older link: just that rating
    CHECK_FALSE(decode_share_state("min=good&nr=0").include_not_rated); // how older links left them out
    CHECK(decode_share_state("min=good&nr=1").include_not_rated);
    ShareState s;
    s.min_rating = Rating::Good;
    CHECK(encode_share_state(s) == "min=good");
    s.include_not_rated = true;
    s.min_rating = Rating::NotRated; // no minimum: every agency, so nothing to add
    CHECK(encode_share_state(s).empty());
}

TEST_CASE("crafted values are dropped, never passed on") {
    std::vector<std::string> problems;
    const ShareState s = decode_share_state(
        "pc=%3Cscript%3E&help=a%22b,dementia&r=1e9&sort=evil&min=superb&sl=1-1,<img>,1-1&council=Essex!&a=x",
        &problems);
    CHECK(s.postcode.empty());
    CHECK(s.help == std::vector<std::string>{"dementia"});
    CHECK(s.radius_miles == 5.0);
    CHECK(s.sort == SortOrder::Distance);
    CHECK(s.min_rating == Rating::NotRated);
    CHECK(s.shortlist == std::vector<std::string>{"1-1"});
    CHECK(s.council.empty());
    CHECK(s.agency.empty());
    CHECK(problems.size() == 8);
}

TEST_CASE("percent decoding copes with broken escapes") {
    CHECK(percent_decode("a%20b+c") == "a b c");
    CHECK(percent_decode("100%") == "100%");
    CHECK(percent_decode("%zz") == "%zz");
    CHECK(percent_encode("B13 9AB") == "B13%209AB");
    CHECK(percent_encode("a,b & c") == "a%2Cb%20%26%20c"); // for a mailto: address
    CHECK(percent_encode("a,b", ",") == "a,b");            // a share link's list
    CHECK(valid_location_id("1-2375497294"));
    CHECK_FALSE(valid_location_id("1-"));
    CHECK_FALSE(valid_location_id("2-123"));
}

TEST_CASE("how the page is embedded is kept in the address, checked, and left out of links taken away") {
    ShareState s;
    s.postcode = "B13 9AB";
    s.kiosk = true;
    s.idle_seconds = 45;
    s.theme = "1d70b8";
    s.lang = "cy";
    const std::string q = encode_share_state(s);
    CHECK(q == "pc=B13%209AB&kiosk=1&idle=45&theme=1d70b8&lang=cy");
    const ShareState back = decode_share_state(q);
    CHECK(back.kiosk);
    CHECK(back.idle_seconds == 45);
    CHECK(back.theme == "1d70b8");
    CHECK(back.lang == "cy");
    CHECK(encode_share_state(take_away(back)) == "pc=B13%209AB&theme=1d70b8&lang=cy");

    std::vector<std::string> problems;
    const ShareState bad = decode_share_state("idle=9&theme=ffdd00&lang=%3Cb%3E&kiosk=0",
                                              &problems); // 9 s too short; yellow too light for white
    CHECK(bad.idle_seconds == 0);
    CHECK(bad.theme.empty());
    CHECK(bad.lang.empty());
    CHECK_FALSE(bad.kiosk);
    CHECK(problems == std::vector<std::string>{"idle: not 10 to 3600 seconds",
                                               "theme: not a colour dark enough for white text",
                                               "lang: not a language tag"});
    CHECK(decode_share_state("idle=3601").idle_seconds == 0);
    CHECK(decode_share_state("idle=3600").idle_seconds == 3600);
    CHECK(decode_share_state("theme=%231D70B8&lang=EN-GB").theme == "1d70b8");
    CHECK(decode_share_state("lang=EN-GB").lang == "en-gb");
}

TEST_CASE("theme colours must keep white header text readable (WCAG contrast)") {
    CHECK(contrast_ratio(0x000000, 0xffffff) == Approx(21.0));
    CHECK(contrast_ratio(0xffffff, 0xffffff) == Approx(1.0));
    CHECK(contrast_ratio(0x1d70b8, 0xffffff) == Approx(5.17).margin(0.01)); // GOV.UK link blue
    CHECK(contrast_ratio(0x767676, 0xffffff) == Approx(4.54).margin(0.01)); // the lightest grey that passes
    CHECK(parse_theme_colour("767676") == 0x767676u);
    CHECK(parse_theme_colour("#1D70B8") == 0x1d70b8u);
    CHECK_FALSE(parse_theme_colour("777777")); // 4.48:1
    CHECK_FALSE(parse_theme_colour("12345"));
    CHECK_FALSE(parse_theme_colour("12345g"));
    CHECK(language_available("en"));
    CHECK(language_available("en-gb"));
    CHECK_FALSE(language_available("cy"));
}

TEST_CASE("an agency's website is a link only when it is a web address (issue 16, item 12)") {
    CHECK(website_link("https://www.example.co.uk/care") == "https://www.example.co.uk/care");
    CHECK(website_link("HTTP://Example.com") == "HTTP://Example.com");
    CHECK(website_link("www.example.co.uk") == "https://www.example.co.uk");
    CHECK(website_link("example.com:8080/x?y=1") == "https://example.com:8080/x?y=1");
    for (const char* bad :
         {"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<b>x</b>", "vbscript:x",
          "mailto:a@b.c", "https://", "http:example.com", "www.example .com", "\"onmouseover=x", "example",
          "-x.com", "example.com:abc", "", "file:///etc/passwd", "javascript://%0aalert(1)", "www.a.com\\x"})
        CHECK(website_link(bad).empty());
}

TEST_CASE("a kiosk's address keeps how it is embedded and nothing of the person (issue 16, item 11)") {
    ShareState s =
        decode_share_state("pc=B13%209AB&sl=1-123&s=results&kiosk=1&idle=45&theme=1d70b8&council=essex");
    CHECK(encode_share_state(embedding_only(s)) == "council=essex&kiosk=1&idle=45&theme=1d70b8");
    // One parser decides, and the last kiosk= wins: ?kiosk=0&kiosk=1 and ?kiosk=true are kiosks.
    CHECK(decode_share_state("kiosk=0&kiosk=1").kiosk);
    CHECK(decode_share_state("kiosk=true").kiosk);
    CHECK_FALSE(decode_share_state("kiosk=1&kiosk=0").kiosk);
}

TEST_CASE("the page's setup: what the address asked for, checked, with the defaults where it asked nothing") {
    const PageSetup kiosk =
        page_setup(decode_share_state("pc=B13&kiosk=1&idle=45&theme=1d70b8&lang=en-GB&council=essex"));
    CHECK(kiosk.kiosk);
    CHECK(kiosk.idle_seconds == 45);
    CHECK(kiosk.header_colour == std::optional<std::uint32_t>(0x1d70b8));
    CHECK(kiosk.lang == "en-gb");
    CHECK(kiosk.language_available);
    CHECK(encode_share_state(kiosk.address) == "council=essex&kiosk=1&idle=45&theme=1d70b8&lang=en-gb");

    // A pale colour (white text on it unreadable), an idle time out of range and another language.
    const PageSetup odd = page_setup(decode_share_state("idle=5&theme=ffff00&lang=cy"));
    CHECK_FALSE(odd.kiosk);
    CHECK(odd.idle_seconds == kDefaultIdleSeconds);
    CHECK_FALSE(odd.header_colour.has_value());
    CHECK(odd.lang == "cy");
    CHECK_FALSE(odd.language_available);

    const PageSetup plain = page_setup(decode_share_state(""));
    CHECK(plain.idle_seconds == kDefaultIdleSeconds);
    CHECK(plain.language_available);
    CHECK(encode_share_state(plain.address).empty());
}
