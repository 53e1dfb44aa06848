// Drives the real VFU Planner window: the built app binary, started by WebKitWebDriver through
// tauri-driver, controlled over WebDriver with selenium-webdriver. No browser is downloaded: the
// window is the app's own WebKitGTK webview.
//
//   const app = await launchApp({ name: 'term-list' });
//   await app.waitForText('Höstterminen 2027');
//   await app.clickButton('English');
//   await app.screenshot('e2e-term-list');
//   await app.close();
//
// Every launch gets a fresh temporary directory: the database (VFU_DB, which the app creates and
// fills with its 3,000-student demo term on first start) and the webview's profile (XDG_* dirs:
// localStorage, where the UI remembers the chosen language), so no run sees another's state.
//
// Environment:
//   VFU_APP_BINARY      the app binary (default ${CARGO_TARGET_DIR:-target}/debug/vfu-planner)
//   TAURI_DRIVER        tauri-driver (default: on PATH, else ~/.cargo/bin/tauri-driver)
//   WEBKIT_WEBDRIVER    the native driver (default /usr/bin/WebKitWebDriver)
//   DISPLAY             an X display; without one, an Xvfb of our own is started
//   VFU_E2E_TIMEOUT_SCALE  multiplies every timeout (slow machines), default 1
//   VFU_E2E_KEEP=1      keep each run's temporary directory (database, logs) for inspection

import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import {
  accessSync,
  constants,
  copyFileSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Builder, By, Key, until } from 'selenium-webdriver';

export { By, Key, until };

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'docs', 'screenshots');
/** Failure screenshots and logs, kept out of docs/. */
export const ARTIFACT_DIR = path.join(REPO_ROOT, 'e2e', 'artifacts');

const SCALE = Number(process.env.VFU_E2E_TIMEOUT_SCALE) > 0 ? Number(process.env.VFU_E2E_TIMEOUT_SCALE) : 1;
/** A timeout in milliseconds, scaled by VFU_E2E_TIMEOUT_SCALE. */
export const timeout = (ms) => Math.round(ms * SCALE);

/** Starting the debug app includes generating and importing the demo term: give it time. */
const LAUNCH_TIMEOUT = timeout(150_000);
const DRIVER_READY_TIMEOUT = timeout(30_000);
const WAIT_TIMEOUT = timeout(30_000);
/** Reads of an element React replaced meanwhile that are tried again (see `App.readFresh`). */
const STALE_RETRIES = 5;
const QUIT_TIMEOUT = timeout(15_000);

// ---------------------------------------------------------------------------------------------
// Cleanup that happens even when a test fails, times out or the runner is interrupted.

/** Process groups and processes still alive, killed synchronously on exit. */
const liveGroups = new Set();
const liveProcesses = new Set();
/** Temporary directories of runs not yet closed, removed on exit unless VFU_E2E_KEEP=1. */
const liveTmpDirs = new Set();

function killEverythingNow() {
  for (const pgid of liveGroups) signalGroup(pgid, 'SIGKILL');
  for (const child of liveProcesses) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  if (process.env.VFU_E2E_KEEP !== '1') {
    for (const dir of liveTmpDirs) rmSync(dir, { recursive: true, force: true });
  }
}

process.on('exit', killEverythingNow);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    killEverythingNow();
    process.exit(128 + (os.constants.signals[signal] ?? 0));
  });
}

function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // ESRCH: nobody left in the group
  }
}

/** The live (not zombie) processes of process group `pgid`, from /proc. */
function groupMembers(pgid) {
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

/** Whether a process of the group still runs (zombies waiting for a reaper do not count). */
function groupAlive(pgid) {
  return signalGroup(pgid, 0) && groupMembers(pgid).length > 0;
}

/** SIGTERM to the whole group, then SIGKILL to whatever is left after `graceMs`. */
async function stopGroup(pgid, graceMs = 5_000) {
  if (!groupAlive(pgid)) return;
  signalGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < deadline) await delay(100);
  if (groupAlive(pgid)) {
    signalGroup(pgid, 'SIGKILL');
    const hardDeadline = Date.now() + 5_000;
    while (groupAlive(pgid) && Date.now() < hardDeadline) await delay(100);
  }
}

// ---------------------------------------------------------------------------------------------
// Locating the tools and the app.

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

