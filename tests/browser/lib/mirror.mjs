// tests/browser/lib/mirror.mjs — drive the app through its accessible mirror (web/a11y.js) in browser tests.
// Depends on: playwright-core pages, tests/browser/lib/harness.mjs.
import { settled, waitForState } from "./harness.mjs";

// Waits until the results list stops changing (neighbouring areas' files can arrive after the first results,
// and an activation aimed at a row that has just moved off screen would be lost).
export async function settledResults(page, { screen = "results" } = {}) {
  await waitForState(page, (st) => st.screen === screen && st.search.total > 0, { timeout: 20000 });
  return settled(page, { timeout: 20000 });
}

// Types a postcode into the mirror's text box, presses Enter, and waits for settled results.
export async function searchByMirror(page, postcode) {
  await page.getByRole("textbox", { name: /postcode/i }).fill(postcode);
  await page.getByRole("button", { name: "Find care" }).press("Enter");
  // A full postcode is placed on its district first and on the postcode itself once that area's pack has
  // arrived (which changes the distances): wait for the exact place before taking the results.
  if (/^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$/i.test(postcode.trim()))
    await waitForState(page, (st) => st.screen === "results" && st.location.precision === "unit", { timeout: 20000 });
  return settledResults(page);
}
