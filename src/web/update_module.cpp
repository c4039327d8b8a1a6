// homecare-finder web: "Update the data" run by the updater module (see modules.h). The module is driven
// from here through web/modules.js (hcf.updaterJob), which copies bytes between the two modules' memories.
// Depends on: Emscripten, core/update_job.h.
// SPDX-License-Identifier: MIT
#include "web/modules.h"

#include <emscripten.h>

#include <cstdlib>

namespace {

using namespace hcf::core;

// clang-format off
EM_JS(void, js_upd_begin, (const char* today), { hcf.updaterJob.begin(UTF8ToString(today)); });
EM_JS(void, js_upd_add_file, (const char* name, const unsigned char* bytes, int size), {
    hcf.updaterJob.addFile(UTF8ToString(name), HEAPU8.slice(bytes, bytes + size));
});
EM_JS(void, js_upd_go, (), { hcf.updaterJob.go(); });
// 0 loading, 1 ready, 2 could not load (hcf.updaterJob.message says why).
EM_JS(int, js_upd_state, (), { return hcf.updaterJob.state(); });
EM_JS(char*, js_upd_message, (), { return allocateUTF8(hcf.updaterJob.message || ""); });
EM_JS(int, js_upd_can_step, (), { return hcf.updaterJob.call("upd_can_step"); });
EM_JS(void, js_upd_step, (), { hcf.updaterJob.call("upd_step"); });
EM_JS(char*, js_upd_text, (const char* fn), { return allocateUTF8(hcf.updaterJob.text(UTF8ToString(fn))); });
EM_JS(int, js_upd_wants_file, (const char* name), { return hcf.updaterJob.wantsFile(UTF8ToString(name)); });
EM_JS(void, js_upd_receive_file, (const char* name, const unsigned char* bytes, int size), {
    hcf.updaterJob.receiveFile(UTF8ToString(name), HEAPU8.subarray(bytes, bytes + size));
});
EM_JS(void, js_upd_receive_error, (const char* name, const char* message), {
    hcf.updaterJob.receiveError(UTF8ToString(name), UTF8ToString(message));
});
EM_JS(int, js_upd_result_count, (), { return hcf.updaterJob.call("upd_result_count"); });
EM_JS(char*, js_upd_result_name, (int i), { return allocateUTF8(hcf.updaterJob.resultName(i)); });
EM_JS(int, js_upd_result_size, (int i), { return hcf.updaterJob.call("upd_result_size", i); });
EM_JS(void, js_upd_result_copy, (int i, unsigned char* to), { HEAPU8.set(hcf.updaterJob.resultBytes(i), to); });
EM_JS(void, js_upd_saved, (int ok, const char* message), { hcf.updaterJob.saved(ok, UTF8ToString(message)); });
EM_JS(void, js_upd_end, (), { hcf.updaterJob.end(); });
// clang-format on

std::string take(char* s) {
    std::string out(s);
    std::free(s);
    return out;
}

// Splits at each sep (no streams: they would bring the C++ locale machinery into the main module).
std::vector<std::string> split(const std::string& text, char sep) {
    std::vector<std::string> out;
    std::size_t from = 0;
    for (std::size_t at; (at = text.find(sep, from)) != std::string::npos; from = at + 1)
        out.push_back(text.substr(from, at - from));
    if (from < text.size()) out.push_back(text.substr(from));
    return out;
}

constexpr const char* kNotLoaded =
    "The part of this service that updates the data could not be downloaded. Check your internet connection, "
    "then try again.";

class ModuleUpdate final : public UpdateJob {
  public:
    ModuleUpdate(std::vector<DataFile> files, const std::string& today) : files_(files.size()) {
        js_upd_begin(today.c_str());
        for (const auto& f : files)
            js_upd_add_file(f.name.c_str(), reinterpret_cast<const unsigned char*>(f.bytes.data()),
                            static_cast<int>(f.bytes.size()));
        js_upd_go(); // loads the module, then starts the update there and wakes the app
    }
    ~ModuleUpdate() override { js_upd_end(); }
    ModuleUpdate(const ModuleUpdate&) = delete;
    ModuleUpdate& operator=(const ModuleUpdate&) = delete;

