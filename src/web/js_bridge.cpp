// homecare-finder web: the JavaScript bridge (see js_bridge.h).
// Depends on: Emscripten, ui/app.
// SPDX-License-Identifier: MIT
#include "web/js_bridge.h"
#include "web/data_loader.h"
#include "web/modules.h"

#include <emscripten.h>

#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

extern "C" void hcf_wake(); // web.main.cpp: draw a few frames

namespace {

hcf::ui::App* g_app = nullptr;
std::string g_release; // the release this code was loaded from (its folder, r/<release>/)
std::string g_state;   // the state last published to JavaScript

// clang-format off
EM_JS(void, js_open_url, (const char* url), {
    const u = UTF8ToString(url);
    try {
        if (/^(https?:|tel:|mailto:)/i.test(u)) window.open(u, "_blank", "noopener,noreferrer");
    } catch (e) { console.warn("could not open", u, e); } // an address the browser refuses is not a crash
});
EM_JS(int, js_store, (const char* key, const char* value), {
    try {
        const k = "hcf." + UTF8ToString(key);
        const v = UTF8ToString(value);
        if (v.length) localStorage.setItem(k, v);
        else localStorage.removeItem(k);
        return (localStorage.getItem(k) || "") === v ? 1 : 0; // read back: did the write stick?
    } catch (e) { console.warn("storage unavailable", e); return 0; }
});
EM_JS(char*, js_load, (const char* key), {
    let v = null;
    try { v = localStorage.getItem("hcf." + UTF8ToString(key)); } catch (e) {}
    return allocateUTF8(v || "");
});
EM_JS(void, js_request_file, (const char* name), {
    if (window.hcf && window.hcf.fetchFile) window.hcf.fetchFile(UTF8ToString(name));
});
EM_JS(void, js_print_html, (const char* html), {
    if (window.hcf && window.hcf.printHtml) window.hcf.printHtml(UTF8ToString(html));
});
EM_JS(void, js_download, (const char* name, const char* mime, const char* content), {
    if (window.hcf && window.hcf.download) window.hcf.download(UTF8ToString(name), UTF8ToString(mime), UTF8ToString(content));
});
EM_JS(void, js_replace_query, (const char* query), {
    const q = UTF8ToString(query);
    history.replaceState(null, "", q.length ? "?" + q : location.pathname);
});
EM_JS(char*, js_url_query, (), {
    return allocateUTF8(location.search || "");
});
EM_JS(char*, js_page_url, (const char* query), {
    const q = UTF8ToString(query);
    return allocateUTF8(location.origin + location.pathname + (q.length ? "?" + q : ""));
});
EM_JS(char*, js_today, (), {
    const d = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return allocateUTF8(d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()));
});
EM_JS(void, js_choose_files, (), {
    if (window.hcf && window.hcf.update) window.hcf.update.choose();
});
EM_JS(void, js_save_begin, (), {
    if (window.hcf && window.hcf.update) window.hcf.update.saveBegin();
});
EM_JS(void, js_save_file, (const char* name, const unsigned char* bytes, int size), {
    if (window.hcf && window.hcf.update) window.hcf.update.saveFile(UTF8ToString(name), HEAPU8.slice(bytes, bytes + size));
});
EM_JS(void, js_save_commit, (), {
    if (window.hcf && window.hcf.update) window.hcf.update.saveCommit();
    else Module.ccall("hcf_data_saved", null, ["number", "string"], [0, "this page cannot keep files"]);
});
EM_JS(void, js_update_again, (), {
    if (window.hcf && window.hcf.update) window.hcf.update.giveAgain();
});
EM_JS(void, js_forget_data, (), {
    if (window.hcf && window.hcf.update) window.hcf.update.forget();
    else Module.ccall("hcf_data_forgotten", null, [], []);
});
// The release is read from where index.js itself was loaded (Emscripten's scriptDirectory), not from the
// page, so the state says which release's code is running.
EM_JS(char*, js_code_release, (), {
    const parts = (typeof scriptDirectory === "string" ? scriptDirectory : "").split("/"); // [..., "r", id, ""]
    const n = parts.length;
    return allocateUTF8(n >= 3 && parts[n - 3] === "r" ? parts[n - 2] : "");
});
EM_JS(void, js_publish_state, (const char* json), {
    if (window.hcf && window.hcf.publish) window.hcf.publish(UTF8ToString(json));
});
EM_JS(void, js_loop_idle, (int idle), {
    if (window.hcf && window.hcf.loopIdle) window.hcf.loopIdle(!!idle);
});
// clang-format on

