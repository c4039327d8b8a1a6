// tests/browser/shortlist-export.test.mjs — a shortlist taken away: "Download (spreadsheet CSV)", "Download
// (JSON)" and "Email the link" on the shortlist screen, pressed as a keyboard or screen-reader user presses
// them (the accessible mirror's buttons), give files and an email that name the agency, its rating and the
// data's date, and a link that opens the same shortlist. The words in them are core/export's (unit tests);
// this checks the screen hands the person those files.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { launchBrowser, openApp, startServer, waitForState } from "./lib/harness.mjs";

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());

const ID = "1-469910143"; // Midland Care (UK) Ltd, in Birmingham

async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name }).press("Enter")]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), "utf8") };
}

test("the shortlist's downloads and email name the agency, its rating and the data's date", async () => {
  const browser = await launchBrowser();
  try {
    // What the email button opens (a mail program is not there in a test browser).
    await browser.context.addInitScript(() => {
      window.__opened = [];
      window.open = (url) => { window.__opened.push(String(url)); return null; };
    });
    const { page, errors } = await openApp(browser.context, server.url + `?pc=B13%209AB&sl=${ID}&s=shortlist`);
    const s = await waitForState(page, (st) => st.ready && st.screen === "shortlist" &&
                                               st.ui.items.some((i) => i.id === "download_csv"), { timeout: 20000 });
    const name = "Midland Care (UK) Ltd";
    assert.ok(s.ui.items.some((i) => i.label === name), "the agency is on the shortlist screen");

    const csv = await download(page, "Download (spreadsheet CSV)");
    assert.equal(csv.name, "shortlist.csv");
    const rows = csv.text.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    assert.match(rows[0], /^location_id,/);
    const row = rows.find((r) => r.startsWith(ID + ","));
    assert.ok(row, csv.text);
    assert.match(row, /Midland Care \(UK\) Ltd/);
    assert.match(row, /Outstanding/);

    const json = await download(page, "Download (JSON)");
    assert.equal(json.name, "shortlist.json");
    const doc = JSON.parse(json.text);
    assert.match(JSON.stringify(doc), new RegExp(ID));
    assert.match(JSON.stringify(doc), /2026-09-01|1 September 2026/); // the data's date travels with it

    await page.getByRole("button", { name: "Email the link" }).press("Enter");
    const [mail] = await page.waitForFunction(() => window.__opened.length > 0 && window.__opened)
      .then((h) => h.jsonValue());
    assert.match(mail, /^mailto:\?subject=/);
    const body = decodeURIComponent(mail.slice(mail.indexOf("&body=") + 6));
    assert.match(body, /Midland Care \(UK\) Ltd/);
    assert.match(body, /Outstanding/i);
    const link = body.match(/https?:\/\/\S+/);
    assert.ok(link, body);
    assert.match(link[0], new RegExp(`sl=${ID}`)); // the link opens the same shortlist
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