/** The app binary: VFU_APP_BINARY, else the debug build in the cargo target directory. */
export function appBinary() {
  if (process.env.VFU_APP_BINARY) return path.resolve(process.env.VFU_APP_BINARY);
  const targetDir = process.env.CARGO_TARGET_DIR ? path.resolve(REPO_ROOT, process.env.CARGO_TARGET_DIR) : path.join(REPO_ROOT, 'target');
  return path.join(targetDir, 'debug', 'vfu-planner');
}

function findTauriDriver() {
  const candidates = [process.env.TAURI_DRIVER, onPath('tauri-driver'), path.join(os.homedir(), '.cargo', 'bin', 'tauri-driver')];
  const found = candidates.find((c) => c && isExecutable(c));
  if (!found) {
    throw new Error('tauri-driver was not found (not on PATH, not in ~/.cargo/bin). Install it with ' + '`cargo install tauri-driver --version ^2 --locked`, or run scripts/e2e.sh, which does.');
  }
  return found;
}

function findNativeDriver() {
  const driver = process.env.WEBKIT_WEBDRIVER ?? '/usr/bin/WebKitWebDriver';
  if (!isExecutable(driver)) {
    throw new Error(`${driver} is missing: install the Debian package webkit2gtk-driver (apt-get install webkit2gtk-driver).`);
  }
  return driver;
}

function checkBinary(binary) {
  if (!isExecutable(binary)) {
    throw new Error(
      `The app binary ${binary} does not exist or is not executable. Build it with the UI embedded: ` +
        '`(cd ui && npm run build) && cargo build -p vfu-planner`, or run scripts/e2e.sh, which does.',
    );
  }
  const index = path.join(REPO_ROOT, 'ui', 'dist', 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs > statSync(binary).mtimeMs) {
    process.stderr.write(`warning: ui/dist is newer than ${binary}; the app embeds the UI at build time, so it may show an older UI.\n`);
  }
}

// ---------------------------------------------------------------------------------------------
// Ports, display, driver.

/** A TCP port that was free a moment ago (the kernel picks it). */
export async function freePort() {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

/** Starts Xvfb on a display it picks itself (-displayfd) and returns ":N" and the process. */
async function startXvfb() {
  if (!onPath('Xvfb')) throw new Error('No DISPLAY and no Xvfb: install the Debian package xvfb, or run under xvfb-run -a.');
  const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1400x900x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  liveProcesses.add(child);
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const number = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb did not report its display within 10 s:\n${stderr}`)), timeout(10_000));
    child.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(out.trim());
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited (code ${code}) before it was ready:\n${stderr}`));
    });
  });
  return { display: `:${number}`, child };
}

