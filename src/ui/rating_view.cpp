// homecare-finder UI: rating badges and rows (see rating_view.h).
// Depends on: ui/rating_view, ui/widgets, ui/theme, core/rating_words, Dear ImGui.
// SPDX-License-Identifier: MIT
#include "ui/rating_view.h"

#include "ui/widgets.h"

#include "core/rating_words.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace hcf::ui {

namespace {

// The shape inside a badge, white, in a square of side h whose top-left is at p.
void draw_shape(ImDrawList* dl, core::Rating r, ImVec2 p, float h) {
    const float t = std::max(1.5f, h * 0.14f); // line thickness
    switch (r) {
    case core::Rating::Outstanding: { // a five-pointed star
        const ImVec2 c(p.x + h * 0.5f, p.y + h * 0.5f);
        ImVec2 pts[10];
        for (int i = 0; i < 10; ++i) {
            const float a = -1.5707963f + static_cast<float>(i) * 0.6283185f;
            const float rad = (i % 2 == 0 ? 0.5f : 0.2f) * h;
            pts[i] = ImVec2(c.x + std::cos(a) * rad, c.y + std::sin(a) * rad);
        }
        ImVec2 inner[5];
        for (int i = 0; i < 5; ++i) {
            inner[i] = pts[2 * i + 1];
            dl->AddTriangleFilled(pts[(2 * i + 9) % 10], pts[2 * i], pts[2 * i + 1], colour::white);
        }
        dl->AddConvexPolyFilled(inner, 5, colour::white);
        return;
    }
    case core::Rating::Good: { // a tick
        const ImVec2 pts[3] = {{p.x + h * 0.12f, p.y + h * 0.55f},
                               {p.x + h * 0.4f, p.y + h * 0.82f},
                               {p.x + h * 0.9f, p.y + h * 0.2f}};
        dl->AddPolyline(pts, 3, colour::white, ImDrawFlags_None, t);
        return;
    }
    case core::Rating::RequiresImprovement: { // a warning triangle with "!"
        dl->AddTriangle({p.x + h * 0.5f, p.y + h * 0.08f}, {p.x + h * 0.95f, p.y + h * 0.9f},
                        {p.x + h * 0.05f, p.y + h * 0.9f}, colour::white, t * 0.8f);
        dl->AddLine({p.x + h * 0.5f, p.y + h * 0.38f}, {p.x + h * 0.5f, p.y + h * 0.64f}, colour::white,
                    t * 0.8f);
        dl->AddCircleFilled({p.x + h * 0.5f, p.y + h * 0.77f}, t * 0.5f, colour::white);
        return;
    }
    case core::Rating::Inadequate: // a cross
        dl->AddLine({p.x + h * 0.15f, p.y + h * 0.15f}, {p.x + h * 0.85f, p.y + h * 0.85f}, colour::white, t);
        dl->AddLine({p.x + h * 0.85f, p.y + h * 0.15f}, {p.x + h * 0.15f, p.y + h * 0.85f}, colour::white, t);
        return;
    case core::Rating::NotRated:
        return;
    }
}

} // namespace

ImU32 rating_colour(core::Rating r) {
    switch (r) {
    case core::Rating::Outstanding:
    case core::Rating::Good:
        return colour::good;
    case core::Rating::RequiresImprovement:
        return colour::requires_imp;
    case core::Rating::Inadequate:
        return colour::inadequate;
    case core::Rating::NotRated:
        break;
    }
    return colour::secondary;
}

void rating_badge(core::Rating r, std::string_view word_in) {
    const std::string word = word_in.empty() ? std::string(core::rating_label(r)) : std::string(word_in);
    const float pad = 6.0f * ui().scale;
    const bool shape = r != core::Rating::NotRated;
    const float line = ImGui::GetTextLineHeight();
    const float shape_w = shape ? line + pad : 0.0f;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    // The words wrap inside the badge where it would be wider than the column.
    const float room = std::fmax(line, column_right() - pos.x - 2 * pad - shape_w);
    const ImVec2 size = ImGui::CalcTextSize(word.c_str(), nullptr, false, room);
    const ImVec2 end(pos.x + size.x + 2 * pad + shape_w, pos.y + size.y + pad);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, end, rating_colour(r));
    if (shape) draw_shape(dl, r, ImVec2(pos.x + pad, pos.y + pad * 0.5f), line);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(pos.x + pad + shape_w, pos.y + pad * 0.5f),
                colour::white, word.c_str(), nullptr, room);
    ImGui::Dummy(ImVec2(end.x - pos.x, end.y - pos.y));
}

void provider_rating(const core::Provider& p, std::string_view id) {
    const std::string when = core::rating_date_words(p);
    const ImU32 grey = ui().high_contrast ? colour::text : colour::secondary;
    if (core::rating_known(p)) {
        rating_badge(p.overall, core::overall_rating_words(p));
        if (!when.empty()) { // beside the badge where it fits, below it where not
            if (fits_beside(ImGui::CalcTextSize(when.c_str()).x)) { // level with the badge's word
                ImGui::SameLine();
                ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 3.0f * ui().scale);
            }
            ImGui::PushStyleColor(ImGuiCol_Text, grey);
            ImGui::PushTextWrapPos(column_right() - ImGui::GetWindowPos().x);
            ImGui::TextUnformatted(when.c_str());
            ImGui::PopTextWrapPos();
            ImGui::PopStyleColor();
        }
    } else { // wrapped grey text, not a badge: the words are long and say more than a colour would
        const std::string text =
            std::string(core::kRatingNotInOurInformation) + (when.empty() ? "" : " (" + when + ")");
        ImGui::PushStyleColor(ImGuiCol_Text, grey);
        ImGui::PushTextWrapPos(column_right() - ImGui::GetWindowPos().x);
        ImGui::TextUnformatted(text.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    note_item(std::string(id), "text", "CQC rating: " + core::rating_summary(p));
}

bool key_question_rows(const core::Provider& p, std::string_view id_prefix) {
    if (!p.key_questions_in_data) return false;
    const core::KeyQuestionRatings& k = p.key_questions;
    const std::pair<const char*, core::Rating> rows[] = {{"Safe", k.safe},
                                                         {"Effective", k.effective},
                                                         {"Caring", k.caring},
                                                         {"Responsive", k.responsive},
                                                         {"Well-led", k.well_led}};
    float label_w = 0;
    for (const auto& [label, r] : rows)
        label_w = std::max(label_w, ImGui::CalcTextSize(label).x);
    for (const auto& [label, r] : rows) {
        // The label sits level with the badge's word (the badge pads its text by 3 px).
        const ImVec2 p0 = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(ImVec2(p0.x, p0.y + 3.0f * ui().scale));
        ImGui::TextUnformatted(label);
        ImGui::SetCursorScreenPos(ImVec2(p0.x + label_w + 15.0f * ui().scale, p0.y));
        rating_badge(r);
        note_item(std::string(id_prefix) + label, "text",
                  std::string(label) + ": " + std::string(core::rating_label(r)));
    }
    return true;
}

} // namespace hcf::ui