    // Not loaded: nothing to do but wait. Could not load: one step, which ends the update with the message.
    bool can_step() const override {
        const int st = js_upd_state();
        return st == 2 || (st == 1 && js_upd_can_step() != 0);
    }
    void step() override {
        if (js_upd_state() != 1) return;
        js_upd_step();
        if (stage() == UpdateStage::Saving && result_.files.empty()) take_result();
    }
    std::vector<std::string> take_file_requests() override {
        std::vector<std::string> out;
        if (js_upd_state() != 1) return out;
        for (auto& name : split(take(js_upd_text("upd_take_requests")), '\n'))
            if (!name.empty()) out.push_back(std::move(name));
        return out;
    }
    bool wants_file(std::string_view name) const override {
        return js_upd_state() == 1 && js_upd_wants_file(std::string(name).c_str()) != 0;
    }
    void receive_file(std::string_view name, std::string_view bytes) override {
        js_upd_receive_file(std::string(name).c_str(), reinterpret_cast<const unsigned char*>(bytes.data()),
                            static_cast<int>(bytes.size()));
    }
    void receive_error(std::string_view name, std::string_view message) override {
        js_upd_receive_error(std::string(name).c_str(), std::string(message).c_str());
    }
    const UpdateResult& result() const override { return result_; }
    void saved(const Expected<void>& answer) override {
        js_upd_saved(answer ? 1 : 0, answer.error().c_str());
    }
    UpdateProgress progress() const override {
        UpdateProgress p;
        const int st = js_upd_state();
        if (st == 0) {
            p.of = static_cast<int>(files_) + 1;
            p.words = "Step 1 of 4: getting ready to read the files";
            return p;
        }
        if (st == 2) {
            p.stage = UpdateStage::Failed;
            p.stage_number = 0;
            p.words = failure()->message;
            return p;
        }
        const std::vector<std::string> f = split(take(js_upd_text("upd_progress")), '\t');
        if (f.size() < 6) return p;
        p.stage = static_cast<UpdateStage>(std::atoi(f[0].c_str()));
        p.stage_number = std::atoi(f[1].c_str());
        p.done = std::atoi(f[2].c_str());
        p.of = std::atoi(f[3].c_str());
        p.fraction = std::atof(f[4].c_str());
        p.words = f[5];
        failure_.message = f.size() > 6 ? f[6] : "";
        result_.summary = f.size() > 7 ? f[7] : "";
        return p;
    }
    UpdateStage stage() const override { return progress().stage; }
    const Error* failure() const override {
        if (js_upd_state() == 2) {
            const std::string why = take(js_upd_message());
            failure_ = Error{why.empty() ? kNotLoaded : why, ""};
            return &failure_;
        }
        return progress().stage == UpdateStage::Failed ? &failure_ : nullptr; // progress() reads the module's
    }
    bool can_try_again() const override { return js_upd_state() == 2; }

  private:
    // The built files, copied into this module's memory (the platform saves them, the session installs them).
    void take_result() {
        const int n = js_upd_result_count();
        for (int i = 0; i < n; ++i) {
            DataFile f;
            f.name = take(js_upd_result_name(i));
            f.bytes.resize(static_cast<std::size_t>(js_upd_result_size(i)));
            js_upd_result_copy(i, reinterpret_cast<unsigned char*>(f.bytes.data()));
            result_.files.push_back(std::move(f));
        }
        progress(); // the summary
    }

    std::size_t files_;
    mutable UpdateResult result_;
    mutable Error failure_;
};

} // namespace

namespace hcf::web {

std::unique_ptr<UpdateJob> module_update(std::vector<DataFile> files, const Bundle&, const Manifest&,
                                         std::string today) {
    // The module reads the dataset in use itself (manifest.json and bundle.bin, as the page has them).
    return std::make_unique<ModuleUpdate>(std::move(files), today);
}

} // namespace hcf::web
