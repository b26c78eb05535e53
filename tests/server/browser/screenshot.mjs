// The README's picture of the page: the shipped graph served, an example question run, the
// window photographed. Usage: node screenshot.mjs SILK_BINARY SOURCE_DIR OUTPUT.png
import { launchChromium, serveShippedGraph } from "./silk_page.mjs";

const [silk, sourceDir, output] = process.argv.slice(2);
if (!output) {
  console.error("usage: node screenshot.mjs SILK_BINARY SOURCE_DIR OUTPUT.png");
  process.exit(2);
}
// The question whose table shows every kind of cell: IRIs, plain and typed literals.
const kExample = "27_the_articles.rq";

const server = await serveShippedGraph(silk, sourceDir);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.goto(server.url + "/");
  await page.waitForSelector("body[data-ready=true]");
  await page.click(`#examples button[data-example="${kExample}"]`);
  await page.keyboard.press("Control+Enter");
  await page.waitForSelector("#results table");
  await page.screenshot({ path: output });
  console.log(`wrote ${output}`);
} finally {
  await browser.close();
  await server.stop();
}
