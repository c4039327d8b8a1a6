// homecare-finder core: DataUpdate behind the session's UpdateJob (see update_job.h).
// Depends on: core/update_job.h, core/data_update.h.
// SPDX-License-Identifier: MIT
#include "core/update_job.h"

namespace hcf::core {

namespace {

class LocalUpdate final : public UpdateJob {
  public:
    LocalUpdate(std::vector<DataFile> files, const Bundle& current, const Manifest& manifest,
                std::string today)
        : u_(std::move(files), current, manifest, std::move(today)) {}
    bool can_step() const override { return u_.can_step(); }
    void step() override { u_.step(); }
    std::vector<std::string> take_file_requests() override { return u_.take_file_requests(); }
    bool wants_file(std::string_view name) const override { return u_.wants_file(name); }
    void receive_file(std::string_view name, std::string_view bytes) override {
        u_.receive_file(name, bytes);
    }
    void receive_error(std::string_view name, std::string_view message) override {
        u_.receive_error(name, message);
    }
    const UpdateResult& result() const override { return u_.result(); }
    void saved(const Expected<void>& answer) override { u_.saved(answer); }
    UpdateProgress progress() const override { return u_.progress(); }
    UpdateStage stage() const override { return u_.stage(); }
    const Error* failure() const override { return u_.failure(); }

  private:
    DataUpdate u_;
};

} // namespace

std::unique_ptr<UpdateJob> local_update(std::vector<DataFile> files, const Bundle& current,
                                        const Manifest& manifest, std::string today) {
    return std::make_unique<LocalUpdate>(std::move(files), current, manifest, std::move(today));
}

} // namespace hcf::core
