#pragma once

// The stylesheet and script inlined into every HTML report. Both are constant: the page's
// Content-Security-Policy allows exactly these two blocks (by SHA-256) and nothing else, so no
// text from an article can ever run or load anything.

#include <string_view>

namespace copydesk::output::html_assets {

inline constexpr std::string_view kStyle = R"css(
:root{--ink:#1c1e21;--muted:#5a5f69;--line:#dadde3;--bg:#f4f5f7;--paper:#fff;
--err:#b42318;--warn:#8f5200;--sugg:#1b5fbf;--accent:#14213d;--sev:var(--muted);--tint:#eef0f3;--strong:#6b7280}
.s-error{--sev:var(--err)}.s-warning{--sev:var(--warn)}.s-suggestion{--sev:var(--sugg)}
.c-spelling{--tint:#ffe2e0;--strong:#d1493f}.c-typo{--tint:#ffe7cc;--strong:#d9822b}
.c-names{--tint:#ebe1ff;--strong:#7c5cd6}.c-house-style{--tint:#dcefff;--strong:#2f80d1}
.c-punctuation{--tint:#dcf4e6;--strong:#2e9a5e}.c-typography{--tint:#f2e6d3;--strong:#a8784a}
.c-grammar{--tint:#fff1b3;--strong:#c9a100}.c-repetition{--tint:#d5f1f1;--strong:#23918f}
.c-web-residue{--tint:#e6eaef;--strong:#64748b}.c-unicode{--tint:#ffdcf3;--strong:#c2409a}
*{box-sizing:border-box}
html{color-scheme:light}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI","DejaVu Sans",sans-serif;color:var(--ink);background:var(--bg)}
a{color:#1747a6}
.skip{position:absolute;left:-9999px;top:0}
.skip:focus{left:.5rem;top:.5rem;z-index:20;background:var(--paper);padding:.4rem .8rem;border:2px solid var(--accent)}
.top{background:var(--accent);color:#fff;padding:1.1rem 2rem 1.2rem}
.top h1{margin:0;font-size:1.3rem;font-weight:650;letter-spacing:.01em}
.top p{margin:.3rem 0 0;color:#dde4f0}
.top kbd{font:inherit;border:1px solid #6f7d99;border-radius:3px;padding:0 .3em}
main{max-width:1440px;margin:0 auto;padding:.5rem 2rem 3rem}
.card{background:var(--paper);border:1px solid var(--line);border-radius:10px;padding:1rem 1.4rem 1.2rem;margin:1rem 0}
h2{font-size:1.15rem;margin:.1rem 0 .8rem}
h3{font-size:.95rem;margin:0 0 .6rem}
.tiles{display:flex;flex-wrap:wrap;gap:.6rem;margin:0 0 1rem;padding:0;list-style:none}
.tiles li{border:1px solid var(--line);border-radius:8px;padding:.45rem .9rem;min-width:7.5rem;background:#fafbfc}
.tiles b{display:block;font-size:1.45rem;line-height:1.2;font-variant-numeric:tabular-nums}
.tiles .s-error b,.tiles .s-warning b,.tiles .s-suggestion b{color:var(--sev)}
.sumgrid{display:grid;grid-template-columns:repeat(auto-fit,minmax(21rem,1fr));gap:1rem 2rem;align-items:start}
figure{margin:0}
figcaption{font-weight:600;font-size:.9rem;margin:0 0 .3rem}
svg.chart{display:block;max-width:100%;height:auto}
svg.chart text{font:12px system-ui,"DejaVu Sans",sans-serif;fill:var(--ink)}
svg.chart text.n{fill:var(--muted)}
svg.chart .bar{fill:var(--strong)}
svg.chart .track{fill:#eef0f3}
table{border-collapse:collapse;width:100%;font-size:.88rem}
caption{text-align:left;font-weight:600;margin:0 0 .3rem}
th,td{padding:.28rem .5rem;border-bottom:1px solid #e8eaee;text-align:right;font-variant-numeric:tabular-nums}
th:first-child,td:first-child{text-align:left}
thead th{font-weight:600;color:var(--muted);border-bottom:1px solid var(--line)}
tbody th{font-weight:400}
.sw{display:inline-block;width:.75em;height:.75em;border-radius:2px;background:var(--strong);margin-right:.35em;vertical-align:-.05em}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1.4rem;margin:1rem 0 0;padding:.7rem 0 0;border-top:1px solid #e8eaee;font-size:.88rem}
.legend span{white-space:nowrap}
.legend mark{padding:0 .15em}
.filters{display:flex;flex-wrap:wrap;gap:.8rem 1.6rem;align-items:flex-start}
#filters-card[hidden]{display:none}
fieldset{border:0;margin:0;padding:0;min-width:0}
legend{font-weight:600;font-size:.85rem;padding:0;margin:0 0 .25rem;color:var(--muted)}
.chk{display:inline-flex;align-items:center;gap:.3rem;margin:0 .8rem .2rem 0;font-size:.9rem;white-space:nowrap}
.chk input{margin:0;width:1rem;height:1rem}
.cnt{color:var(--muted);font-variant-numeric:tabular-nums}
select{font:inherit;padding:.2rem .3rem;max-width:22rem}
.flabel{display:flex;flex-direction:column;font-weight:600;font-size:.85rem;color:var(--muted);gap:.25rem}
.shown{margin:.2rem 0 0;font-size:.9rem;flex-basis:100%;color:var(--muted)}
section.file[hidden]{display:none}
.fhead{display:flex;flex-wrap:wrap;align-items:baseline;gap:.2rem 1rem;margin:0 0 .8rem}
.fhead h2{margin:0;font-size:1.1rem;overflow-wrap:anywhere}
.fhead p{margin:0;color:var(--muted);font-size:.9rem}
.fhead a{font-size:.85rem;margin-left:auto}
.ferr{color:var(--err);font-weight:600}
.ferr::before,.sev::before{display:inline-block;width:1.05em;text-align:center}
.ferr::before{content:"\2716" / ""}
.clean{color:#23744a}
.pane{display:grid;grid-template-columns:minmax(0,1fr) minmax(17rem,25rem);gap:1.8rem;align-items:start}
.text{font:17px/1.75 Georgia,"DejaVu Serif","Noto Serif",serif;counter-reset:ln;max-width:48rem;min-width:0}
.ln{position:relative;white-space:pre-wrap;overflow-wrap:anywhere;padding-left:3.3rem;min-height:1.75em;counter-increment:ln}
.ln:empty::before{content:none}
.ln::before{content:counter(ln) / "";position:absolute;left:0;top:0;width:2.4rem;text-align:right;color:#6b7079;font:11.5px/30px system-ui,"DejaVu Sans",sans-serif;font-variant-numeric:tabular-nums;user-select:none}
mark.f{background:var(--tint);color:inherit;border-radius:2px;text-decoration:underline 2px var(--sev);text-decoration-skip-ink:none;text-underline-offset:4px;cursor:help}
mark.f.s-warning{text-decoration-style:wavy;text-decoration-thickness:1.5px}
mark.f.s-suggestion{text-decoration-style:dotted;text-decoration-thickness:2.5px}
mark.f.y1{text-underline-offset:8px}mark.f.y2{text-underline-offset:12px}mark.f.y3{text-underline-offset:16px}
mark.f:focus{outline:none}
mark.f:focus-visible,mark.f.cur{outline:2px solid var(--sev);outline-offset:1px;background:color-mix(in srgb,var(--tint) 70%,var(--strong))}
mark.f.empty::before{content:"\2038" / "";color:var(--sev);font:700 1em system-ui,sans-serif;padding:0 .08em}
mark.f.off{background:none;text-decoration:none;cursor:auto}
mark.f.off.empty::before{content:none}
.inv{font:600 11px/1 system-ui,"DejaVu Sans",sans-serif;color:#7d1a6c;background:#fde6f6;border:1px solid #d9a2cf;border-radius:3px;padding:0 .22em;margin:0 .06em;vertical-align:.15em;white-space:nowrap;letter-spacing:.02em}
.inv.hard{color:#8a1010;background:#ffe9e9;border-color:#df9a9a}
.inv.brk{border:0;background:none;color:var(--sev);font-size:13px}
.long .ln{content-visibility:auto;contain-intrinsic-size:auto 3.5em}
.long .note{content-visibility:auto;contain-intrinsic-size:auto 5.5em}
.notes{position:sticky;top:.8rem;max-height:calc(100vh - 1.6rem);overflow:auto;border-left:1px solid var(--line);padding:0 .3rem 0 1.1rem}
.notes ol{list-style:none;margin:0;padding:0}
.note{display:block;border-left:4px solid var(--sev);background:#fafbfc;border-radius:0 6px 6px 0;padding:.4rem .65rem .45rem;margin:0 0 .55rem;font-size:.9rem}
.note[hidden]{display:none}
.note.cur{background:#eef3fb;box-shadow:0 0 0 1px #b8c7e3}
.jump{display:flex;flex-wrap:wrap;align-items:baseline;gap:.1rem .55rem;color:inherit;text-decoration:none;font-size:.82rem}
.jump:hover .pos,.jump:focus .pos{text-decoration:underline}
.pos{color:#1747a6;font-variant-numeric:tabular-nums;font-weight:600}
.sev{font-weight:650;color:var(--sev)}
.s-error .sev::before{content:"\2716" / ""}
.s-warning .sev::before{content:"\25B2" / ""}
.s-suggestion .sev::before{content:"\25CF" / ""}
.rule{color:var(--muted)}
.rule::before{content:"";display:inline-block;width:.6em;height:.6em;border-radius:2px;background:var(--strong);margin-right:.35em}
.msg{margin:.2rem 0 .1rem}
.sugg{margin:.15rem 0 0;color:var(--muted)}
.sugg bdi{color:var(--ink);font-weight:600}
.fix{margin:.4rem 0 0;padding:.35rem .5rem;border:1px solid #dde3ea;border-radius:6px;background:var(--paper)}
.fix p{margin:0 0 .2rem;font-size:.82rem;color:var(--muted)}
.fix .k{font-weight:650;color:#1e6b3f}
.fix.unsafe .k{color:var(--warn)}
.ba{display:grid;grid-template-columns:auto 1fr;gap:.1rem .5rem;margin:0;font-size:.88rem}
.ba dt{color:var(--muted);font-size:.78rem;padding-top:.1rem}
.ba dd{margin:0;font-family:Georgia,"DejaVu Serif",serif;white-space:pre-wrap;overflow-wrap:anywhere}
del{background:#ffd9d6;text-decoration:line-through 1.5px #a4281c;border-radius:2px}
ins{background:#cdf2d9;text-decoration:underline 1.5px #1e6b3f;text-underline-offset:3px;border-radius:2px}
.caret::before{content:"\2038" / "";color:#1e6b3f;font-weight:700}
.more{font-size:.82rem}
#pop{position:absolute;z-index:30;max-width:min(27rem,calc(100vw - 1rem));background:var(--paper);border:1px solid #c9ced6;border-top:4px solid var(--sev);border-radius:8px;box-shadow:0 10px 28px rgba(20,33,61,.2);padding:.55rem .8rem .65rem;font-size:.92rem}
#pop[hidden]{display:none}
#pop .note{border:0;background:none;padding:0;margin:0;font-size:inherit}
#pop .jump{pointer-events:none}
#pop .pos{color:var(--muted)}
td.z{color:#8a8f98}
@media (max-width:600px){.card{padding:.8rem .8rem 1rem}.ln{padding-left:2.3rem}.ln::before{width:1.6rem}.top{padding:1rem}}
@media (max-width:980px){main{padding:.5rem 1rem 2rem}.pane{grid-template-columns:1fr}.notes{position:static;max-height:none;overflow:visible;border:0;padding:0}}
@media (prefers-reduced-motion:no-preference){mark.f.flash{animation:flash 1.2s ease-out}}
@keyframes flash{0%{box-shadow:0 0 0 6px color-mix(in srgb,var(--sev) 45%,transparent)}100%{box-shadow:0 0 0 0 transparent}}
@media print{
body{background:#fff;font-size:10.5pt}
.skip,#filters-card,#pop,.fhead a,.top p.keys{display:none!important}
.top{background:none;color:#000;padding:0 0 .5rem;border-bottom:2px solid #000}
.top p{color:#000}
main{max-width:none;padding:0}
.card{border:0;border-radius:0;padding:0;margin:0 0 1.2rem}
.sumgrid{display:block}
.sumgrid>*{margin:0 0 1rem}
section.file{break-before:page}
.pane{display:block}
.text{max-width:none;font-size:11pt}
.ln{break-inside:avoid-page}
.notes{position:static;max-height:none;overflow:visible;border:0;border-top:1px solid #999;margin-top:1rem;padding:.6rem 0 0}
.note{break-inside:avoid;background:none;border-left-width:3px}
mark.f{print-color-adjust:exact;-webkit-print-color-adjust:exact}
mark.f[id]:not(.off)::after{content:attr(data-n);font:700 7pt system-ui,sans-serif;vertical-align:super;color:var(--sev);padding-left:.1em}
.note .pos::before{content:"[" attr(data-n) "] ";color:#000}
a{color:inherit;text-decoration:none}
.inv,del,ins,.sw{print-color-adjust:exact;-webkit-print-color-adjust:exact}
}
)css";

inline constexpr std::string_view kScript = R"js(
(function () {
  'use strict';
  var doc = document;
  var pop = doc.getElementById('pop');
  var form = doc.getElementById('filters');
  var status = doc.getElementById('shown');
  var current = null;
  var hideTimer = 0;
  var reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  function sectionOf(el) { return el.closest('section.file'); }
  function noteFor(mark) {
    var sec = sectionOf(mark);
    return sec ? doc.getElementById('f' + sec.dataset.file + '-n' + mark.dataset.n) : null;
  }
  function pieces(mark) {
    var sec = sectionOf(mark);
    return sec ? sec.querySelectorAll('mark.f[data-n="' + mark.dataset.n + '"]') : [];
  }
  function anchorOf(mark) {
    var sec = sectionOf(mark);
    return sec ? doc.getElementById('f' + sec.dataset.file + '-' + mark.dataset.n) : null;
  }

  function hide() {
    clearTimeout(hideTimer);
    if (!current) return;
    Array.prototype.forEach.call(pieces(current), function (m) { m.classList.remove('cur'); });
    var li = noteFor(current);
    if (li) li.classList.remove('cur');
    current = null;
    pop.hidden = true;
  }

  function place(mark) {
    var r = mark.getBoundingClientRect();
    var sx = window.scrollX, sy = window.scrollY;
    var w = pop.offsetWidth, h = pop.offsetHeight;
    var left = Math.max(sx + 8, Math.min(r.left + sx, sx + doc.documentElement.clientWidth - w - 8));
    var top = r.bottom + sy + 8;
    if (r.bottom + h + 8 > window.innerHeight && r.top - h - 8 > 0) top = r.top + sy - h - 8;
    pop.style.left = left + 'px';
    pop.style.top = top + 'px';
  }

  function show(mark, fromFocus) {
    var anchor = anchorOf(mark) || mark;
    var li = noteFor(anchor);
    if (!li || anchor.classList.contains('off')) return;
    clearTimeout(hideTimer);
    if (current === anchor && !pop.hidden) return;
    hide();
    current = anchor;
    var clone = li.cloneNode(true);
    clone.removeAttribute('hidden');
    clone.classList.remove('cur');
    Array.prototype.forEach.call(clone.querySelectorAll('[id]'), function (e) { e.removeAttribute('id'); });
    Array.prototype.forEach.call(clone.querySelectorAll('a'), function (a) {
      var span = doc.createElement('span');
      span.className = a.className;
      while (a.firstChild) span.appendChild(a.firstChild);
      a.replaceWith(span);
    });
    var box = doc.createElement('div');
    box.className = 'note ' + li.className.replace(/\b(note|cur)\b/g, '');
    while (clone.firstChild) box.appendChild(clone.firstChild);
    pop.replaceChildren(box);
    pop.className = li.className.replace(/\b(note|cur)\b/g, '');
    pop.hidden = false;
    place(mark);
    Array.prototype.forEach.call(pieces(anchor), function (m) { m.classList.add('cur'); });
    li.classList.add('cur');
    if (fromFocus) {
      var list = li.closest('.notes');
      if (list && list.scrollHeight > list.clientHeight) {
        var top = li.offsetTop - list.offsetTop;
        if (top < list.scrollTop || top + li.offsetHeight > list.scrollTop + list.clientHeight) {
          list.scrollTop = top - list.clientHeight / 3;
        }
      }
    }
  }

  function laterHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () {
      if (current && doc.activeElement === current) return;
      hide();
    }, 250);
  }

  doc.addEventListener('mouseover', function (e) {
    var t = e.target;
    if (!(t instanceof Element)) return;
    if (t.closest('#pop')) { clearTimeout(hideTimer); return; }
    var m = t.closest('mark.f');
    if (m && !m.classList.contains('off')) show(m, false);
  });
  doc.addEventListener('mouseout', function (e) {
    var t = e.target;
    if (t instanceof Element && (t.closest('mark.f') || t.closest('#pop'))) laterHide();
  });
  doc.addEventListener('focusin', function (e) {
    var t = e.target;
    if (t instanceof Element && t.matches('mark.f')) show(t, true);
    else if (current) hide();
  });
  doc.addEventListener('click', function (e) {
    var t = e.target;
    if (!(t instanceof Element)) return;
    var a = t.closest('a.jump');
    if (!a) return;
    var m = doc.getElementById(a.getAttribute('href').slice(1));
    if (!m) return;
    e.preventDefault();
    focusMark(m);
  });

  function focusMark(m) {
    m.focus({ preventScroll: true });
    m.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
    if (history.replaceState) history.replaceState(null, '', '#' + m.id);
    m.classList.remove('flash');
    void m.offsetWidth;
    m.classList.add('flash');
    setTimeout(function () { if (current === m) place(m); }, reduced ? 0 : 450);
  }

  function visibleMarks() {
    return Array.prototype.filter.call(doc.querySelectorAll('mark.f[id]'), function (m) {
      return !m.classList.contains('off') && !m.closest('[hidden]');
    });
  }

  // Where the reader last clicked: n and p start from there.
  var clicked = null;
  doc.addEventListener('mousedown', function (e) {
    if (!(e.target instanceof Element)) return;
    clicked = e.target;
    if (current && !clicked.closest('#pop') && !clicked.closest('mark.f')) hide();
  });

  doc.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { hide(); return; }
    if (e.altKey || e.ctrlKey || e.metaKey || (e.key !== 'n' && e.key !== 'p')) return;
    var t = e.target;
    if (t instanceof Element && t.closest('input,select,textarea')) return;
    var marks = visibleMarks();
    if (!marks.length) return;
    var at = doc.activeElement && doc.activeElement !== doc.body ? doc.activeElement : clicked;
    var i = marks.indexOf(at);
    var next;
    if (i >= 0) {
      next = e.key === 'n' ? i + 1 : i - 1;
    } else {
      var after = at ? marks.findIndex(function (m) {
        return (at.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      }) : 0;
      if (after < 0) after = marks.length;
      next = e.key === 'n' ? after : after - 1;
    }
    next = Math.max(0, Math.min(next, marks.length - 1));
    e.preventDefault();
    focusMark(marks[next]);
  });

  window.addEventListener('resize', function () { if (current) place(current); });

  function apply() {
    if (!form) return;
    var data = new FormData(form);
    var sev = data.getAll('severity'), cat = data.getAll('category'), rule = data.getAll('rule');
    var file = data.get('file') || '';
    var shown = 0, total = 0;
    hide();
    Array.prototype.forEach.call(doc.querySelectorAll('section.file'), function (sec) {
      var on = file === '' || sec.dataset.file === file;
      if (sec.hidden === on) sec.hidden = !on;
      var off = {};
      Array.prototype.forEach.call(sec.querySelectorAll('li.note'), function (li) {
        total += 1;
        var keep = on && sev.indexOf(li.dataset.severity) >= 0 &&
          cat.indexOf(li.dataset.category) >= 0 && rule.indexOf(li.dataset.rule) >= 0;
        if (li.hidden === keep) li.hidden = !keep;
        if (keep) shown += 1; else off[li.dataset.n] = true;
      });
      Array.prototype.forEach.call(sec.querySelectorAll('mark.f'), function (m) {
        var isOff = off[m.dataset.n] === true;
        if (m.classList.contains('off') === isOff) return;
        m.classList.toggle('off', isOff);
        if (m.id) m.tabIndex = isOff ? -1 : 0;
      });
    });
    if (status) status.textContent = 'Showing ' + shown.toLocaleString('en-US') + ' of ' + total.toLocaleString('en-US') + (total === 1 ? ' finding.' : ' findings.');
  }

  if (form) {
    doc.getElementById('filters-card').hidden = false;
    form.addEventListener('change', apply);
    form.addEventListener('submit', function (e) { e.preventDefault(); });
  }
  var start = location.hash ? doc.getElementById(location.hash.slice(1)) : null;
  if (start && start.matches('mark.f')) focusMark(start);
})();
)js";

}  // namespace copydesk::output::html_assets
