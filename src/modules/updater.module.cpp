// homecare-finder updater module: "Update the data" as a WebAssembly module of its own (updater.js and
// updater.wasm), loaded by the page only when an owner starts an update, so the app's first download does
// not carry the dataset compiler. Bytes in, bytes out: a tiny C API over one core::DataUpdate.
// Depends on: core/data_update.h, core/dataset_format.h, core/manifest.h. Driven by web/modules.js for
// src/web/update_module.cpp, which gives the main module's session an UpdateJob (core/update_job.h).
// SPDX-License-Identifier: MIT
//
// Strings come in as UTF-8 with a terminating zero; strings and bytes going out stay valid until the next
// call. Exported by cmake/web.cmake (-sEXPORTED_FUNCTIONS), so this file needs no Emscripten header.
#include "core/data_update.h"
#include "core/dataset_format.h"
#include "core/manifest.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace hcf::core;

std::unique_ptr<DataUpdate> g_update;
std::vector<DataFile> g_files; // picked, before the update starts
std::string g_out;             // the last string handed out

const char* out(std::string s) {
    g_out = std::move(s);
    return g_out.c_str();
}

std::string_view bytes(const char* p, int n) {
    return n > 0 ? std::string_view(p, static_cast<std::size_t>(n)) : std::string_view();
}

} // namespace

extern "C" {

// A picked file (name, bytes), before upd_begin.
void upd_add_file(const char* name, const char* data, int size) {
    g_files.push_back({name, std::string(bytes(data, size))});
}

// Starts the update with the files added, against the dataset in use (its manifest.json and bundle.bin, as
// the page has them) and today's ISO date. Returns "" when it started, else why not (plain words).
const char* upd_begin(const char* manifest, int manifest_size, const char* bundle, int bundle_size,
                      const char* today) {
    std::vector<DataFile> files;
    files.swap(g_files);
    g_update.reset();
    Expected<Manifest> m = read_manifest(bytes(manifest, manifest_size));
    if (!m) return out(m.error());
    Expected<Bundle> b = load_bundle(bytes(bundle, bundle_size));
    if (!b) return out(b.error());
    g_update = std::make_unique<DataUpdate>(std::move(files), *b, *m, today);
    return out("");
}

int upd_can_step() {
    return g_update && g_update->can_step() ? 1 : 0;
}
void upd_step() {
    if (g_update) g_update->step();
}
// Postcode files to fetch, one a line.
const char* upd_take_requests() {
    std::string s;
    if (g_update)
        for (const auto& name : g_update->take_file_requests())
            s += name + "\n";
    return out(std::move(s));
}
int upd_wants_file(const char* name) {
    return g_update && g_update->wants_file(name) ? 1 : 0;
}
void upd_receive_file(const char* name, const char* data, int size) {
    if (g_update) g_update->receive_file(name, bytes(data, size));
}
void upd_receive_error(const char* name, const char* message) {
    if (g_update) g_update->receive_error(name, message);
}

// The progress as one line of tab-separated fields: stage (UpdateStage's number), stage number, done, of,
// fraction, words; then the error when failed, and the summary once built.
const char* upd_progress() {
    if (!g_update) return out("");
    const UpdateProgress p = g_update->progress();
    return out(std::to_string(static_cast<int>(p.stage)) + "\t" + std::to_string(p.stage_number) + "\t" +
               std::to_string(p.done) + "\t" + std::to_string(p.of) + "\t" + std::to_string(p.fraction) +
               "\t" + p.words + "\t" + (g_update->failure() ? g_update->failure()->message : std::string()) +
               "\t" + g_update->result().summary);
}

// Once built: the files to keep, by index.
int upd_result_count() {
    return g_update ? static_cast<int>(g_update->result().files.size()) : 0;
}
const char* upd_result_name(int i) {
    return g_update->result().files.at(static_cast<std::size_t>(i)).name.c_str();
}
const char* upd_result_bytes(int i) {
    return g_update->result().files.at(static_cast<std::size_t>(i)).bytes.data();
}
int upd_result_size(int i) {
    return static_cast<int>(g_update->result().files.at(static_cast<std::size_t>(i)).bytes.size());
}

// The page's answer (ok, its reason), taken as one Expected<void>.
void upd_saved(int ok, const char* message) {
    if (g_update) g_update->saved(ok != 0 ? Expected<void>() : Expected<void>(Error{message, ""}));
}
// Frees the update (the page keeps the module for the next one).
void upd_end() {
    g_update.reset();
    g_files.clear();
}

} // extern "C"
