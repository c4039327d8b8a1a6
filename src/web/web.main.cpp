// homecare-finder web entry point: connects the browser (GLFW on a canvas, WebGL2) to ui::App.
// Depends on: Emscripten, GLFW (Emscripten's built-in JS library), Dear ImGui backends, src/ui, src/web.
// SPDX-License-Identifier: MIT
//
// The main loop runs on requestAnimationFrame but only builds and draws a frame when something
// changed (an input event, a resize, data arriving): phones and kiosks must not burn CPU at idle.
#include "ui/app.h"
#include "ui/draw_fingerprint.h"
#include "web/js_bridge.h"

#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h> // InputEventsQueue: events ImGui trickles over several frames

#include <chrono>
#include <cmath>
#include <cstdint>
#include <functional>
#include <string>

namespace {

// Copy goes to the system clipboard (Emscripten's GLFW has none); paste returns what we copied last.
std::string g_clipboard;
// clang-format off
EM_JS(void, js_copy_text, (const char* text), {
    const t = UTF8ToString(text);
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(t).catch(function () {});
});
// clang-format on
void set_clipboard(void*, const char* text) {
    g_clipboard = text ? text : "";
    js_copy_text(g_clipboard.c_str());
}
const char* get_clipboard(void*) {
    return g_clipboard.c_str();
}

// Dear ImGui's GLFW backend takes wheel events on the document, where browsers make wheel listeners passive,
// and cancels them: Chromium then warns on every turn of the wheel. The same steps without cancelling (the
// canvas's own GLFW listener, which is not passive, keeps the page itself from scrolling).
EM_BOOL on_wheel(int, const EmscriptenWheelEvent* ev, void*) {
    const float step = ev->deltaMode == DOM_DELTA_PIXEL  ? 1.0f / 100.0f // as the backend: 100 px a step
                       : ev->deltaMode == DOM_DELTA_LINE ? 1.0f / 3.0f
                                                         : 80.0f;
    ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(ev->deltaX) * -step,
                                      static_cast<float>(ev->deltaY) * -step);
    return EM_FALSE;
}

GLFWwindow* g_window = nullptr;
hcf::ui::App* g_app = nullptr;
int g_canvas_w = 0, g_canvas_h = 0; // canvas backing store, device pixels
int g_frames_to_draw = 4;           // frames still owed after the last wake-up (ImGui settles layout over ~2)
bool g_idle = false;                // polling slowly (10 times a second) instead of on every animation frame
std::uint64_t g_on_canvas = 0;      // the fingerprint of the frame the canvas shows (0: none, or cleared)

// Something changed: draw a few frames, on every animation frame again.
void wake_up() {
    g_frames_to_draw = 4;
    if (g_idle) {
        emscripten_set_main_loop_timing(EM_TIMING_RAF, 1);
        hcf::web::loop_idle(false);
    }
    g_idle = false;
}

// Keep the canvas backing store at CSS size × device pixel ratio, so text is crisp on phones.
// ImGui then works in device pixels and the UI scales itself by the pixel ratio. (Not through
// glfwSetWindowSize: Emscripten 3.1.6's GLFW requests full screen when the size equals the screen's.)
bool sync_canvas_size(float* pixel_ratio, float* width_css) {
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    *width_css = static_cast<float>(css_w);
    const double dpr = emscripten_get_device_pixel_ratio();
    *pixel_ratio = static_cast<float>(dpr);
    const int want_w = static_cast<int>(std::lround(css_w * dpr));
    const int want_h = static_cast<int>(std::lround(css_h * dpr));
    if (want_w <= 0 || want_h <= 0 || (want_w == g_canvas_w && want_h == g_canvas_h)) return false;
    g_canvas_w = want_w;
    g_canvas_h = want_h;
    emscripten_set_canvas_element_size("#canvas", want_w, want_h);
    return true;
}

