// tests/browser/mirror-labels.test.mjs — what a screen reader hears from the accessible mirror (issue 13 item 3):
// each of an agency's facts as its label and value together ("Address: ..."), names never cut short as they are
// on the canvas, and the shortlist's comparison as a real table (an agency a column, a question a row).
// Depends on: tests/browser/lib/harness.mjs, lib/mirror.mjs.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openApp, startServer, waitForState } from "./lib/harness.mjs";
import { searchByMirror } from "./lib/mirror.mjs";

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());

const mirrorTexts = (page) =>
  page.evaluate(() => [...document.querySelectorAll("#hcf-mirror *")].filter((e) => e.children.length === 0)
    .map((e) => e.textContent));

test("phone: names whole in the mirror, an agency's facts said with their labels", async () => {
  const browser = await launchBrowser({ phone: true });
  try {
    const { page, errors } = await openApp(browser.context, server.url + "?sort=rating");
    let s = await searchByMirror(page, "E4 7AA");
    const shown = s.search.results.filter((r) => s.ui.items.some((i) => i.id === `result.${r.id}`));
    assert.ok(shown.some((r) => r.name.length > 30), "a long name on screen: " + shown.map((r) => r.name));
    for (const r of shown) {
      const text = await page.locator(`#hcf-mirror a[data-hcf-id="result.${r.id}"]`).textContent();
      assert.equal(text, r.name);
    }
    const cut = (await mirrorTexts(page)).filter((t) => /\.\.\.$/.test(t) && !/^Loading/.test(t));
    assert.deepEqual(cut, [], "nothing shortened in the mirror");

    await page.locator(`#hcf-mirror a[data-hcf-id="result.${shown[0].id}"]`).press("Enter");
    s = await waitForState(page, (st) => st.screen === "agency" && st.agency && st.agency.detailsLoaded &&
                                         st.ui.items.some((i) => i.id === "phone"));
    assert.ok(s.agency.address && s.agency.phone);
    await page.waitForFunction(() => document.querySelector('#hcf-mirror [data-hcf-id="phone"]'));
    const texts = await mirrorTexts(page);
    const address = texts.find((t) => t.startsWith("Address: "));
    assert.ok(address && address.includes(s.agency.address.split(",")[0]), JSON.stringify(texts));
    assert.ok(texts.some((t) => /^Who it supports: \S/.test(t)), JSON.stringify(texts));
    assert.ok(texts.some((t) => /^Website: \S/.test(t)), JSON.stringify(texts));
    const phone = page.getByRole("link", { name: `Phone: ${s.agency.phone}` });
    assert.equal(await phone.count(), 1);
    // No value is left without its label.
    assert.ok(!texts.includes(s.agency.address), "the address alone");
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test("desktop: the shortlist's comparison is a table, an agency a column, a question a row", async () => {
  const browser = await launchBrowser();
  try {
    const { page, errors } = await openApp(browser.context, server.url + "?sort=rating");
    let s = await searchByMirror(page, "E4 7AA");
    const adds = page.getByRole("button", { name: "Add to shortlist" });
    const before = await adds.count();
    await adds.nth(0).press("Enter");
    await waitForState(page, (st) => st.shortlist.length === 1);
    // The mirror says so too (its first "Add" is now the next agency's) before the next one is pressed.
    await adds.nth(before - 1).waitFor({ state: "detached", timeout: 10000 });
    await adds.nth(0).press("Enter");
    s = await waitForState(page, (st) => st.shortlist.length === 2);
    const names = s.search.results.filter((r) => s.shortlist.includes(r.id)).map((r) => r.name);
    await page.getByRole("button", { name: /^Shortlist \(2\)/ }).press("Enter");
    await waitForState(page, (st) => st.screen === "shortlist");
    const table = page.locator("#hcf-mirror table");
    await table.first().waitFor({ state: "attached" });
    assert.equal(await table.count(), 1);
    const columns = await table.locator("th[scope=col]").allTextContents();
    assert.deepEqual(columns.sort(), [...names].sort());
    const rows = await table.locator("th[scope=row]").allTextContents();
    for (const want of ["CQC rating", "Phone", "Website", "Who it supports", "Address"])
      assert.ok(rows.includes(want), `a row for ${want}: ${rows}`);
    // Each question's row has one cell per agency.
    const phoneRow = table.locator("tr", { has: page.locator("th[scope=row]", { hasText: /^Phone$/ }) });
    assert.equal(await phoneRow.locator("td").count(), 2);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
