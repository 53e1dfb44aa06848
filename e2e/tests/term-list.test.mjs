// The first screen of the real app: the term list shows the demo term a new database is filled
// with (src-tauri/src/state.rs: "Demotermin HT 2027 (genererad)", id DEMO-HT2027, 3,000 students), in Swedish
// by default and in English after the language switch.

import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { By, launchApp, timeout } from '../lib/app.mjs';

const TERM_NAME = 'Demotermin HT 2027 (genererad)';
const TERM_ID = 'DEMO-HT2027';

describe('term list', () => {
  /** @type {import('../lib/app.mjs').App} */
  let app;

  before(
    async () => {
      app = await launchApp({ name: 'term-list' });
    },
    { timeout: timeout(240_000) },
  );

  after(async () => {
    await app?.close();
  });

  /**
   * The demo term's row as { column header: cell text }, read as the user sees it (innerText,
   * whitespace collapsed to single spaces; Swedish thousands separators are no-break spaces).
   */
  async function demoTermRow() {
    await app.waitForElement(By.xpath(`//table//tr/th[@scope="row"][contains(., "${TERM_NAME}")]`));
    return app.driver.executeScript(
      `const name = arguments[0];
       const clean = (el) => el.innerText.replace(/[\\s\\u00a0\\u202f]+/g, ' ').trim();
       const table = document.querySelector('table');
       // a header reads e.g. "Period ▼ , sorterat fallande": its name is what comes before the sort mark
       const headers = [...table.querySelectorAll('thead th')].map((th) => clean(th).split(/\\s*[▴▾▲▼]/)[0]);
       const row = [...table.querySelectorAll('tbody tr')].find((tr) => tr.innerText.includes(name));
       const cells = [...row.querySelectorAll('th, td')].map(clean);
       return Object.fromEntries(headers.map((h, i) => [h, cells[i]]));`,
      TERM_NAME,
    );
  }

  test('opens on the demo term in Swedish', { timeout: timeout(120_000) }, async () => {
    await app.waitForElementText('h1', 'Terminer');
    await app.waitForElementText('[role="status"]', '1 termin');
    await app.waitForText(TERM_NAME);
    await app.waitForText(TERM_ID);

    // The app opened the database VFU_DB pointed at, so the environment reached it through
    // tauri-driver and WebKitWebDriver, and it filled that fresh file with the demo term.
    assert.ok(existsSync(app.databasePath), `the app did not create its database at VFU_DB=${app.databasePath}`);
    const size = (file) => (existsSync(file) ? statSync(file).size : 0);
    const bytes = size(app.databasePath) + size(`${app.databasePath}-wal`); // SQLite in WAL mode
    assert.ok(bytes > 100_000, `the database holds the generated demo term (${bytes} bytes)`);

    const row = await demoTermRow();
    assert.ok(row.Termin?.includes(TERM_NAME) && row.Termin.includes(TERM_ID), `the row names the term: ${JSON.stringify(row)}`);
    assert.equal(row.Studenter, '3 000', `3 000 students, written the Swedish way: ${JSON.stringify(row)}`);

    assert.equal(await app.driver.executeScript('return document.documentElement.lang'), 'sv');
    const svenska = await app.waitForElement(By.css('button[lang="sv"]'));
    assert.equal(await svenska.getAttribute('aria-pressed'), 'true', 'Svenska is the chosen language');

    await app.screenshot('e2e-term-list');
  });

  test('switches to English with the language switch', { timeout: timeout(120_000) }, async () => {
    await app.clickButton('English');

    await app.waitForElementText('h1', 'Terms');
    await app.waitForElementText('[role="status"]', '1 term');
    await app.waitForText('Students');
    await app.waitForNoText('Terminer');

    const row = await demoTermRow();
    assert.ok(row.Term?.includes(TERM_NAME) && row.Term.includes(TERM_ID), `the row names the term: ${JSON.stringify(row)}`);
    assert.equal(row.Students, '3,000', `3,000 students, written the English way: ${JSON.stringify(row)}`);

    assert.equal(await app.driver.executeScript('return document.documentElement.lang'), 'en');
    const english = await app.waitForElement(By.css('button[lang="en"]'));
    assert.equal(await english.getAttribute('aria-pressed'), 'true', 'English is the chosen language');

    await app.screenshot('e2e-term-list-en');
  });
});
