// homecare-finder web: the parts of the app that load only when used, as WebAssembly modules of their own
// (src/modules/, loaded by web/modules.js): the dataset compiler for "Update the data" and the QR code
// generator. Depends on: core/update_job.h, qr/qr_code.h, ui/platform.h.
// SPDX-License-Identifier: MIT
#pragma once

#include "core/update_job.h"
#include "ui/platform.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hcf::web {

// The session's UpdateMaker in the browser: the update runs in the updater module (modules/updater.js),
// which the page loads first; if it cannot, the job fails with plain words and can be tried again.
std::unique_ptr<core::UpdateJob> module_update(std::vector<core::DataFile> files, const core::Bundle& current,
                                               const core::Manifest& manifest, std::string today);

// Platform::qr_code in the browser: made by the QR module (modules/qr.js), loaded on first use.
ui::QrAnswer module_qr_code(std::string_view text);
// Platform::try_loading_again: a module that could not be loaded is asked for again.
void try_modules_again();

} // namespace hcf::web
