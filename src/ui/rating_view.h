// homecare-finder UI: how a CQC rating is drawn, the same on every screen: a badge with the word, its colour
// and a shape (star, tick, warning triangle, cross), so it never relies on colour alone; the words and dates
// come from core/rating_words.h.
// Depends on: Dear ImGui, core/model, core/rating_words, ui/widgets.
// SPDX-License-Identifier: MIT
#pragma once

#include "core/model.h"

#include <imgui.h>

#include <string_view>

namespace hcf::ui {

ImU32 rating_colour(core::Rating r);
// One badge: the shape, then the word (the rating's label unless word is given).
void rating_badge(core::Rating r, std::string_view word = {});
// An agency's overall rating with its date ("rated on 4 January 2024" / "last inspected 7 July 2022"), or
// "Rating not in our information: see CQC". Recorded for the mirror as one item, id given. The date goes
// beside the badge where it fits and below where not.
void provider_rating(const core::Provider& p, std::string_view id);
// The five key questions as rows of "Safe" and its badge, when the data has them; returns false (drawing
// nothing) when it does not. Each row is one item for the mirror ("Safe: Good").
bool key_question_rows(const core::Provider& p, std::string_view id_prefix);

} // namespace hcf::ui
