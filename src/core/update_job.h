// homecare-finder core: a running "Update the data" as the session drives it, whoever does the work.
// Depends on: core/data_update.h (its types only: UpdateStage, UpdateProgress, UpdateResult),
// core/expected.h. SPDX-License-Identifier: MIT
//
// The web app does not carry the dataset compiler: it loads it as a second WebAssembly module when an owner
// starts an update (src/web/update_module.cpp), which runs the same DataUpdate there. The session sees either
// through this interface, so it does not link the compiler itself; local_update() runs it in this program
// (the native tests, and the updater module).
#pragma once

#include "core/data_update.h"
#include "core/expected.h"

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hcf::core {

class UpdateJob {
  public:
    virtual ~UpdateJob() = default;
    // As DataUpdate's functions of the same names (core/data_update.h).
    virtual bool can_step() const = 0;
    virtual void step() = 0;
    virtual std::vector<std::string> take_file_requests() = 0;
    virtual bool wants_file(std::string_view name) const = 0;
    virtual void receive_file(std::string_view name, std::string_view bytes) = 0;
    virtual void receive_error(std::string_view name, std::string_view message) = 0;
    bool ready_to_save() const { return stage() == UpdateStage::Saving; }
    virtual const UpdateResult& result() const = 0;       // once stage() is Saving
    virtual void saved(const Expected<void>& answer) = 0; // the platform's answer to saving the files
    virtual UpdateProgress progress() const = 0;
    virtual UpdateStage stage() const = 0;
    virtual const Error* failure() const = 0; // when stage() is Failed, else nullptr
    // True when it failed before it could start (the compiler could not be loaded): the same files can be
    // tried again (Platform::try_update_again).
    virtual bool can_try_again() const { return false; }
};

// Makes the job for start_update: the picked files, the loaded dataset and its manifest, today's ISO date.
using UpdateMaker = std::function<std::unique_ptr<UpdateJob>(
    std::vector<DataFile> files, const Bundle& current, const Manifest& manifest, std::string today)>;

// DataUpdate in this program.
std::unique_ptr<UpdateJob> local_update(std::vector<DataFile> files, const Bundle& current,
                                        const Manifest& manifest, std::string today);

} // namespace hcf::core