class WebPlatform final : public hcf::ui::Platform {
  public:
    void open_url(std::string_view url) override { js_open_url(std::string(url).c_str()); }
    bool store(std::string_view key, std::string_view value) override {
        return js_store(std::string(key).c_str(), std::string(value).c_str()) != 0;
    }
    std::string load(std::string_view key) override { return take(js_load(std::string(key).c_str())); }
    void fetch(std::string_view name) override { js_request_file(hcf::web::data_url(name).c_str()); }
    void print_html(std::string_view html) override { js_print_html(std::string(html).c_str()); }
    void download(std::string_view filename, std::string_view mime, std::string_view content) override {
        js_download(std::string(filename).c_str(), std::string(mime).c_str(), std::string(content).c_str());
    }
    void replace_url_query(std::string_view query) override { js_replace_query(std::string(query).c_str()); }
    std::string page_url(std::string_view query) override {
        return take(js_page_url(std::string(query).c_str()));
    }
    std::string today() override { return take(js_today()); }
    void choose_files() override { js_choose_files(); }
    void save_data_files(const std::vector<hcf::ui::DataFile>& files) override {
        js_save_begin();
        for (const auto& f : files)
            js_save_file(f.name.c_str(), reinterpret_cast<const unsigned char*>(f.bytes.data()),
                         static_cast<int>(f.bytes.size()));
        js_save_commit();
    }
    void forget_data_files() override { js_forget_data(); }
    // The parts loaded only when used (web/modules.h).
    void try_update_again() override { js_update_again(); }
    hcf::ui::QrAnswer qr_code(std::string_view text) override { return hcf::web::module_qr_code(text); }
    void try_loading_again() override { hcf::web::try_modules_again(); }

  private:
    static std::string take(char* s) {
        std::string out(s);
        free(s);
        return out;
    }
};

} // namespace

namespace hcf::web {

ui::Platform& platform() {
    static WebPlatform p;
    return p;
}

void start(ui::App& app) {
    g_app = &app;
    app.set_update_maker(module_update); // the dataset compiler is a module of its own
    char* release = js_code_release();
    g_release = release;
    free(release);
    char* query = js_url_query();
    app.start(query);
    free(query);
}

// The state is built once per drawn frame (frames are drawn only when something changed) and published
// only when it differs: JavaScript parses it once and every module reads that copy (index.html). A frame
// that left its screen is not published: the mirror and tests would see the new screen's name with the old
// screen's controls (the new screen's frame follows at once).
void after_frame(ui::App& app) {
    app.after_frame();
    if (!app.frame_matches_screen()) return;
    std::string s = app.state_json();
    s.insert(1, "\"release\":\"" + g_release + "\",");
    if (s != g_state) {
        g_state = std::move(s);
        js_publish_state(g_state.c_str());
    }
}

void loop_idle(bool idle) {
    js_loop_idle(idle ? 1 : 0);
}

} // namespace hcf::web