function tail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Whether something answers HTTP on the port (any status). */
async function answers(port) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/status`, { signal: AbortSignal.timeout(2_000) });
    await response.text();
    return true;
  } catch {
    return false;
  }
}

/**
 * Resolves once WebKitWebDriver and then tauri-driver answer HTTP; rejects when tauri-driver
 * exits or the time runs out. (Asking tauri-driver before WebKitWebDriver is up makes it log a
 * connection error with a backtrace, hence the native port first.)
 */
async function waitForDriver(port, nativePort, child, logFile) {
  const deadline = Date.now() + DRIVER_READY_TIMEOUT;
  for (const p of [nativePort, port]) {
    while (!(await answers(p))) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`tauri-driver exited (code ${child.exitCode}, signal ${child.signalCode}) before it was ready. Its log:\n${tail(logFile)}`);
      }
      if (Date.now() > deadline) {
        throw new Error(`tauri-driver did not answer on port ${port} within ${DRIVER_READY_TIMEOUT / 1000} s. Its log:\n${tail(logFile)}`);
      }
      await delay(100);
    }
  }
}

/** The app and its WebKit processes: tauri-driver's group but tauri-driver and WebKitWebDriver. */
function appProcesses(pgid) {
  return groupMembers(pgid).filter((pid) => {
    if (pid === pgid) return false;
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'WebKitWebDriver';
    } catch {
      return false;
    }
  });
}

/**
 * Watches the app while the session is being created: `exited` rejects when the app ran and
 * ended, or never ran within 15 s, so a crash at start fails in seconds, not at the launch
 * timeout. (WebKitWebDriver starts the app in tauri-driver's process group.)
 */
function watchAppProcess(pgid) {
  const start = Date.now();
  let seen = false;
  let gone = 0;
  let timer;
  const exited = new Promise((_, reject) => {
    timer = setInterval(() => {
      const alive = appProcesses(pgid).length > 0;
      seen ||= alive;
      gone = alive ? 0 : gone + 1;
      if (seen && gone >= 3) {
        clearInterval(timer);
        reject(new Error('the app exited while starting'));
      } else if (!seen && Date.now() - start > timeout(15_000)) {
        clearInterval(timer);
        reject(new Error('the app was not running 15 s after WebKitWebDriver was asked to start it (it exited at once, or never started)'));
      }
    }, 250);
  });
  exited.catch(() => {}); // handled by the race; no unhandled rejection after stop()
  return { exited, stop: () => clearInterval(timer) };
}

function withTimeout(promise, ms, message) {
  let timer;
  const expired = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(message())), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------------------------
// The app.

/**
 * Starts the app in a fresh environment and connects to its window.
 *
 * @param {object} [options]
 * @param {string} [options.name]  names the run's log and failure screenshots
 * @param {Record<string,string>} [options.env]  more environment for the app (VFU_DB is set unless given)
 * @param {string[]} [options.args]  command-line arguments for the app
 * @returns {Promise<App>}
 */
export async function launchApp(options = {}) {
  const name = (options.name ?? 'app').replace(/[^\w.-]+/g, '-');
  // One deadline for the whole start, so that a hung start fails (and cleans up) within
  // LAUNCH_TIMEOUT, before the test runner's own hook timeout.
  const deadline = Date.now() + LAUNCH_TIMEOUT;
  const remaining = () => Math.max(1_000, deadline - Date.now());
  const binary = appBinary();
  checkBinary(binary);
  const tauriDriver = findTauriDriver();
  const nativeDriver = findNativeDriver();

  const tmpDir = mkdtempSync(path.join(os.tmpdir(), `vfu-e2e-${name}-`));
  mkdirSync(ARTIFACT_DIR, { recursive: true });
  const logFile = path.join(ARTIFACT_DIR, `${name}.log`);
  liveTmpDirs.add(tmpDir);
  const app = new App({ name, tmpDir, logFile });

  try {
    if (!process.env.DISPLAY) {
      const xvfb = await startXvfb();
      app.xvfb = xvfb.child;
      app.display = xvfb.display;
    } else {
      app.display = process.env.DISPLAY;
    }

    app.databasePath = options.env?.VFU_DB ?? path.join(tmpDir, 'vfu-planner.sqlite');
    const xdg = (dir) => {
      const full = path.join(tmpDir, 'xdg', dir);
      mkdirSync(full, { recursive: true });
      return full;
    };
    // tauri-driver starts WebKitWebDriver, which starts the app: each inherits its parent's
    // environment, so what is set here reaches the app.
    const env = {
      ...process.env,
      DISPLAY: app.display,
      VFU_DB: app.databasePath,
      XDG_DATA_HOME: xdg('data'),
      XDG_CONFIG_HOME: xdg('config'),
      XDG_CACHE_HOME: xdg('cache'),
      // No accessibility bus under Xvfb: spares a warning and a D-Bus timeout per start.
      NO_AT_BRIDGE: '1',
      ...options.env,
    };

    const port = await freePort();
    let nativePort = await freePort();
    while (nativePort === port) nativePort = await freePort();

    const log = createWriteStream(logFile);
    await once(log, 'open');
    log.write(`# ${new Date().toISOString()} ${tauriDriver} --port ${port} --native-port ${nativePort}\n# app ${binary}\n# VFU_DB=${app.databasePath} DISPLAY=${app.display}\n`);
    // detached: a process group of its own, so tauri-driver, WebKitWebDriver, the app and the
    // app's WebKit processes can all be stopped together.
    const child = spawn(tauriDriver, ['--port', String(port), '--native-port', String(nativePort), '--native-driver', nativeDriver], {
      env,
      cwd: tmpDir,
      detached: true,
      stdio: ['ignore', log, log],
    });
    app.driverProcess = child;
    app.pgid = child.pid;
    liveGroups.add(child.pid);
    child.once('exit', () => log.end());

    await waitForDriver(port, nativePort, child, logFile);

    const capabilities = {
      browserName: 'wry',
      'tauri:options': { application: binary, args: options.args ?? [] },
    };
    // usingServer: selenium talks to tauri-driver and never starts (or downloads) a browser.
    const session = new Builder().usingServer(`http://127.0.0.1:${port}/`).withCapabilities(capabilities).build();
    const watcher = watchAppProcess(child.pid);
    app.driver = await withTimeout(
      Promise.race([session, watcher.exited]).finally(watcher.stop),
      remaining(),
      () => `the app window did not come up within ${LAUNCH_TIMEOUT / 1000} s (no WebDriver session)`,
    ).catch((error) => {
      throw new Error(`Could not start the app through tauri-driver: ${error.message}\nLog ${logFile}:\n${tail(logFile)}`, { cause: error });
    });

    await app.driver.manage().setTimeouts({ script: timeout(30_000), pageLoad: LAUNCH_TIMEOUT, implicit: 0 });
    await app.waitFor(async () => (await app.driver.executeScript('return document.readyState')) === 'complete', 'the page to finish loading', remaining());
    const url = await app.driver.getCurrentUrl();
    if (url.startsWith('http://localhost:5173') || url.startsWith('http://127.0.0.1:5173')) {
      throw new Error(`The app loads ${url}, the Vite dev server: the binary was built without the UI embedded (cargo feature custom-protocol).`);
    }
    app.url = url;
    return app;
  } catch (error) {
    await app.close({ failed: true });
    throw error;
  }
}

