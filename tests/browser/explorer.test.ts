/**
 * The explorer page in a real browser: built with Vite from the built
 * package, served as static files, driven in Debian's chromium through
 * playwright-core. Any console error, page error or failed request fails
 * the test.
 *
 * Needs /usr/bin/chromium (`.ci/run` installs it). The screenshot for the
 * README is written to docs/explorer/screenshot.png when that file is
 * missing or UPDATE_SCREENSHOT=1 is set.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOG } from "../../src/index";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const explorerDir = fileURLToPath(new URL("../../docs/explorer/", import.meta.url));
const screenshotPath = join(explorerDir, "screenshot.png");

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

/** A static file server for a directory on a free localhost port. */
async function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const file = normalize(join(dir, path.endsWith("/") ? `${path}index.html` : path));
    if (!file.startsWith(dir) || !existsSync(file)) {
      response.writeHead(404).end("not found");
      return;
    }
    response.writeHead(200, {
      "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
    });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/` };
}

/** The scores of a ranking, in order, as "topic-id=score" (the text the page shows). */
async function rankingText(panel: Locator): Promise<string[]> {
  return panel
    .locator(".ranking .topic")
    .evaluateAll((items) =>
      items.map(
        (item) =>
          `${item.getAttribute("data-topic-id")}=${item.querySelector(".score-value")?.textContent}`,
      ),
    );
}

/** Types a query in a panel's place search and picks the suggestion with the given text by keyboard. */
async function choosePlace(panel: Locator, query: string, wanted: string) {
  const search = panel.getByRole("combobox", { name: /^Find a place/ });
  await search.fill(query);
  const options = panel.getByRole("option");
  await expect.poll(() => options.count()).toBeGreaterThan(0);
  const texts = await options.allTextContents();
  const index = texts.findIndex((text) => text.startsWith(wanted));
  expect(index, `suggestions for "${query}": ${texts.join(" | ")}`).toBeGreaterThanOrEqual(0);
  for (let i = 0; i <= index; i++) await search.press("ArrowDown");
  expect(await search.getAttribute("aria-activedescendant")).toMatch(/-\d+$/);
  await search.press("Enter");
  expect(await search.inputValue()).toBe(wanted);
  await panel.getByRole("listbox").waitFor({ state: "hidden" });
}

describe("the explorer page", () => {
  let workDir = "";
  let server: Server | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing: the browser tests drive Debian's chromium. Install it with ` +
          "`apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium` (.ci/run does).",
      );
    }
    workDir = mkdtempSync(join(tmpdir(), "city-difference-explorer-"));
    const outDir = join(workDir, "dist");
    await build({
      configFile: join(explorerDir, "vite.config.ts"),
      build: { outDir, emptyOutDir: true },
      logLevel: "error",
    });
    const served = await serve(outDir);
    server = served.server;
    context = await chromium.launchPersistentContext(join(workDir, "profile"), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 1000 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
    page.on("response", (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    await page.goto(served.url);
    await page.locator('#explorer[data-ready="true"]').waitFor();
  });

  afterAll(async () => {
    await context?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    if (workDir !== "") rmSync(workDir, { recursive: true, force: true });
  });

  it("starts with the first city's place search, reached by Tab", async () => {
    await page.keyboard.press("Tab");
    const search = page.getByRole("combobox", { name: "Find a place (first city)" });
    expect(await search.evaluate((element) => element === document.activeElement)).toBe(true);
    // Every form control has a label.
    const unlabelled = await page
      .locator("input, select")
      .evaluateAll(
        (controls) =>
          controls.filter((control) => (control as HTMLInputElement).labels?.length === 0).length,
      );
    expect(unlabelled).toBe(0);
  });

  it("finds Manchester, GB and ranks the whole catalog for it, with bars, intervals and reasons", async () => {
    const panel = page.locator("#panel-a");
    await choosePlace(panel, "Manchester", "Manchester, GB");
    await panel.getByRole("heading", { name: "Topics ranked for Manchester, GB" }).waitFor();

    const topics = panel.locator(".ranking .topic");
    expect(await topics.count()).toBe(CATALOG.length);
    expect(await panel.locator(".bar").count()).toBe(CATALOG.length);
    expect(await panel.locator(".bar .segment").count()).toBe(CATALOG.length * 5);
    // The mayor's outlook is unknown for a gazetteer place: the intervals have width.
    const widths = await panel
      .locator(".interval-range")
      .evaluateAll((ranges) => ranges.map((range) => range.getBoundingClientRect().width));
    expect(widths).toHaveLength(CATALOG.length);
    expect(widths.some((width) => width > 4)).toBe(true);

    // The values are there as text, not colour alone, and add up to the score.
    const first = topics.first();
    const score = Number(await first.locator(".score-value").textContent());
    const contributions = (await first.locator(".factors li").allTextContents()).map((text) =>
      Number(/(\d\.\d\d)/.exec(text)?.[1]),
    );
    expect(contributions).toHaveLength(5);
    expect(Math.abs(contributions.reduce((sum, c) => sum + c, 0) - score)).toBeLessThan(0.03);
    expect(await first.locator(".interval").textContent()).toMatch(/^\[\d\.\d\d, \d\.\d\d\]$/);

    const reasons = await panel.locator(".reasons li").allTextContents();
    expect(reasons.length).toBeGreaterThanOrEqual(CATALOG.length);
    expect(reasons.join(" ")).toContain("Manchester");
  });

  it("re-ranks when a profile field is edited (the mayor turns inward)", async () => {
    const panel = page.locator("#panel-a");
    const before = await rankingText(panel);
    await panel.getByText("Edit the profile").click();
    const outlook = panel.getByLabel("Mayor's outlook on an international role");
    expect(await outlook.inputValue()).toBe("");
    await outlook.selectOption("inward");
    await expect.poll(() => rankingText(panel)).not.toEqual(before);
    const after = await rankingText(panel);
    const scoreOf = (ranking: string[], id: string) =>
      Number(ranking.find((entry) => entry.startsWith(`${id}=`))?.split("=")[1]);
    expect(scoreOf(after, "trade-stance")).toBeLessThan(scoreOf(before, "trade-stance"));
    expect(await panel.locator(".profile-summary").textContent()).toContain("Inward mayor");
  });

  it("scores a profile written from scratch and names the field of a bad value", async () => {
    const panel = page.locator("#panel-b");
    expect(await panel.locator(".ranking").count()).toBe(0);
    await panel.getByText("Edit the profile").click();
    await panel.getByLabel("Name (used in the reasons)").fill("Springfield");
    await panel.getByLabel("Country", { exact: true }).selectOption("US");
    await panel.getByLabel("Tier in the national urban hierarchy").selectOption("tertiary");
    await panel.getByRole("heading", { name: "Topics ranked for Springfield, US" }).waitFor();
    expect(await panel.locator(".ranking .topic").count()).toBe(CATALOG.length);

    await panel.getByLabel("City budget (US$ million)").fill("-5");
    const alert = panel.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("resources.budgetUsd");
    expect(await panel.locator(".ranking").count()).toBe(0);
    await panel.getByLabel("City budget (US$ million)").fill("");
    await panel.locator(".ranking").waitFor();
    await panel.locator(".profile-details > summary").click();
  });

  it("lists Manchester's nearest peers and compares one in the second panel", async () => {
    const peers = page.locator("#panel-a .peers li");
    expect(await peers.count()).toBe(5);
    const distances = (await peers.locator(".distance").allTextContents()).map((text) =>
      Number(text.replace("distance ", "")),
    );
    expect(distances).toEqual([...distances].sort((x, y) => x - y));
    expect(
      await peers.evaluateAll((items) => items.map((item) => item.dataset.cityId)),
    ).not.toContain("geonames:2643123");
    const name = await peers.first().locator(".peer-name").textContent();
    await peers
      .first()
      .getByRole("button", { name: /^Compare / })
      .press("Enter");
    const second = page.locator("#panel-b");
    expect(await second.getByRole("combobox", { name: /^Find a place/ }).inputValue()).toBe(name);
    expect(await second.locator(".ranking .topic").count()).toBe(CATALOG.length);
  });

  it("compares two cities side by side", async () => {
    await choosePlace(page.locator("#panel-b"), "Kano", "Kano, NG");
    const table = page.locator("table.comparison");
    await table.waitFor();
    expect(await table.locator("tbody tr").count()).toBe(CATALOG.length);
    expect(await table.locator("caption").textContent()).toContain("Manchester, GB and Kano, NG");
  });

  it("takes a screenshot and logs no error", async () => {
    await page.locator("#panel-a .profile-details > summary").click(); // fold the form again
    await page.evaluate(() => window.scrollTo(0, 0));
    const png = await page.screenshot({ fullPage: false });
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    if (process.env.UPDATE_SCREENSHOT === "1" || !existsSync(screenshotPath)) {
      writeFileSync(screenshotPath, png);
    }
    expect(problems).toEqual([]);
  });
});
