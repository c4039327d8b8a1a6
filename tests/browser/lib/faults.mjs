// tests/browser/lib/faults.mjs — a fault-making server for browser tests: answers chosen files of the app
// with a 404, a 500, a truncated or a byte-flipped copy, or drops the connection, through Playwright routes.
// Depends on: playwright-core (a BrowserContext).

// Routes every request whose path ends with `file` (e.g. "data/bundle.bin") to the fault `kind`:
// "404", "500", "truncate" (the first half), "flip" (one byte in the middle inverted) or "drop".
// Resolves to a function that stops the fault (later requests get the real file).
export async function injectFault(context, file, kind) {
  const matches = (url) => new URL(url).pathname.endsWith("/" + file);
  const handler = async (route) => {
    if (!matches(route.request().url())) return route.continue();
    if (kind === "404") return route.fulfill({ status: 404, body: "Not found" });
    if (kind === "500") return route.fulfill({ status: 500, body: "Server error" });
    if (kind === "drop") return route.abort("connectionreset");
    const response = await route.fetch();
    const body = await response.body();
    let bytes = body;
    if (kind === "truncate") bytes = body.subarray(0, Math.floor(body.length / 2));
    else if (kind === "flip") {
      bytes = Buffer.from(body);
      bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    } else throw new Error(`unknown fault ${kind}`);
    const headers = { ...response.headers() };
    delete headers["content-length"];
    delete headers["content-encoding"];
    return route.fulfill({ status: 200, headers, body: bytes });
  };
  await context.route("**/*", handler);
  return () => context.unroute("**/*", handler);
}
