'use strict';
// Opens copydesk's HTML report in headless Chromium and checks it the way a reader uses it:
// every finding is marked at exactly its bytes of the article, hovering or tabbing to it shows
// its message, the margin list jumps to it, the filters work, hostile text stays text, nothing
// is fetched from the network, the page passes axe-core, and it prints. Screenshots and a PDF
// are written to --out for people to look at.
//
//   node report_test.cjs --modules DIR --chromium PATH --source FILE --html FILE --json FILE
//                        --out DIR [--big-html FILE --big-json FILE]

const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) args[argv[i].replace(/^--/, '')] = argv[i + 1];
  for (const k of ['modules', 'chromium', 'source', 'html', 'json', 'out']) {
    if (!args[k]) throw new Error(`missing --${k}`);
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
const modules = path.resolve(args.modules);
const { chromium } = require(path.join(modules, 'playwright-core'));
const axeSource = fs.readFileSync(path.join(modules, 'axe-core', 'axe.min.js'), 'utf8');

let failures = 0;
let passed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed += 1;
    console.log(`ok - ${name}`);
  } catch (e) {
    failures += 1;
    console.log(`not ok - ${name}\n  ${String(e && e.stack || e).replace(/\n/g, '\n  ')}`);
  }
}

// The text a DOM subtree stands for in the original article: visible tokens for hidden
// characters (<span class="inv" data-cp="200B">) count as the characters themselves.
// Runs in the page; kept as a string so every evaluate can define it.
const SOURCE_TEXT = `
  function sourceText(node, withBreaks) {
    let s = '';
    (function walk(n) {
      if (n.nodeType === Node.TEXT_NODE) { s += n.data; return; }
      if (n.nodeType !== Node.ELEMENT_NODE) return;
      if (n.classList.contains('inv')) {
        if (n.classList.contains('brk') && !withBreaks) return;
        s += n.dataset.cp.split(' ').map((h) => String.fromCodePoint(parseInt(h, 16))).join('');
        return;
      }
      for (const c of n.childNodes) walk(c);
    })(node);
    return s;
  }`;

// Evaluated as an expression over the DevTools protocol, which the page's
// Content-Security-Policy does not govern (the report itself allows no eval).
async function inPage(page, body, arg) {
  return page.evaluate(`(function (arg) {${SOURCE_TEXT}\n${body}\n})(${JSON.stringify(arg === undefined ? null : arg)})`);
}