export class App {
  constructor({ name, tmpDir, logFile }) {
    this.name = name;
    this.tmpDir = tmpDir;
    this.logFile = logFile;
    /** @type {import('selenium-webdriver').WebDriver | undefined} */
    this.driver = undefined;
    this.driverProcess = undefined;
    this.pgid = undefined;
    this.xvfb = undefined;
    this.display = undefined;
    this.databasePath = undefined;
    this.url = undefined;
    this.closed = false;
  }

  /** The page's visible text (what a user can read), '' before the body exists. */
  async bodyText() {
    return this.driver.executeScript('return document.body ? document.body.innerText : ""');
  }

  /**
   * Waits until `condition()` is truthy (exceptions count as "not yet") and returns its value.
   * On timeout: a failure screenshot in e2e/artifacts/ and an error saying what was awaited and
   * what the window showed.
   */
  async waitFor(condition, description, ms = WAIT_TIMEOUT) {
    const deadline = Date.now() + ms;
    let lastError;
    while (Date.now() < deadline) {
      try {
        const value = await condition();
        if (value) return value;
        lastError = undefined;
      } catch (error) {
        lastError = error;
      }
      await delay(150);
    }
    let shown = '(could not read the page)';
    try {
      shown = (await this.bodyText()).replace(/\s+/g, ' ').trim().slice(0, 800);
    } catch {
      // the window may be gone
    }
    const shot = await this.failureScreenshot(description);
    throw new Error(
      `Timed out after ${ms / 1000} s waiting for ${description}.\n` +
        `The window showed: "${shown}"\n` +
        (shot ? `Screenshot: ${shot}\n` : '') +
        (lastError ? `Last error: ${lastError.message}\n` : '') +
        `App log: ${this.logFile}`,
    );
  }

  /** Waits until the visible text contains `text` (a string or a RegExp). */
  async waitForText(text, ms = WAIT_TIMEOUT) {
    const matches = (body) => (text instanceof RegExp ? text.test(body) : body.includes(text));
    return this.waitFor(async () => matches(await this.bodyText()), `the text ${text instanceof RegExp ? text : JSON.stringify(text)}`, ms);
  }

  /** Waits until the visible text no longer contains `text`. */
  async waitForNoText(text, ms = WAIT_TIMEOUT) {
    const matches = (body) => (text instanceof RegExp ? text.test(body) : body.includes(text));
    return this.waitFor(async () => !matches(await this.bodyText()), `the text ${JSON.stringify(String(text))} to disappear`, ms);
  }

  /** Waits for a displayed element matching `locator` (a By or a CSS selector) and returns it. */
  async waitForElement(locator, ms = WAIT_TIMEOUT) {
    const by = typeof locator === 'string' ? By.css(locator) : locator;
    return this.waitFor(
      async () => {
        for (const element of await this.driver.findElements(by)) {
          if (await element.isDisplayed()) return element;
        }
        return undefined;
      },
      `a displayed element ${by}`,
      ms,
    );
  }

