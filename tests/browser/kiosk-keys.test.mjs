// tests/browser/kiosk-keys.test.mjs — a kiosk has no keyboard: every text and number box gets on-screen keys
// fit for it (issue 13 item 2). Money boxes get digits and a decimal point, the agency-name filter letters.
// Everything is typed by tapping the keys with a finger, as a person at a library kiosk would.
// Depends on: tests/browser/lib/harness.mjs, lib/mirror.mjs.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openApp, scrollIntoView, settledMiddle, startServer, state, waitForState } from "./lib/harness.mjs";
import { settledResults } from "./lib/mirror.mjs";

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());

async function tap(page, id) {
  const { x, y } = await settledMiddle(page, id);
  await page.touchscreen.tap(x, y);
}
const keyIds = (s) => s.ui.items.filter((i) => i.id.startsWith("key.")).map((i) => i.id).sort();
const item = (s, id) => s.ui.items.find((i) => i.id === id);
const DIGITS = [..."0123456789"].map((d) => `key.${d}`);

test("kiosk: savings, income and an agency's price typed on digit keys with a decimal point", async () => {
  const browser = await launchBrowser({ touch: true });
  try {
    const { page, errors } = await openApp(browser.context, server.url + "?kiosk=1&s=who_pays");
    let s = await waitForState(page, (st) => st.screen === "who_pays" && item(st, "savings"));
    assert.deepEqual(keyIds(s), [], "no keys until a box is tapped");
    await tap(page, "savings");
    s = await waitForState(page, (st) => keyIds(st).length > 0);
    assert.deepEqual(keyIds(s), [...DIGITS, "key.delete", "key.done", "key.point"].sort());
    for (const k of s.ui.items.filter((i) => i.id.startsWith("key.")))
      assert.ok(k.w >= 44 && k.h >= 64, `${k.id} is ${k.w}x${k.h}`);
    for (const d of "30000") await tap(page, `key.${d}`);
    s = await waitForState(page, (st) => st.means.savingsPence === 3000000);
    assert.equal(item(s, "savings").value, "30000");
    // Delete, then pounds and pence: £14,250.50 is under the upper limit, so the income is asked.
    for (let i = 0; i < 5; i++) await tap(page, "key.delete");
    await waitForState(page, (st) => item(st, "savings").value === "");
    for (const k of ["1", "4", "2", "5", "0", "point", "5", "0"]) await tap(page, `key.${k}`);
    s = await waitForState(page, (st) => st.means.savingsPence === 1425050 && item(st, "income"));
    await tap(page, "income");
    await waitForState(page, (st) => st.ui.keypadFor === "income");
    for (const d of "250") await tap(page, `key.${d}`);
    await waitForState(page, (st) => st.means.incomePence === 25000);
    await tap(page, "key.done");
    s = await waitForState(page, (st) => keyIds(st).length === 0);
    assert.equal(s.means.savingsPence, 1425050);

    // The cost screen's price box: the same keys.
    await page.goto(server.url + "?kiosk=1&s=cost");
    await waitForState(page, (st) => st.ready && st.screen === "cost" && item(st, "agency_price"));
    await scrollIntoView(page, "agency_price");
    await tap(page, "agency_price");
    s = await waitForState(page, (st) => st.ui.keypadFor === "agency_price" && keyIds(st).length > 0);
    assert.ok(keyIds(s).includes("key.point") && !keyIds(s).includes("key.A"));
    for (const k of ["2", "8", "point", "5", "0"]) await tap(page, `key.${k}`);
    await waitForState(page, (st) => item(st, "agency_price").value === "28.50");
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test("kiosk: the agency-name filter typed on letter keys filters the results", async () => {
  const browser = await launchBrowser({ touch: true });
  try {
    const { page, errors } = await openApp(browser.context, server.url + "?kiosk=1");
    for (const k of ["B", "1", "3", "space", "9", "A", "B"]) await tap(page, `key.${k}`);
    await waitForState(page, (st) => st.ui.postcode === "B13 9AB");
    await tap(page, "find_care");
    await waitForState(page, (st) => st.screen === "results" && st.location.precision === "unit", { timeout: 20000 });
    let s = await settledResults(page);
    const total = s.search.total;
    // A word from one agency's name that not every agency has.
    const names = s.search.results.map((r) => r.name);
    const word = names.flatMap((n) => n.split(/[^A-Za-z]+/)).find(
      (w) => w.length >= 4 && !names.every((n) => n.toLowerCase().includes(w.toLowerCase())));
    assert.ok(word, `a word to filter by in ${names}`);
    await tap(page, "filters");
    await waitForState(page, (st) => item(st, "text_filter"));
    await tap(page, "text_filter");
    s = await waitForState(page, (st) => st.ui.keypadFor === "text_filter" && keyIds(st).length > 0);
    for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZ") assert.ok(keyIds(s).includes(`key.${c}`), `key ${c}`);
    assert.ok(keyIds(s).includes("key.space") && keyIds(s).includes("key.delete"));
    for (const c of word.toUpperCase()) await tap(page, `key.${c}`);
    const typed = word[0].toUpperCase() + word.slice(1).toLowerCase();
    s = await waitForState(page, (st) => item(st, "text_filter")?.value === typed && st.search.total < total &&
                                         st.search.total > 0);
    for (const r of s.search.results) assert.match(r.name, new RegExp(word, "i"));
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
