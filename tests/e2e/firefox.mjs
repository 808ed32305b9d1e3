// Driving Debian's Firefox ESR headless through geckodriver with selenium-webdriver:
// WebDriver for navigation and scripts, WebDriver BiDi for console errors and uncaught
// exceptions. (Playwright's own Firefox build cannot be installed here.)
import { Builder } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import LogInspector from 'selenium-webdriver/bidi/logInspector.js';
import { writeFileSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { SCREENSHOTS } from './helpers.mjs';

export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
// Where scripts/setup.sh installs it: $PLAYGROUND_TOOLS/bin, by default ~/.cache/concurrency-playground/bin.
const TOOLS = process.env.PLAYGROUND_TOOLS ?? join(homedir(), '.cache/concurrency-playground');
export const GECKODRIVER = process.env.GECKODRIVER ?? join(TOOLS, 'bin/geckodriver');

/** Starts headless Firefox; resolves to a small page-like handle. */
export async function launchFirefox() {
  const options = new firefox.Options()
    .setBinary(FIREFOX)
    .addArguments('-headless', '--width=1280', '--height=900')
    .enableBidi();
  // A closed network: no update checks, telemetry or remote settings.
  for (const [name, value] of Object.entries({
    'app.update.enabled': false, 'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false, 'services.settings.server': 'http://127.0.0.1:9/',
    'network.captive-portal-service.enabled': false, 'browser.shell.checkDefaultBrowser': false,
  })) options.setPreference(name, value);
  const driver = await new Builder()
    .forBrowser('firefox')
    .setFirefoxOptions(options)
    .setFirefoxService(new firefox.ServiceBuilder(GECKODRIVER))
    .build();
  const problems = [];
  const inspector = await LogInspector(driver);
  await inspector.onConsoleEntry(entry => { if (entry.level === 'error') problems.push(`console: ${entry.text}`); });
  await inspector.onJavascriptException(entry => problems.push(`page error: ${entry.text}`));
  return {
    driver,
    problems,
    goto: url => driver.get(url),
    /** Runs `fn(arg)` in the page and returns its result. */
    evaluate: (fn, arg) => driver.executeScript(`return (${fn})(arguments[0]);`, arg),
    /** Waits until `fn(arg)` is truthy in the page. */
    waitFor: (fn, arg, timeout = 30_000) =>
      driver.wait(() => driver.executeScript(`return !!(${fn})(arguments[0]);`, arg), timeout),
    async screenshot(name) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      writeFileSync(join(SCREENSHOTS, `${name}.png`), await driver.takeScreenshot(), 'base64');
    },
    quit: () => driver.quit(),
  };
}
