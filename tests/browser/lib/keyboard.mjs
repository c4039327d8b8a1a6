// tests/browser/lib/keyboard.mjs — drive the app with real key presses only (page.keyboard), as a keyboard
// user does, and check where focus is: the control it is on, in reading order, with the yellow focus box over
// that control on the canvas. Depends on: playwright-core pages, the app's state (window.hcf.state()),
// tests/browser/lib/harness.mjs (settled).
import { settled } from "./harness.mjs";

// Text size 200% (Settings), set in storage before the app starts, as if chosen on an earlier visit. Only when
// nothing is stored yet, so a shortlist kept by the app survives a reload.
export async function useTextSize(context, percent) {
  await context.addInitScript((size) => {
    if (!localStorage.getItem("hcf.state"))
      localStorage.setItem("hcf.state", JSON.stringify({ version: 1, shortlist: [],
                                                        settings: { text_size: size, high_contrast: false } }));
  }, percent);
}

// After a page load, keys go to the page once its window has focus (as after Enter in the address bar; a
// headless browser sometimes leaves focus outside the page, and the keys are lost). Nothing in the page is
// focused by this: focus stays on the document until the first Tab.
export async function pageHasFocus(page) {
  await page.bringToFront();
  await page.waitForFunction(() => document.hasFocus(), null, { timeout: 5000 });
}

// Where keyboard focus is: { id, index, inMirror, tag } where id is the app's item id of the focused control
// (the mirror element's data-hcf-id) and index its place among the items drawn (reading order).
export function focused(page) {
  return page.evaluate(() => {
    const a = document.activeElement;
    const host = a && a.closest ? a.closest("[data-hcf-id]") : null;
    const items = window.hcf.state().ui.items;
    const id = host ? host.dataset.hcfId : null;
    return { id, index: id ? items.findIndex((i) => i.id === id) : -1, tag: a ? a.tagName : null,
             inMirror: document.getElementById("hcf-mirror").contains(a) };
  });
}

// Waits until the focus box is shown over the focused control's rectangle, with that control inside the
// window (scrolled into view): what a sighted keyboard user needs to see. Returns the control's item.
export async function ringOnFocused(page, { timeout = 5000 } = {}) {
  const handle = await page.waitForFunction(() => {
    const a = document.activeElement;
    const host = a && a.closest ? a.closest("[data-hcf-id]") : null;
    if (!host) return false;
    const ring = document.getElementById("hcf-focus");
    if (getComputedStyle(ring).display === "none") return false;
    const r = ring.getBoundingClientRect();
    const item = window.hcf.state().ui.items.find((i) => i.id === host.dataset.hcfId &&
      Math.abs(r.x - (i.x - 3)) < 2 && Math.abs(r.y - (i.y - 3)) < 2 && Math.abs(r.width - (i.w + 6)) < 2 &&
      Math.abs(r.height - (i.h + 6)) < 2);
    if (!item) return false;
    // In view: on the screen, and below the header where the page scrolls under it.
    if (item.y < 0 || item.y + item.h > innerHeight + 0.5 || item.x < 0 || item.x + item.w > innerWidth + 0.5)
      return false;
    return item;
  }, null, { timeout, polling: 50 }).catch(async (e) => {
    const seen = await page.evaluate(() => {
      const host = document.activeElement && document.activeElement.closest("[data-hcf-id]");
      const ring = document.getElementById("hcf-focus");
      return { ring: getComputedStyle(ring).display === "none" ? null : ring.getBoundingClientRect().toJSON(),
               items: host ? window.hcf.state().ui.items.filter((i) => i.id === host.dataset.hcfId) : [],
               view: [innerWidth, innerHeight] };
    });
    throw new Error(`no focus box on the focused control, in view: ${e.message}; focus ` +
                    `${JSON.stringify(await focused(page))}, ${JSON.stringify(seen)}`);
  });
  return handle.jsonValue();
}

const FOCUSABLE = new Set(["button", "link", "checkbox", "radio", "textbox"]);
export function focusable(item) { return FOCUSABLE.has(item.role); }

// Presses Tab (or Shift+Tab) until the focused control's id matches, checking at each stop that the focus
// box is on it and that focus moved on in reading order. Returns the ids passed on the way.
export async function tabTo(page, match, { max = 60, back = false } = {}) {
  const passed = [];
  for (let i = 0; i < max; i++) {
    const before = await focused(page);
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const item = await ringOnFocused(page).catch((e) => {
      throw new Error(`${e.message}; Tab ${i + 1} towards ${match}, passed ${passed.join(", ") || "nothing"}`);
    });
    const now = await focused(page);
    passed.push(item.id);
    if (before.id && before.index >= 0 && now.index >= 0) {
      const order = await page.evaluate(([a, b]) => {
        const items = window.hcf.state().ui.items;
        return [items.findIndex((i) => i.id === a), items.findIndex((i) => i.id === b)];
      }, [before.id, now.id]);
      if (order[0] >= 0 && (back ? order[1] >= order[0] : order[1] <= order[0]))
        throw new Error(`Tab went from ${before.id} to ${now.id}, against reading order; passed ${passed}`);
    }
    if (typeof match === "string" ? item.id === match : match(item)) return passed;
  }
  throw new Error(`Tab never reached ${match} in ${max} presses; passed ${passed.join(", ")}`);
}

// Waits until the controls drawn stop changing (late data: an agency's details, a postcode area's file), so
// the controls a test expects to Tab through are the ones there. Returns the state.
export async function settledControls(page, { timeout = 20000 } = {}) {
  return settled(page, { timeout });
}
