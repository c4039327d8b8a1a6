// tests/browser/returning.test.mjs — a returning visitor whose browser holds the whole release starts from it
// at once, whatever the network is doing (issue 16, item 5): with every answer from the server held back, the
// app is ready before a single one arrives; the network is asked only in the background, for a newer release.
// (scripts/bench-journey.mjs prints the time to ready at 2 s latency.)
// Depends on: tests/browser/lib/harness.mjs, lib/faults.mjs (releaseServer), lib/releases.mjs.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, waitForAsync, waitForState } from "./lib/harness.mjs";
import { releaseServer } from "./lib/faults.mjs";
import { makeSite } from "./lib/releases.mjs";

let server;
before(async () => { server = await releaseServer({ v1: await makeSite("returning-v1") }, "v1"); });
after(() => server?.close());

// Far longer than the app takes to start from its offline copy, so "before any answer" cannot be luck.
const LATENCY_MS = 8000;

test("with the release kept whole, the app is ready before the slow network has answered anything", async () => {
  const browser = await launchBrowser();
  try {
    // Two visits before: the first keeps the release, the second a search (its district's postcodes kept as they came).
    const page = browser.context.pages()[0] || await browser.context.newPage();
    await page.goto(server.url);
    const kept = await page.evaluate(() => window.hcf.offline.ready);
    assert.equal(kept.complete, true, JSON.stringify(kept));
    await page.goto(server.url + "?pc=B13%209AB");
    await waitForState(page, (st) => st.ready === true && st.location.precision === "unit", { timeout: 30000 });
    await waitForAsync(page, async (at) => !!(await caches.match(at + "data/postcodes/B13.txt")), `r/${kept.release}/`);

    server.latency(LATENCY_MS);
    const answered = server.answered;
    const asked = server.requests.length;
    const again = await browser.context.newPage();
    await again.goto(server.url + "?pc=B13%209AB", { waitUntil: "commit" });
    const s = await waitForState(again, (st) => st.ready === true && st.location.precision === "unit",
                                 { timeout: LATENCY_MS - 1000 });
    assert.equal(server.answered, answered, "the app waited for the network");
    assert.equal(s.location.postcode, "B13 9AB");
    // The network was asked only which release is current (the worker's look for a newer one).
    const since = server.requests.slice(asked).map((r) => r.path);
    assert.ok(since.every((p) => p === "index.html"), since.join(", "));
  } finally {
    server.latency(0);
    await browser.close();
  }
});
