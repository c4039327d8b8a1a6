// homecare-finder tests: case and accent folding (core/text_fold).
// Depends on: core/text_fold.h, Catch2 v2.
// SPDX-License-Identifier: MIT
#include "core/text_fold.h"

#include <catch2/catch.hpp>

#include <string>

using hcf::core::fold_text;
using hcf::core::folded_match;
using hcf::core::folded_words;

TEST_CASE("fold_text lowers case, strips accents and tidies spaces") {
    struct Case {
        const char* input;
        const char* expected;
    };
    const Case cases[] = {
        {"Café Care", "cafe care"},
        {"CAFÉ CARE", "cafe care"},
        {"Cafe\xCC\x81 Care", "cafe care"}, // "e" + combining acute (decomposed form)
        {"  Fixture   Care A  ", "fixture care a"},
        {"Zoë's Helping Hands", "zoes helping hands"},
        {"St Mary\xE2\x80\x99s Homecare", "st marys homecare"}, // curly apostrophe
        {"Smith & Jones (UK) Ltd.", "smith jones uk ltd"},
        {"24-7 Care Services", "24 7 care services"},
        {"Straße", "strasse"},
        {"ÆTHELFLÆD", "aethelflaed"},
        {"Łódź Care", "lodz care"},
        {"Œuvre", "oeuvre"},
        {"Ĳssel", "ijssel"},
        {"Þorn", "thorn"},
        {"Ñandú", "nandu"},
        {"Ångström", "angstrom"},
        {"Bront\xC3\xAB\xC2\xA0"
         "Care",
         "bronte care"},                                            // no-break space
        {"Care \xE2\x80\x94 at home \xE2\x80\xA6", "care at home"}, // em dash, ellipsis
        {"\xEF\xBB\xBFHome", "home"},                               // byte-order mark
        {"", ""},
        {"   ", ""},
        {"!!!", ""},
        {"Καλημέρα", "Καλημέρα"}, // outside Latin: kept as is
    };
    for (const auto& c : cases) {
        INFO("input: " << c.input);
        CHECK(fold_text(c.input) == c.expected);
    }
}

TEST_CASE("fold_text never fails on bytes that are not UTF-8") {
    CHECK(fold_text("Caf\xE9 Care") == "caf care"); // Latin-1 byte: a word break
    CHECK(fold_text("a\xC3") == "a");               // truncated 2-byte sequence
    CHECK(fold_text("a\xE2\x80") == "a");           // truncated 3-byte sequence
    CHECK(fold_text("a\xC0\xAF"
                    "b") == "a b"); // overlong "/": both bytes invalid
    CHECK(fold_text("a\xED\xA0\x80"
                    "b") == "a b"); // UTF-16 surrogate
    CHECK(fold_text("a\xF4\x90\x80\x80"
                    "b") == "a b"); // above U+10FFFF
    CHECK(fold_text("a\xF0\x9F\x98\x80"
                    "b") == "a\xF0\x9F\x98\x80"
                            "b");                      // emoji kept
    CHECK(fold_text(std::string("a\0b", 3)) == "a b"); // NUL is a control: a space
}

TEST_CASE("folded_words splits folded text") {
    const auto w = folded_words("cafe care uk");
    REQUIRE(w.size() == 3);
    CHECK(w[0] == "cafe");
    CHECK(w[1] == "care");
    CHECK(w[2] == "uk");
    CHECK(folded_words("").empty());
}

TEST_CASE("folded_match needs every query word, in any order") {
    const std::string name = fold_text("Café Care (Fixture)");
    CHECK(folded_match(name, fold_text("cafe")));
    CHECK(folded_match(name, fold_text("CAFÉ")));
    CHECK(folded_match(name, fold_text("care cafe")));
    CHECK(folded_match(name, fold_text("fix")));
    CHECK(folded_match(name, fold_text("")));
    CHECK_FALSE(folded_match(name, fold_text("cafe home")));
    CHECK_FALSE(folded_match(name, fold_text("caff")));
}