extern "C" {

// The accessible mirror (or a test) activates a UI item by id, or sets a text box's text.
EMSCRIPTEN_KEEPALIVE void hcf_activate(const char* id) {
    if (g_app) g_app->activate(id);
    hcf_wake();
}
// Keyboard focus in the accessible mirror moved to this control: scroll the page so it shows.
EMSCRIPTEN_KEEPALIVE void hcf_reveal(const char* id) {
    if (g_app) g_app->reveal(id);
    hcf_wake();
}
EMSCRIPTEN_KEEPALIVE void hcf_set_text(const char* id, const char* text) {
    if (g_app) g_app->set_text(id, text);
    hcf_wake();
}
// The phone keyboard's hidden <input> (web/touch.js): its whole text and where its caret or selection is
// (in UTF-16 units, which match ImGui's 16-bit characters).
EMSCRIPTEN_KEEPALIVE void hcf_edit_text(const char* id, const char* text, int select_start, int select_end) {
    if (g_app) g_app->edit_text(id, text, select_start, select_end);
    hcf_wake();
}
// Keys the hidden <input> does not handle itself: "Enter", "Tab", "ShiftTab", "Escape"; others are ignored.
EMSCRIPTEN_KEEPALIVE void hcf_key(const char* name) {
    using Key = hcf::ui::App::Key;
    const std::string_view k = name;
    const std::optional<Key> key = k == "Enter"      ? std::optional(Key::Enter)
                                   : k == "Tab"      ? std::optional(Key::Tab)
                                   : k == "ShiftTab" ? std::optional(Key::ShiftTab)
                                   : k == "Escape"   ? std::optional(Key::Escape)
                                                     : std::nullopt;
    if (!key || !g_app) return;
    g_app->key(*key);
    hcf_wake();
}
// A finger on the canvas (web/touch.js), in CSS px: 0 down, 1 move, 2 up, 3 cancelled. 4: a mouse again.
// vy_css: on lifting, the finger's speed (CSS px a second, down the screen positive), for the glide.
EMSCRIPTEN_KEEPALIVE void hcf_touch(int phase, double x_css, double y_css, double vy_css) {
    using Touch = hcf::ui::App::Touch;
    constexpr Touch kPhases[] = {Touch::Down, Touch::Move, Touch::Up, Touch::Cancel}; // touch.js's numbers
    if (!g_app || phase < 0 || phase > 4) return;
    if (phase == 4)
        g_app->mouse_again();
    else
        g_app->touch(kPhases[phase], static_cast<float>(x_css), static_cast<float>(y_css),
                     static_cast<float>(vy_css));
    hcf_wake();
}
// prefers-reduced-motion: reduce (no glide after a touch scroll).
EMSCRIPTEN_KEEPALIVE void hcf_set_reduced_motion(int reduce) {
    if (g_app) g_app->set_reduced_motion(reduce != 0);
}

// The device's contrast preference (prefers-contrast: more), from web/a11y.js; not stored.
EMSCRIPTEN_KEEPALIVE void hcf_set_system_contrast(int more) {
    if (g_app) g_app->set_system_contrast(more != 0);
    hcf_wake();
}

// Frame build times (ms) since the last call, as a JSON array: for scripts/bench-frames.
EMSCRIPTEN_KEEPALIVE const char* hcf_frame_times_json() {
    static std::string out;
    out = "[";
    if (g_app)
        for (const auto& [build, total] : g_app->take_frame_times())
            out += (out.size() > 1 ? ",[" : "[") + std::to_string(build) + "," + std::to_string(total) + "]";
    out += "]";
    return out.c_str();
}

EMSCRIPTEN_KEEPALIVE void hcf_receive_file(const char* name, const unsigned char* bytes, int size) {
    if (!g_app) return;
    g_app->receive_file(
        hcf::web::data_name(name).value_or(""), // not a data file: the store did not ask for it
        std::string_view(reinterpret_cast<const char*>(bytes), size));
    hcf_wake();
}

// "Update the data": each picked file (name, bytes), then the end of the list; the answers to saving and
// forgetting the kept files (web/update.js).
EMSCRIPTEN_KEEPALIVE void hcf_update_file(const char* name, const unsigned char* bytes, int size) {
    if (g_app) g_app->receive_picked_file(name, std::string_view(reinterpret_cast<const char*>(bytes), size));
}
EMSCRIPTEN_KEEPALIVE void hcf_update_go() {
    if (g_app) g_app->picked_files_done();
    hcf_wake();
}
// JavaScript answers (ok, its reason); the app takes it as one Expected<void>.
EMSCRIPTEN_KEEPALIVE void hcf_data_saved(int ok, const char* message) {
    if (g_app)
        g_app->data_saved(ok != 0 ? hcf::core::Expected<void>()
                                  : hcf::core::Expected<void>(hcf::core::Error{message, ""}));
    hcf_wake();
}
EMSCRIPTEN_KEEPALIVE void hcf_data_forgotten() {
    if (g_app) g_app->data_forgotten();
    hcf_wake();
}

// What the page learnt about the data this browser holds (web/index.html, web/update.js): "release" (this is
// the first load of a new release), "update_damaged", "update_older" (see core::Session::note_data).
EMSCRIPTEN_KEEPALIVE void hcf_data_notice(const char* kind, const char* detail) {
    if (g_app) g_app->data_notice(kind, detail);
    hcf_wake();
}

EMSCRIPTEN_KEEPALIVE void hcf_receive_error(const char* name, const char* message) {
    if (!g_app) return;
    g_app->receive_error(hcf::web::data_name(name).value_or(""), message);
    hcf_wake();
}

} // extern "C"