async function main() {
  const source = fs.readFileSync(args.source);
  const report = JSON.parse(fs.readFileSync(args.json, 'utf8'));
  const findings = report.files[0].diagnostics;
  assert.ok(findings.length >= 5, 'the golden article has findings to look at');
  fs.mkdirSync(args.out, { recursive: true });

  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: args.chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1360, height: 900 },
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
  });
  try {
    const requests = [];
    const problems = [];
    context.on('request', (r) => requests.push(r.url()));
    const page = context.pages()[0] || await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(String(e)));
    const url = pathToFileURL(path.resolve(args.html)).href;
    await page.goto(url, { waitUntil: 'load' });

    await check('the script ran under the page\'s own Content-Security-Policy', async () => {
      assert.equal(await page.isVisible('#filters-card'), true, 'filters are shown by the script');
      assert.deepEqual(problems, [], 'no console errors (a CSP violation would be one)');
    });

    await check('nothing but the report itself is requested', async () => {
      assert.deepEqual(requests, [url]);
    });

    await check('the whole article is in the page, as text, byte for byte', async () => {
      const lines = await inPage(page, `
        return Array.from(document.querySelectorAll('#f0-file .text > .ln'), (ln) => sourceText(ln, false));`);
      // The empty line after the final line break is not drawn.
      assert.equal(lines.join('\n') + '\n', source.toString('utf8'));
    });

    await check('hostile text stays text: script tags, entities, bidi controls', async () => {
      const facts = await inPage(page, `
        const text = document.querySelector('#f0-file .text');
        const rlo = text.querySelector('.inv[data-cp="202E"]');
        const box = rlo && rlo.getBoundingClientRect();
        return {
          scripts: document.scripts.length,
          scriptInText: text.querySelectorAll('script').length,
          visible: text.innerText,
          rawBidi: /[\\u202A-\\u202E\\u2066-\\u2069]/.test(document.documentElement.outerHTML),
          rloLabel: rlo && rlo.textContent,
          rloWidth: box ? box.width : 0,
        };`);
      assert.equal(facts.scripts, 1, 'only the report\'s own script');
      assert.equal(facts.scriptInText, 0);
      assert.match(facts.visible, /slipped a <script> tag/);
      assert.match(facts.visible, /Smith &amp; Sons/);
      assert.equal(facts.rawBidi, false, 'no live bidi control anywhere in the page');
      assert.equal(facts.rloLabel, '\u27e8RLO\u27e9');
      assert.ok(facts.rloWidth > 10, 'the override is drawn, not hidden');
    });

    await check('right-to-left runs keep their order and direction', async () => {
      const facts = await inPage(page, `
        const lines = Array.from(document.querySelectorAll('#f0-file .text > .ln'));
        const ln = lines.find((l) => l.textContent.includes('\\u0639\\u0627\\u062c\\u0644'));
        return { dir: getComputedStyle(ln).direction, text: ln.textContent };`);
      assert.equal(facts.dir, 'ltr', 'an English paragraph quoting Arabic stays left to right');
      assert.ok(facts.text.includes('\u00ab\u062a\u062d\u062f\u064a\u062b \u0623\u0645\u0646\u064a \u0639\u0627\u062c\u0644\u00bb'));
      assert.ok(facts.text.includes('\u05e2\u05d3\u05db\u05d5\u05df \u05d0\u05d1\u05d8\u05d7\u05d4'));
    });

    await check('every finding is marked at exactly its bytes, with its position and message', async () => {
      const marks = await inPage(page, `
        return arg.map((n) => {
          const sec = document.getElementById('f0-file');
          const pieces = Array.from(sec.querySelectorAll('mark.f[data-n="' + n + '"]'));
          const anchor = document.getElementById('f0-' + n);
          const note = document.getElementById('f0-n' + n);
          return {
            text: pieces.map((p) => sourceText(p, true)).join(''),
            anchorIsFirst: pieces[0] === anchor,
            tabindex: anchor && anchor.getAttribute('tabindex'),
            describedBy: anchor && anchor.getAttribute('aria-describedby'),
            pos: note && note.querySelector('.pos').textContent,
            message: note && sourceText(note.querySelector('.msg'), true),
            rule: note && note.dataset.rule,
            severity: note && note.dataset.severity,
            suggestions: note ? Array.from(note.querySelectorAll('.sugg bdi'), (b) => sourceText(b, true)) : [],
            fix: note && note.querySelector('.fix') ? note.querySelector('.fix').textContent : null,
          };
        });`, findings.map((_, i) => i + 1));
      findings.forEach((d, i) => {
        const m = marks[i];
        const where = `finding ${i + 1} (${d.rule} at ${d.line}:${d.column})`;
        assert.equal(m.text, source.subarray(d.offset, d.offset + d.length).toString('utf8'), where);
        assert.equal(m.anchorIsFirst, true, where);
        assert.equal(m.tabindex, '0', where);
        assert.equal(m.describedBy, `f0-h${i + 1} f0-m${i + 1}`, where);
        assert.equal(m.pos, `${d.line}:${d.column}`, where);
        assert.equal(m.message, d.message, where);
        assert.equal(m.rule, d.rule, where);
        assert.equal(m.severity, d.severity, where);
        assert.deepEqual(m.suggestions, d.suggestions, where);
        assert.equal(m.fix !== null, d.fix !== null, where);
      });
    });

    await check('a safe fix is shown as before and after', async () => {
      const i = findings.findIndex((d) => d.fix && d.fix.safe);
      assert.ok(i >= 0, 'the golden article has a finding with a safe fix');
      const d = findings[i];
      const edit = d.fix.edits[0];
      const removed = source.subarray(edit.offset, edit.offset + edit.length).toString('utf8');
      const fix = await inPage(page, `
        const box = document.querySelector('#f0-n' + arg + ' .fix');
        return {
          label: box.querySelector('.k').textContent,
          del: Array.from(box.querySelectorAll('del'), (e) => e.textContent),
          ins: Array.from(box.querySelectorAll('ins'), (e) => e.textContent),
          before: box.querySelectorAll('dd')[0].textContent,
          after: box.querySelectorAll('dd')[1].textContent,
        };`, i + 1);
      assert.equal(fix.label, 'Safe fix');
      if (removed) assert.deepEqual(fix.del, [removed]);
      if (edit.replacement) assert.deepEqual(fix.ins, [edit.replacement]);
      assert.ok(fix.before.replace(removed, edit.replacement) === fix.after.replace(/\u2038/g, '') ||
                fix.before.includes(removed), `${fix.before} -> ${fix.after}`);
    });

    async function popover() {
      return inPage(page, `
        const pop = document.getElementById('pop');
        if (pop.hidden) return null;
        const r = pop.getBoundingClientRect();
        const msg = pop.querySelector('.msg');
        return { message: msg ? sourceText(msg, true) : '', text: pop.textContent,
                 top: r.top, bottom: r.bottom, left: r.left, right: r.right,
                 visible: r.width > 0 && r.height > 0 && getComputedStyle(pop).visibility === 'visible' };`);
    }

    await check('hovering a finding shows its message and suggestions beside it', async () => {
      for (let i = 0; i < findings.length; i += 1) {
        const d = findings[i];
        const mark = page.locator(`#f0-${i + 1}`);
        await mark.scrollIntoViewIfNeeded();
        await mark.hover();
        await page.waitForFunction(() => !document.getElementById('pop').hidden);
        const pop = await popover();
        const box = await mark.boundingBox();
        assert.ok(pop && pop.visible, `popover for finding ${i + 1}`);
        assert.equal(pop.message, d.message);
        for (const s of d.suggestions) assert.ok(pop.text.includes(s), `suggestion ${s}`);
        assert.ok(pop.top >= box.y + box.height - 1 || pop.bottom <= box.y + 1, 'next to the mark, not over it');
        await page.mouse.move(2, 2);
        await page.waitForFunction(() => document.getElementById('pop').hidden);
      }
    });

    await check('Tab reaches every finding in reading order and shows its message', async () => {
      await page.evaluate(() => { window.scrollTo(0, 0); document.activeElement && document.activeElement.blur(); });
      await page.locator('#f0-t').click();  // start the tab order at the article heading
      const seen = [];
      for (let step = 0; step < 400 && seen.length < findings.length; step += 1) {
        await page.keyboard.press('Tab');
        const id = await page.evaluate(() => document.activeElement && document.activeElement.id);
        const m = /^f0-(\d+)$/.exec(id || '');
        if (!m) continue;
        const n = Number(m[1]);
        seen.push(n);
        const pop = await popover();
        assert.ok(pop && pop.visible, `popover on focus of finding ${n}`);
        assert.equal(pop.message, findings[n - 1].message);
      }
      assert.deepEqual(seen, findings.map((_, i) => i + 1));
      await page.keyboard.press('Escape');
      assert.equal(await popover(), null, 'Escape closes the note');
    });

    await check('n and p move between findings', async () => {
      await page.locator('#f0-t').click();
      await page.keyboard.press('n');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'f0-1');
      await page.keyboard.press('n');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'f0-2');
      await page.keyboard.press('p');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'f0-1');
    });

    await check('the margin list scrolls to its finding', async () => {
      const n = findings.length;
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.locator(`#f0-n${n} a.jump`).click();
      const facts = await page.evaluate((id) => {
        const m = document.getElementById(id);
        const r = m.getBoundingClientRect();
        return { active: document.activeElement.id, top: r.top, bottom: r.bottom, h: innerHeight };
      }, `f0-${n}`);
      assert.equal(facts.active, `f0-${n}`);
      assert.ok(facts.top >= 0 && facts.bottom <= facts.h, 'the finding is on screen');
      await page.screenshot({ path: path.join(args.out, 'report-note.png') });
      await page.keyboard.press('Escape');
    });

    await check('filters hide a rule\'s findings and bring them back', async () => {
      const rule = findings[findings.length - 1].rule;
      const expected = findings.filter((d) => d.rule !== rule).length;
      await page.locator(`#filters input[name="rule"][value="${rule}"]`).uncheck();
      let facts = await inPage(page, `
        return {
          notes: document.querySelectorAll('#f0-file li.note:not([hidden])').length,
          tabbable: document.querySelectorAll('#f0-file mark.f[id][tabindex="0"]').length,
          off: Array.from(document.querySelectorAll('#f0-file mark.f.off[id]'), (m) =>
            document.getElementById('f0-n' + m.dataset.n).dataset.rule),
          status: document.getElementById('shown').textContent,
        };`);
      assert.equal(facts.notes, expected);
      assert.equal(facts.tabbable, expected);
      assert.ok(facts.off.length > 0 && facts.off.every((r) => r === rule));
      assert.equal(facts.status, `Showing ${expected} of ${findings.length} findings.`);
      await page.locator(`#filters input[name="rule"][value="${rule}"]`).check();
      facts = await inPage(page, `return { notes: document.querySelectorAll('#f0-file li.note:not([hidden])').length };`);
      assert.equal(facts.notes, findings.length);
    });

    await check('severity and file filters', async () => {
      const sev = findings[0].severity;
      await page.locator(`#filters input[name="severity"][value="${sev}"]`).uncheck();
      const left = await page.evaluate(() => document.querySelectorAll('#f0-file li.note:not([hidden])').length);
      assert.equal(left, findings.filter((d) => d.severity !== sev).length);
      await page.locator(`#filters input[name="severity"][value="${sev}"]`).check();
      await page.selectOption('#filters select[name="file"]', '0');
      assert.equal(await page.isVisible('#f0-file'), true);
      await page.selectOption('#filters select[name="file"]', '');
    });

    await check('screenshots of the report and of an open note', async () => {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(args.out, 'report.png'), fullPage: true });
      const mark = page.locator('#f0-1');
      await mark.scrollIntoViewIfNeeded();
      await mark.focus();
      await page.evaluate(() => window.scrollBy(0, -200));
      await page.screenshot({ path: path.join(args.out, 'report-focus.png') });
      assert.ok(fs.statSync(path.join(args.out, 'report.png')).size > 10000);
      await page.keyboard.press('Escape');
    });

    await check('axe-core finds no accessibility violations', async () => {
      await page.evaluate(axeSource);
      const result = await page.evaluate(async () => {
        const r = await window.axe.run(document);
        return {
          passes: r.passes.map((v) => v.id),
          violations: r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} -- ` +
            v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')),
        };
      });
      assert.deepEqual(result.violations, []);
      // It really looked: these rules found something to check and it passed.
      for (const rule of ['color-contrast', 'aria-valid-attr-value', 'label', 'landmark-one-main',
        'duplicate-id-aria', 'document-title', 'html-has-lang', 'heading-order', 'region']) {
        assert.ok(result.passes.includes(rule), `axe checked ${rule}`);
      }
      console.log(`# axe-core ${await page.evaluate(() => window.axe.version)}: ` +
        `${result.passes.length} rules passed, none violated`);
    });

    await check('the page prints: no controls, notes under the text', async () => {
      await page.emulateMedia({ media: 'print' });
      const facts = await page.evaluate(() => ({
        filters: getComputedStyle(document.getElementById('filters-card')).display,
        notes: getComputedStyle(document.querySelector('.notes')).position,
        number: getComputedStyle(document.getElementById('f0-1'), '::after').content,
      }));
      assert.equal(facts.filters, 'none');
      assert.equal(facts.notes, 'static');
      assert.equal(facts.number, '"1"');
      await page.pdf({ path: path.join(args.out, 'report.pdf'), format: 'A4', printBackground: true });
      await page.emulateMedia({ media: 'screen' });
    });

    if (args['big-html']) {
      await check('a 5 MB article: every finding marked, filters and notes still work', async () => {
        const big = JSON.parse(fs.readFileSync(args['big-json'], 'utf8'));
        const count = big.files[0].diagnostics.length;
        const t0 = Date.now();
        await page.goto(pathToFileURL(path.resolve(args['big-html'])).href, { waitUntil: 'load', timeout: 120000 });
        const loaded = Date.now() - t0;
        const facts = await page.evaluate(() => ({
          anchors: document.querySelectorAll('#f0-file mark.f[id]').length,
          notes: document.querySelectorAll('#f0-file li.note').length,
          status: document.getElementById('shown').textContent,
        }));
        assert.equal(facts.anchors, count);
        assert.equal(facts.notes, count);
        const last = page.locator(`#f0-n${count} a.jump`);
        await last.click();
        assert.equal(await page.evaluate(() => document.activeElement.id), `f0-${count}`);
        const t1 = Date.now();
        await page.locator('#filters input[name="severity"]').first().uncheck();
        const filtered = Date.now() - t1;
        console.log(`# 5 MB report: ${count} findings, loaded in ${loaded} ms, filtered in ${filtered} ms`);
      });
    }
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(`# ${passed} passed, ${failures} failed; screenshots in ${args.out}`);
  process.exit(failures === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
