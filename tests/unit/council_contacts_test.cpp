// homecare-finder tests: councils' adult social care contacts (mirrors src/core/council_contacts.cpp).
// tests/data/councils/council_contacts_5.csv: five rows copied unchanged from
// assets/sources/council_contacts/council_contacts.csv; the expected values were read off them.
// SPDX-License-Identifier: MIT
#include "core/council_contacts.h"

#include "fixtures.h"

#include <catch2/catch.hpp>

using namespace hcf::core;

TEST_CASE("read_council_contacts keeps what a person is shown, and blanks stay blank") {
    const Expected<std::vector<CouncilContact>> r =
        read_council_contacts(hcf::test::read_fixture("councils/council_contacts_5.csv"), "contacts.csv");
    INFO(r.error());
    REQUIRE(r.ok());
    const std::vector<CouncilContact>& contacts = *r;
    REQUIRE(contacts.size() == 5);

    const CouncilContact* h = find_council_contact(contacts, "E06000019");
    REQUIRE(h);
    CHECK(h->council == "Herefordshire Council");
    CHECK(h->phone == "01432 260101");
    CHECK(h->phone_seen_on == "https://www.herefordshiresafeguardingboards.org.uk/concerned-about-an-adult");
    CHECK(h->page_url == "https://www.herefordshire.gov.uk/social-care-support/get-care-support/2");
    CHECK(h->directory_name == "Talk Community Directory");
    CHECK(h->directory_url == "https://www.talkcommunitydirectory.org/");
    CHECK(
        h->seen_date.empty()); // "phone page undated; hub count page 2023-07-31": the phone's page is undated
    CHECK(contact_seen_words(*h) ==
          "Seen on herefordshiresafeguardingboards.org.uk (the page is not dated).");

    const CouncilContact* l = find_council_contact(contacts, "E10000018");
    REQUIRE(l);
    CHECK(l->phone == "0116 305 0004");
    CHECK(l->seen_date == "2023-05-31");
    CHECK(contact_seen_words(*l) == "Seen on hinckley-bosworth.gov.uk, on a page dated 31 May 2023.");
    CHECK(l->directory_name.empty());

    const CouncilContact* t = find_council_contact(contacts, "E06000034");
    REQUIRE(t);
    CHECK(t->seen_date == "2019-08");
    CHECK(contact_seen_words(*t) == "Seen on thurrockccg.nhs.uk, on a page dated August 2019.");

    const CouncilContact* rot = find_council_contact(contacts, "E08000018");
    REQUIRE(rot); // Rotherham: nothing usable was found, and nothing is made up
    CHECK(rot->phone.empty());
    CHECK(rot->page_url.empty());
    CHECK(contact_seen_words(*rot).empty());

    CHECK(find_council_contact(contacts, "E09000001") == nullptr);

    SECTION("the compact copy in the bundle reads back the same") {
        const Expected<std::vector<CouncilContact>> back =
            read_council_contacts(write_council_contacts(contacts), "bundle.bin");
        REQUIRE(back.ok());
        REQUIRE(back->size() == contacts.size());
        for (std::size_t i = 0; i < contacts.size(); ++i) {
            const CouncilContact &a = contacts[i], &b = (*back)[i];
            CHECK(a.council == b.council);
            CHECK(a.code == b.code);
            CHECK(a.phone == b.phone);
            CHECK(a.phone_seen_on == b.phone_seen_on);
            CHECK(a.page_url == b.page_url);
            CHECK(a.directory_name == b.directory_name);
            CHECK(a.directory_url == b.directory_url);
            CHECK(a.seen_date == b.seen_date);
        }
    }
}

TEST_CASE("read_council_contacts refuses a file without the council codes") {
    const Expected<std::vector<CouncilContact>> r =
        read_council_contacts("council,asc_phone\nX,0121\n", "contacts.csv");
    CHECK_FALSE(r.ok());
    CHECK(r.error().find("contacts.csv") != std::string::npos);
    const Expected<std::vector<CouncilContact>> blank =
        read_council_contacts("gss_code,council\nE06000019,Herefordshire\n,Nowhere\n", "contacts.csv");
    CHECK_FALSE(blank.ok());
    CHECK(blank.error() == "contacts.csv: line 3 has no council code.");
}

TEST_CASE("seen_date_of takes the phone page's date only") {
    CHECK(seen_date_of("2023-05-31 (page 'Last updated')") == "2023-05-31");
    CHECK(seen_date_of("2020 (Covid guidance page)") == "2020");
    CHECK(seen_date_of("phone page 2023-07; hub undated") == "2023-07");
    CHECK_FALSE(seen_date_of("undated (earlier copy 2020-10-25)"));
    CHECK_FALSE(seen_date_of("ESAB page undated; EWS 2020-07-20"));
    CHECK_FALSE(seen_date_of(""));
}