void main_loop_step() {
    float pixel_ratio = 1.0f, width_css = 0.0f;
    if (sync_canvas_size(&pixel_ratio, &width_css)) { // (a resized canvas is blank)
        wake_up();
        g_on_canvas = 0;
    }
    if (g_app->wants_redraw()) wake_up();
    // ImGui handles at most one key/click transition per frame: keep drawing until its queue is empty.
    if (!ImGui::GetCurrentContext()->InputEventsQueue.empty() && g_frames_to_draw < 2) g_frames_to_draw = 2;
    if (g_frames_to_draw <= 0) { // idle: nothing changed, draw nothing and look again less often
        if (!g_idle) {
            emscripten_set_main_loop_timing(EM_TIMING_SETTIMEOUT, 100);
            hcf::web::loop_idle(true);
        }
        g_idle = true;
        return;
    }
    --g_frames_to_draw;

    const auto start = std::chrono::steady_clock::now();
    ImGui_ImplOpenGL3_NewFrame(); // creates the GL objects on the first frame
    if (g_app->before_frame(pixel_ratio,
                            width_css)) { // the font atlas was rebuilt (text size or pixel ratio changed)
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        g_on_canvas = 0; // the same vertices now mean other letters
    }
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(g_canvas_w), static_cast<float>(g_canvas_h));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    const auto build_start = std::chrono::steady_clock::now();
    ImGui::NewFrame();
    g_app->frame();
    ImGui::Render();
    const auto build_end = std::chrono::steady_clock::now();

    // A frame that looks exactly like the one on the canvas is not drawn again: the canvas keeps showing it
    // (WebGL presents only what was drawn), and software WebGL spends tens of ms on each frame drawn.
    const auto bg = g_app->background_colour();
    const std::uint64_t look = hcf::ui::draw_fingerprint(*ImGui::GetDrawData()) ^ std::hash<float>{}(bg.x) ^
                               (std::hash<float>{}(bg.y) << 1) ^ (std::hash<float>{}(bg.z) << 2);
    if (look != g_on_canvas) {
        glViewport(0, 0, g_canvas_w, g_canvas_h);
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        g_on_canvas = look;
    }
    const auto end = std::chrono::steady_clock::now();
    using ms = std::chrono::duration<double, std::milli>;
    g_app->record_frame_time(ms(build_end - build_start).count(), ms(end - start).count());
    hcf::web::after_frame(*g_app);
}

} // namespace

// Called from JavaScript on every input event, resize or data arrival. It must leave the slow idle polling
// too: otherwise the frames owed are drawn ten a second while the page still says it is settled.
extern "C" EMSCRIPTEN_KEEPALIVE void hcf_wake() {
    wake_up();
}

int main() {
    // The data is asked for first: it downloads while the graphics start up (on a phone, most of the wait).
    static hcf::ui::App app(hcf::web::platform());
    g_app = &app;
    hcf::web::start(app); // reads the URL, asks JavaScript to fetch the data, exposes the state

    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    // Dear ImGui draws flat triangles over an opaque background: no depth or stencil buffer, and an opaque
    // canvas. GLFW's defaults ask for all three, which the browser then clears and blends on every frame.
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    glfwWindowHint(GLFW_ALPHA_BITS, 0);
    g_window = glfwCreateWindow(800, 600, "Find home care", nullptr, nullptr);
    if (!g_window) return 1;
    glfwMakeContextCurrent(g_window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;              // layout is ours; nothing is written to storage
    io.ConfigInputTextCursorBlink = false; // a blinking caret would keep redrawing at idle
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    // Emscripten 3.1.6's GLFW turns cursor-mode changes into pointer-lock requests: leave the cursor alone.
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    ImGui_ImplGlfw_InitForOpenGL(g_window, true);
    emscripten_set_wheel_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, false, nullptr); // the backend's
    emscripten_set_wheel_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, false, on_wheel);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    io.SetClipboardTextFn = set_clipboard;
    io.GetClipboardTextFn = get_clipboard;

    emscripten_set_main_loop(main_loop_step, 0, true);
    return 0;
}