  /** Waits until the element matching `locator` has exactly the visible text `text` (trimmed). */
  async waitForElementText(locator, text, ms = WAIT_TIMEOUT) {
    const by = typeof locator === 'string' ? By.css(locator) : locator;
    return this.waitFor(
      async () => {
        for (const element of await this.driver.findElements(by)) {
          if ((await element.getText()).trim() === text) return element;
        }
        return undefined;
      },
      `an element ${by} reading ${JSON.stringify(text)}`,
      ms,
    );
  }

  /** The element with `data-testid="id"`, once displayed. */
  byTestId(id, ms = WAIT_TIMEOUT) {
    return this.waitForElement(By.css(`[data-testid="${cssEscape(id)}"]`), ms);
  }

  /** Clicks the element with `data-testid="id"` once it is displayed and enabled. */
  async clickTestId(id, ms = WAIT_TIMEOUT) {
    const element = await this.byTestId(id, ms);
    await this.waitFor(() => element.isEnabled(), `[data-testid="${id}"] to be enabled`, ms);
    await this.click(element);
    return element;
  }

  /**
   * Clicks an element. WebKitWebDriver scrolls it only just into view, where a sticky header can
   * cover it ("element click intercepted"): then it is scrolled to the middle of the window and
   * clicked again, still a real click.
   */
  async click(element) {
    try {
      await element.click();
    } catch (error) {
      if (error?.name !== 'ElementClickInterceptedError') throw error;
      await this.driver.executeScript(`arguments[0].scrollIntoView({ block: 'center', inline: 'center' });`, element);
      await this.settle();
      await element.click();
    }
  }

  /** Clicks the displayed, enabled button whose visible text is exactly `text`. */
  async clickButton(text, ms = WAIT_TIMEOUT) {
    const button = await this.waitFor(
      () =>
        this.driver.executeScript(
          `const text = arguments[0];
           return [...document.querySelectorAll('button, [role="button"]')]
             .find((b) => b.innerText.trim() === text && !b.disabled && b.getClientRects().length > 0) ?? null;`,
          text,
        ),
      `a button reading ${JSON.stringify(text)}`,
      ms,
    );
    await this.click(button);
    return button;
  }

  /** Whether an element with `data-testid="id"` is displayed now (no waiting). */
  async hasTestId(id) {
    for (const element of await this.driver.findElements(By.css(`[data-testid="${cssEscape(id)}"]`))) {
      if (await element.isDisplayed().catch(() => false)) return true;
    }
    return false;
  }

  /** Waits until no element with `data-testid="id"` is displayed. */
  async waitForNoTestId(id, ms = WAIT_TIMEOUT) {
    return this.waitFor(async () => !(await this.hasTestId(id)), `[data-testid="${id}"] to disappear`, ms);
  }

  /** The visible text of the element with `data-testid="id"` (whitespace collapsed), once displayed. */
  async textOfTestId(id, ms = WAIT_TIMEOUT) {
    return this.readFresh(id, ms, async (element) => collapse(await this.innerText(element)));
  }

