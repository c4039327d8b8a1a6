// tests/browser/a11y.test.mjs — the main journey through the accessible mirror only (roles, names, keyboard;
// no canvas clicks), the live region, visible focus, Escape, and an axe-core audit (WCAG 2.2 AA rules).
// Depends on: tests/browser/lib/harness.mjs, axe-core (npm, node_modules/axe-core/axe.min.js).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ROOT, launchBrowser, openApp, startServer, state, waitForState, BEHAVIOUR_PIXEL_RATIO } from "./lib/harness.mjs";

const AXE = join(ROOT, "node_modules", "axe-core", "axe.min.js");
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

// Runs axe-core on the page; returns the serious and critical violations (and prints every violation).
async function audit(page, name) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: tags }), WCAG);
  for (const v of result.violations)
    console.log(`axe ${name}: ${v.impact} ${v.id}: ${v.help} (${v.nodes.length}): ` +
                v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", "));
  console.log(`axe ${name}: ${result.passes.length} rules passed, ${result.violations.length} violated, ` +
              `${result.incomplete.length} need review`);
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());

for (const size of ["desktop", "phone"]) {
  describe(`accessible mirror (${size})`, () => {
    let browser;
    before(async () => { browser = await launchBrowser({ phone: size === "phone", pixelRatio: BEHAVIOUR_PIXEL_RATIO }); });
    after(async () => { await browser?.close(); });

    test("the main journey through roles and the keyboard only", async () => {
      const { page, errors } = await openApp(browser.context, server.url);
      const postcode = page.getByRole("textbox", { name: /postcode/i });
      await postcode.waitFor({ state: "attached" });
      // The canvas is hidden from assistive technology once the mirror is live; the page has one h1.
      assert.equal(await page.locator("#canvas").getAttribute("aria-hidden"), "true");
      assert.equal(await page.getByRole("heading", { level: 1 }).count(), 1);
      // Body text is there too, as paragraphs in reading order (after the heading, before the button).
      const order = await page.evaluate(() => [...document.querySelectorAll("#hcf-mirror > *")]
        .map((e) => e.tagName + ":" + e.textContent.slice(0, 40)));
      const para = order.findIndex((t) => t.startsWith("P:Choose all that apply"));
      assert.ok(para > order.findIndex((t) => t.startsWith("H1:")), order.join("\n"));
      assert.ok(para < order.findIndex((t) => t.startsWith("BUTTON:Find care")), order.join("\n"));

      await postcode.fill("B13 9AB");
      await waitForState(page, (s) => s.ui.postcode === "B13 9AB");
      // Focus is visible over the canvas: the yellow box sits on the postcode box's rectangle.
      await postcode.focus();
      const box = (await state(page)).ui.items.find((i) => i.id === "postcode");
      const ring = await page.locator("#hcf-focus").boundingBox();
      assert.ok(ring && Math.abs(ring.x - (box.x - 3)) < 2 && Math.abs(ring.width - (box.w + 6)) < 2,
                JSON.stringify({ ring, box }));
      assert.equal(await page.locator("#hcf-focus").evaluate((e) => getComputedStyle(e).borderTopColor),
                   "rgb(255, 221, 0)");
      // Tab moves on through the mirror (no trap in the text box), Shift+Tab comes back.
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.getElementById("hcf-mirror").contains(document.activeElement)
                                              && document.activeElement.id !== "hcf-m-postcode"), true);
      await page.keyboard.press("Shift+Tab");
      assert.equal(await page.evaluate(() => document.activeElement.id), "hcf-m-postcode");

      await postcode.press("Enter");
      let s = await waitForState(page, (st) => st.screen === "results" && st.search.total > 0);
      // The live region said the summary (read in the same moment it matched: later messages replace it).
      const said = await page.waitForFunction(() => {
        const t = document.getElementById("hcf-live").textContent;
        return /within 5 miles of B13 9AB/.test(t) && t;
      });
      assert.match(await said.jsonValue(), /agenc(y|ies) within 5 miles of B13 9AB/);
      assert.equal(await page.locator("#hcf-live").getAttribute("aria-live"), "polite");
      // Focus moved to the new screen's heading, and the page title says where we are.
      assert.equal(await page.evaluate(() => document.activeElement.tagName), "H1");
      assert.match(await page.title(), /Find home care/);

      // The first row drawn is the first result (once any late data has settled the order).
      s = await waitForState(page, (st) => st.ui.items.find((i) => i.id.startsWith("add."))?.id ===
                                           `add.${st.search.results[0].id}`);
      const first = s.search.results[0];
      const add = page.getByRole("button", { name: "Add to shortlist" }).first();
      await page.waitForFunction((id) => document.querySelector("#hcf-mirror [data-hcf-id^='add.']")?.dataset.hcfId ===
                                         id, `add.${first.id}`);
      assert.equal(await add.getAttribute("aria-describedby"), `hcf-m-result_${first.id.replace(/[^A-Za-z0-9_-]/g, "_")}`);
      // Focus on the last row drawn scrolls the canvas so the next row appears (the list draws only what shows).
      const shown = (await state(page)).ui.items.filter((i) => i.id.startsWith("add.")).map((i) => i.id);
      await page.locator("#hcf-mirror [data-hcf-id^='add.']").last().focus();
      await waitForState(page, (st) => st.ui.items.some((i) => i.id.startsWith("add.") && !shown.includes(i.id)));
      await page.getByRole("heading", { level: 1 }).focus(); // and back up to the top
      await waitForState(page, (st) => st.ui.items.some((i) => i.id === `add.${first.id}` && i.y >= 0));
      await page.locator(`#hcf-mirror [data-hcf-id="add.${first.id}"]`).press("Enter");
      s = await waitForState(page, (st) => st.shortlist.includes(first.id));
      // The same control now offers the opposite, and keeps focus while the canvas redraws.
      const remove = page.getByRole("button", { name: "Remove from shortlist" }).first();
      await remove.waitFor({ state: "attached" });
      assert.equal(await remove.evaluate((e) => e === document.activeElement), true);

      await page.getByRole("link", { name: first.name }).first().press("Enter");
      s = await waitForState(page, (st) => st.screen === "agency");
      assert.equal(s.agency.id, first.id);
      await page.getByRole("heading", { level: 1, name: first.name }).waitFor({ state: "attached" });

      // Escape goes back, like the Back link.
      await page.keyboard.press("Escape");
      s = await waitForState(page, (st) => st.screen === "results");
      // The header's buttons work from the mirror too: the shortlist tray, then home.
      await page.getByRole("button", { name: "Shortlist (1)" }).press("Enter");
      s = await waitForState(page, (st) => st.screen === "shortlist");
      await page.getByRole("button", { name: /^(Find home care|Home)$/ }).press("Enter");
      s = await waitForState(page, (st) => st.screen === "start");
      assert.deepEqual(errors, []);
    });

    test("every text box can be typed into through the mirror (who pays, the name filter)", async () => {
      const { page } = await openApp(browser.context, server.url + "?s=who_pays");
      const savings = page.getByRole("textbox", { name: "Savings and investments" });
      await savings.waitFor({ state: "attached" });
      await savings.fill("20000");
      await page.getByRole("textbox", { name: "Income a week" }).fill("250");
      const s = await waitForState(page, (st) => st.means.savingsPence === 2000000 && st.means.incomePence === 25000);
      assert.equal(s.means.tariffPence, 2300); // £1 a week for each £250 over £14,250
      // The mirror's box shows what the app holds once focus moves on.
      await page.getByRole("heading", { level: 1 }).focus();
      await waitForState(page, (st) => st.ui.items.find((i) => i.id === "savings")?.value === "20000");
      assert.equal(await savings.inputValue(), "20000");

      await page.goto(server.url + "?pc=B13%209AB&s=results");
      // A phone keeps the sort order with the filters ("Sort and filter").
      await page.getByRole("button", { name: size === "phone" ? "Sort and filter" : "Filters: rating and distance" })
        .press("Enter");
      const filter = page.getByRole("textbox", { name: "Name of agency" });
      await filter.waitFor({ state: "attached" });
      const before = (await waitForState(page, (st) => st.search.total > 1)).search.total;
      const name = (await state(page)).search.results[0].name;
      await filter.fill(name);
      const after = await waitForState(page, (st) => st.search.total < before);
      assert.ok(after.search.results.some((r) => r.name === name), name);
    });

    test("the device's 'more contrast' setting switches high contrast on, without storing it", async () => {
      const { page } = await openApp(browser.context, server.url);
      await waitForState(page, (st) => st.ui.items.length > 0 && st.ui.highContrast === false);
      await page.emulateMedia({ contrast: "more" });
      let s = await waitForState(page, (st) => st.ui.highContrast === true);
      assert.equal(s.ui.systemContrast, true);
      // It follows the device only: the stored settings (if anything is stored) still say "off".
      const stored = JSON.parse(await page.evaluate(() => localStorage.getItem("hcf.state")) || "{}");
      assert.notEqual(stored.settings?.high_contrast, true);
      await page.emulateMedia({ contrast: "no-preference" });
      s = await waitForState(page, (st) => st.ui.highContrast === false);
      assert.equal(s.ui.systemContrast, false);
    });

    test("axe-core finds no serious or critical WCAG 2.2 AA problems (start, error, results)", async () => {
      const { page } = await openApp(browser.context, server.url);
      await page.getByRole("textbox", { name: /postcode/i }).waitFor({ state: "attached" });
      const found = [];
      found.push(...await audit(page, `${size} start`));
      await page.getByRole("textbox", { name: /postcode/i }).fill("B99 9ZZ");
      await page.getByRole("button", { name: "Find care" }).press("Enter");
      await page.getByRole("alert").first().waitFor({ state: "attached" });
      // The error is read out once, by its role="alert" element; the live region does not repeat it.
      assert.match(await page.getByRole("alert").first().textContent(), /B99 9ZZ/);
      // Absence can only be checked once the mirror has dealt with the message (its second look, 200 ms on).
      await page.waitForFunction(() => /B99 9ZZ/.test(window.hcf.mirror.heard()));
      assert.doesNotMatch(await page.locator("#hcf-live").textContent(), /B99 9ZZ/);
      assert.equal(await page.getByRole("textbox", { name: /postcode/i }).getAttribute("aria-invalid"), "true");
      found.push(...await audit(page, `${size} error`));
      await page.getByRole("textbox", { name: /postcode/i }).fill("B13 9AB");
      await page.getByRole("button", { name: "Find care" }).press("Enter");
      await waitForState(page, (st) => st.screen === "results" && st.search.total > 0);
      await page.getByRole("button", { name: /shortlist/ }).first().waitFor({ state: "attached" });
      found.push(...await audit(page, `${size} results`));
      assert.deepEqual(found.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target).join(" | ")}`), []);
    });
  });
}
