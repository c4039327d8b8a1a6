// tests/browser/privacy.test.mjs — no request leaves 127.0.0.1 during the journey, the Content-Security-Policy
// is sent as a header and repeated in a <meta> fallback, no cookies, and storage holds only "hcf.state".
// Depends on: tests/browser/lib/harness.mjs.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openApp, settled, startServer, waitForState } from "./lib/harness.mjs";
import { searchByMirror } from "./lib/mirror.mjs";

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());

test("the journey stays on this server, sets no cookies and stores only the shortlist and settings", async () => {
  const browser = await launchBrowser();
  try {
    const requests = [];
    browser.context.on("request", (r) => requests.push(r.url()));
    const page = browser.context.pages()[0] || await browser.context.newPage();
    const response = await page.goto(server.url);
    const header = response.headers()["content-security-policy"] || "";
    assert.match(header, /default-src 'self'/);
    assert.match(header, /object-src 'none'/);
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    // The meta fallback says the same as the header, apart from what only a header can say.
    const directives = (p) => p.split(";").map((d) => d.trim()).filter((d) => d && !d.startsWith("frame-ancestors"));
    assert.deepEqual(directives(meta), directives(header));

    const { page: app, errors } = await openApp(browser.context, server.url);
    let s = await searchByMirror(app, "B13 9AB");
    await app.getByRole("button", { name: "Add to shortlist" }).first().press("Enter");
    s = await waitForState(app, (st) => st.shortlist.length === 1);
    await app.locator(`[data-hcf-id="result.${s.shortlist[0]}"]`).press("Enter");
    s = await waitForState(app, (st) => st.screen === "agency");
    await settled(app); // the agency's details pack fetched and drawn

    const origin = new URL(server.url).origin;
    const outside = requests.filter((u) => !u.startsWith(origin + "/") && !/^(data|blob):/.test(u));
    assert.deepEqual(outside, [], "requests left 127.0.0.1");
    assert.ok(requests.some((u) => u.endsWith("/index.wasm")), requests.join("\n"));
    assert.equal(await app.evaluate(() => document.cookie), "");
    assert.deepEqual(await app.evaluate(() => Object.keys(localStorage)), ["hcf.state"]);
    assert.deepEqual(await app.evaluate(() => Object.keys(sessionStorage)), []);
    const stored = JSON.parse(await app.evaluate(() => localStorage.getItem("hcf.state")));
    assert.ok(JSON.stringify(stored).includes(s.shortlist[0]), JSON.stringify(stored));
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