  /**
   * Finds the element with this test id and reads it with `read`; if React replaced the element
   * between the two (a re-render as a run's outcome settles), finds it again and reads anew.
   */
  async readFresh(id, ms, read) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await read(await this.byTestId(id, ms));
      } catch (error) {
        if (error?.name !== 'StaleElementReferenceError' || attempt >= STALE_RETRIES) throw error;
      }
    }
  }

  /**
   * An element's rendered text (innerText). WebDriver's getText() reads "" for a table row in
   * WebKitWebDriver, so the helpers below read innerText instead.
   */
  async innerText(element) {
    return this.driver.executeScript('return arguments[0].innerText', element);
  }

  /**
   * Waits until the element with `data-testid="id"` shows `text` (a substring, or a RegExp tested on
   * its text with whitespace collapsed) and returns the element.
   */
  async waitForTestIdText(id, text, ms = WAIT_TIMEOUT) {
    const by = By.css(`[data-testid="${cssEscape(id)}"]`);
    return this.waitFor(
      async () => {
        for (const element of await this.driver.findElements(by)) {
          if (!(await element.isDisplayed())) continue;
          const shown = collapse(await this.innerText(element));
          if (text instanceof RegExp ? text.test(shown) : shown.includes(text)) return element;
        }
        return undefined;
      },
      `[data-testid="${id}"] showing ${text instanceof RegExp ? text : JSON.stringify(text)}`,
      ms,
    );
  }

  /** Waits until the element with `data-testid="id"` is enabled (or, with `enabled = false`, disabled). */
  async waitForEnabled(id, enabled = true, ms = WAIT_TIMEOUT) {
    return this.waitFor(
      async () => {
        const element = await this.byTestId(id, ms);
        return (await element.isEnabled()) === enabled ? element : undefined;
      },
      `[data-testid="${id}"] to be ${enabled ? 'enabled' : 'disabled'}`,
      ms,
    );
  }

  /**
   * Chooses a file in the <input type="file"> with `data-testid="id"` the WebDriver way: the file's
   * absolute path typed into the input (WebKitWebDriver accepts this also when the input is styled
   * invisible over its label), which fires the input's change event with the file.
   */
  async chooseFile(id, file, ms = WAIT_TIMEOUT) {
    const absolute = path.resolve(file);
    if (!existsSync(absolute)) throw new Error(`chooseFile: ${absolute} does not exist`);
    const input = await this.waitFor(
      async () => {
        const [element] = await this.driver.findElements(By.css(`input[type="file"][data-testid="${cssEscape(id)}"]`));
        return element && (await element.isEnabled()) ? element : undefined;
      },
      `an enabled file input [data-testid="${id}"]`,
      ms,
    );
    await input.sendKeys(absolute);
    return input;
  }

  /** The options of the <select> with `data-testid="id"`: [{ value, label, selected, disabled }]. */
  async optionsOf(id, ms = WAIT_TIMEOUT) {
    const select = await this.byTestId(id, ms);
    return this.driver.executeScript(
      `return [...arguments[0].options].map((o) => ({ value: o.value, label: o.label || o.text, selected: o.selected, disabled: o.disabled }));`,
      select,
    );
  }

  /**
   * Chooses the option with value `value` in the <select> with `data-testid="id"` by clicking it,
   * as WebDriver selects options, and waits until the select holds it. Returns the option's label.
   */
  async selectOption(id, value, ms = WAIT_TIMEOUT) {
    const select = await this.waitForEnabled(id, true, ms);
    const option = await this.waitFor(
      async () => (await select.findElements(By.css(`option[value="${cssEscape(value)}"]`)))[0],
      `an option ${JSON.stringify(value)} in [data-testid="${id}"]`,
      ms,
    );
    const label = collapse(await this.driver.executeScript('return arguments[0].label || arguments[0].text', option));
    if ((await select.getProperty('value')) !== value) await this.click(option);
    await this.waitFor(async () => (await select.getProperty('value')) === value, `[data-testid="${id}"] to hold ${JSON.stringify(value)}`, ms);
    return label;
  }

  /** Replaces the text of the field with `data-testid="id"` by typing `text` (as a user would). */
  async typeInto(id, text, ms = WAIT_TIMEOUT) {
    const field = await this.waitForEnabled(id, true, ms);
    await this.click(field);
    if ((await field.getProperty('value')) !== '') {
      await field.sendKeys(Key.chord(Key.CONTROL, 'a'), Key.BACK_SPACE);
    }
    await field.sendKeys(text);
    await this.waitFor(async () => (await field.getProperty('value')) === text, `[data-testid="${id}"] to read ${JSON.stringify(text)}`, ms);
    return field;
  }

  /**
   * The table row with `data-testid="id"` as { column header: cell text }, as the user reads it
   * (headers without their sort marks; whitespace collapsed to single spaces).
   */
  async tableRow(id, ms = WAIT_TIMEOUT) {
    return this.readFresh(id, ms, (row) => this.driver.executeScript(
      `const row = arguments[0];
       const clean = (el) => el.innerText.replace(/[\\s\\u00a0\\u202f]+/g, ' ').trim();
       const table = row.closest('table');
       const headers = [...table.querySelectorAll('thead th')].map((th) => clean(th).split(/\\s*[▴▾▲▼]/)[0]);
       const cells = [...row.querySelectorAll(':scope > th, :scope > td')].map(clean);
       return Object.fromEntries(headers.map((h, i) => [h, cells[i]]));`,
      row,
    ));
  }

  /** A definition list (<dl>) inside the element with `data-testid="id"` as { term: description }. */
  async definitions(id, ms = WAIT_TIMEOUT) {
    return this.readFresh(id, ms, (element) => this.driver.executeScript(
      `const clean = (el) => el.innerText.replace(/[\\s\\u00a0\\u202f]+/g, ' ').trim();
       const entries = {};
       for (const dt of arguments[0].querySelectorAll('dt')) {
         const dd = dt.nextElementSibling;
         if (dd && dd.tagName === 'DD') entries[clean(dt)] = clean(dd);
       }
       return entries;`,
      element,
    ));
  }

  /** Resolves after fonts are loaded and two frames are painted: the screen shows the last change. */
  async settle() {
    await this.driver.executeAsyncScript(`
      const done = arguments[arguments.length - 1];
      (document.fonts ? document.fonts.ready : Promise.resolve())
        .then(() => requestAnimationFrame(() => requestAnimationFrame(() => done(true))));
    `);
  }

  /**
   * Saves a PNG of the window to docs/screenshots/<name>.png (or to `dir`) and returns its path.
   * WebDriver's screenshot of the webview first; the X root window (`import`) when that fails.
   * An existing file that looks the same (ImageMagick `compare`: at most 0.1 % of pixels differ
   * by more than 5 %) is kept, so that committed screenshots do not change with every run:
   * WebKit's text antialiasing differs by a few pixels from run to run.
   */
  async screenshot(name, dir = SCREENSHOT_DIR) {
    const file = path.join(dir, name.endsWith('.png') ? name : `${name}.png`);
    mkdirSync(path.dirname(file), { recursive: true });
    const fresh = path.join(this.tmpDir, `shot-${Date.now()}.png`);
    await this.settle();
    try {
      const png = Buffer.from(await this.driver.takeScreenshot(), 'base64');
      if (png.length < 8 || png.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
      writeFileSync(fresh, png);
    } catch (error) {
      const result = spawnSync('import', ['-window', 'root', fresh], { env: { ...process.env, DISPLAY: this.display }, encoding: 'utf8' });
      if (result.status !== 0) {
        throw new Error(`Screenshot failed: WebDriver said "${error.message}", import said "${result.stderr || result.error}"`);
      }
    }
    if (existsSync(file) && looksTheSame(file, fresh)) {
      rmSync(fresh);
    } else {
      copyFileSync(fresh, file);
      rmSync(fresh);
    }
    return file;
  }

  async failureScreenshot(what) {
    if (!this.driver) return undefined;
    const slug = String(what).replace(/[^\w]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
    try {
      return await this.screenshot(`${this.name}--failed--${slug}`, ARTIFACT_DIR);
    } catch {
      return undefined;
    }
  }

  /** Ends the session, stops tauri-driver, WebKitWebDriver and the app, and removes the temp dir. */
  async close({ failed = false } = {}) {
    if (this.closed) return;
    this.closed = true;
    if (this.driver) {
      // Closing the session closes the app's window; a hung app is killed below anyway.
      await withTimeout(this.driver.quit(), QUIT_TIMEOUT, () => 'quit timed out').catch(() => {});
      this.driver = undefined;
    }
    if (this.pgid) {
      await stopGroup(this.pgid);
      liveGroups.delete(this.pgid);
    }
    if (this.xvfb) {
      this.xvfb.kill('SIGTERM');
      await Promise.race([once(this.xvfb, 'exit'), delay(3_000)]);
      if (this.xvfb.exitCode === null && this.xvfb.signalCode === null) this.xvfb.kill('SIGKILL');
      liveProcesses.delete(this.xvfb);
    }
    if (process.env.VFU_E2E_KEEP === '1' || failed) {
      process.stderr.write(`Kept ${this.tmpDir} (database and webview profile of the run "${this.name}").\n`);
    } else {
      rmSync(this.tmpDir, { recursive: true, force: true });
    }
    liveTmpDirs.delete(this.tmpDir);
  }
}

/** Whether two PNGs of the same size differ in at most 0.1 % of their pixels (by more than 5 %). */
function looksTheSame(a, b) {
  const result = spawnSync('compare', ['-metric', 'AE', '-fuzz', '5%', a, b, 'null:'], { encoding: 'utf8' });
  if (result.error || result.status === 2) return false; // no ImageMagick, other sizes, unreadable
  const differing = Number.parseFloat(result.stderr);
  const size = spawnSync('identify', ['-format', '%w %h', b], { encoding: 'utf8' });
  const [w, h] = size.stdout.split(' ').map(Number);
  return Number.isFinite(differing) && w > 0 && h > 0 && differing <= w * h * 0.001;
}

/** Text with every run of whitespace (also no-break and thin spaces) as one space, trimmed. */
function collapse(text) {
  return String(text).replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

function cssEscape(value) {
  return String(value).replace(/["\\]/g, '\\$&');
}
