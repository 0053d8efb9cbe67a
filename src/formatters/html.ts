/**
 * `html`: one self-contained page for editors (no network: inline CSS, JS and SVG; works from
 * file://; prints). Summary cards, findings by rule (bar chart), review age (histogram), a
 * sortable, filterable table of files that renders only the rows in view (10k files stay
 * smooth), per-file details with the line of each finding, and the paragraphs most repeated
 * across the corpus.
 *
 * What is drawn on the server side (cards, charts, repeated paragraphs) is HTML-escaped; the
 * table and details are built in the browser from a JSON island with `textContent`, never
 * innerHTML, and the island escapes `<`, `>`, `&` and U+2028/9 so nothing in it can close
 * the script element. Titles, review dates and repeated paragraphs come from the engine's
 * ReportSummary (context.summary); without it the page shows findings only.
 */
import { countByRule, type FileResult, type RuleCount } from '../model/finding.js';
import type { ReportSummary } from '../model/report-summary.js';
import type { FormatContext, Formatter } from './types.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** JSON that is safe inside a `<script>` element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const DAY_MS = 86_400_000;

/** Review-age bins: upper bound in days (inclusive) and label. */
const AGE_BINS: ReadonlyArray<{ max: number; label: string }> = [
  { max: -1, label: 'future' },
  { max: 90, label: '≤ 90 d' },
  { max: 180, label: '91–180 d' },
  { max: 365, label: '181–365 d' },
  { max: 730, label: '1–2 y' },
  { max: 1095, label: '2–3 y' },
  { max: Infinity, label: '> 3 y' },
];


function ageHistogram(summary: ReportSummary | undefined): { bins: Array<{ label: string; count: number }>; none: number } {
  const bins = AGE_BINS.map((bin) => ({ label: bin.label, count: 0 }));
  let none = 0;
  if (!summary) return { bins, none };
  const now = Date.parse(`${summary.now}T00:00:00Z`);
  for (const post of Object.values(summary.posts)) {
    if (post.reviewed === null) {
      none++;
      continue;
    }
    const age = Math.round((now - Date.parse(`${post.reviewed}T00:00:00Z`)) / DAY_MS);
    const index = AGE_BINS.findIndex((bin) => age <= bin.max);
    bins[index]!.count++;
  }
  return { bins, none };
}

function percent(part: number, whole: number): string {
  if (whole === 0) return '–';
  const value = (part / whole) * 100;
  return `${value === 100 || value === 0 ? value.toFixed(0) : value.toFixed(1)}%`;
}

function card(name: string, label: string, value: string, note: string): string {
  return `<div class="card" data-card="${name}"><div class="value">${escapeHtml(value)}</div><div class="label">${escapeHtml(label)}</div><div class="note">${escapeHtml(note)}</div></div>`;
}

function ruleChart(rows: readonly RuleCount[], descriptions: ReadonlyMap<string, string>): string {
  if (rows.length === 0) return '<p class="empty">No findings.</p>';
  const max = Math.max(...rows.map((row) => row.errors + row.warnings));
  const barHeight = 22;
  const labelWidth = 230;
  const chartWidth = 480;
  const height = rows.length * barHeight + 4;
  const bars = rows.map((row, index) => {
    const total = row.errors + row.warnings;
    const y = index * barHeight + 2;
    const errorWidth = (row.errors / max) * chartWidth;
    const warnWidth = (row.warnings / max) * chartWidth;
    const title = `${row.ruleId}: ${total} (${row.errors} errors, ${row.warnings} warnings)${descriptions.has(row.ruleId) ? ` — ${descriptions.get(row.ruleId)!}` : ''}`;
    return (
      `<g class="bar" data-rule="${escapeHtml(row.ruleId)}" data-count="${total}"><title>${escapeHtml(title)}</title>` +
      `<text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end" class="axis">${escapeHtml(row.ruleId)}</text>` +
      `<rect x="${labelWidth}" y="${y + 3}" width="${Math.max(errorWidth, row.errors > 0 ? 1 : 0).toFixed(1)}" height="${barHeight - 6}" class="err"/>` +
      `<rect x="${(labelWidth + errorWidth).toFixed(1)}" y="${y + 3}" width="${Math.max(warnWidth, row.warnings > 0 ? 1 : 0).toFixed(1)}" height="${barHeight - 6}" class="warn"/>` +
      `<text x="${(labelWidth + errorWidth + warnWidth + 6).toFixed(1)}" y="${y + 15}" class="count">${total}</text></g>`
    );
  });
  return `<svg class="chart" role="img" aria-label="Findings by rule" viewBox="0 0 ${labelWidth + chartWidth + 70} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">${bars.join('')}</svg>`;
}

function histogram(data: { bins: Array<{ label: string; count: number }>; none: number }, staleAfterDays: number | null): string {
  const bins = [...data.bins, { label: 'no date', count: data.none }];
  const max = Math.max(1, ...bins.map((bin) => bin.count));
  const width = 64;
  const height = 150;
  const columns = bins.map((bin, index) => {
    const h = (bin.count / max) * (height - 40);
    const x = index * width + 8;
    const stale = staleAfterDays !== null && index > 0 && index < AGE_BINS.length && AGE_BINS[index - 1]!.max >= staleAfterDays;
    return (
      `<g class="age" data-bin="${escapeHtml(bin.label)}" data-count="${bin.count}"><title>${escapeHtml(`${bin.label}: ${bin.count} posts`)}</title>` +
      `<rect x="${x}" y="${(height - 22 - h).toFixed(1)}" width="${width - 16}" height="${h.toFixed(1)}" class="${stale ? 'err' : bin.label === 'no date' ? 'muted' : 'ok'}"/>` +
      `<text x="${x + (width - 16) / 2}" y="${(height - 26 - h).toFixed(1)}" text-anchor="middle" class="count">${bin.count}</text>` +
      `<text x="${x + (width - 16) / 2}" y="${height - 6}" text-anchor="middle" class="axis">${escapeHtml(bin.label)}</text></g>`
    );
  });
  return `<svg class="chart" role="img" aria-label="Review age" viewBox="0 0 ${bins.length * width + 16} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">${columns.join('')}</svg>`;
}

function repeatedList(summary: ReportSummary | undefined): string {
  if (!summary) return '<p class="empty">Not collected (lint through <code>anp lint -f html</code> to see them).</p>';
  if (summary.repeatedParagraphs.length === 0) return '<p class="empty">No paragraph occurs in two posts or more.</p>';
  const items = summary.repeatedParagraphs.map(
    (entry) =>
      `<li><span class="times">${entry.posts} posts</span> <q>${escapeHtml(entry.text)}</q> <span class="where">first in ${escapeHtml(entry.first.file)}:${entry.first.line}</span></li>`,
  );
  return `<ol class="repeated">${items.join('')}</ol>`;
}

const STYLE = `
:root{--bg:#fff;--fg:#1b1f24;--muted:#5b6470;--line:#d8dde3;--card:#f5f7f9;--err:#c62828;--warn:#b7791f;--ok:#2e7d32;--accent:#1f5fbf;--row:#fafbfc;--sel:#e3edfb}
@media (prefers-color-scheme:dark){:root{--bg:#14171b;--fg:#e6e9ed;--muted:#9aa4af;--line:#2c333b;--card:#1d2228;--err:#ef6b6b;--warn:#e0b050;--ok:#6cc070;--accent:#7fb0ff;--row:#181c21;--sel:#243247}}
*{box-sizing:border-box}body{margin:0;padding:24px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--fg)}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 10px}.sub{color:var(--muted);margin:0 0 18px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 14px}.card .value{font-size:26px;font-weight:650}.card .label{font-weight:600}.card .note{color:var(--muted);font-size:12px}
.card[data-card=errors] .value{color:var(--err)}.card[data-card=warnings] .value{color:var(--warn)}.card[data-card=passing] .value{color:var(--ok)}
.charts{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:24px}@media (max-width:900px){.charts{grid-template-columns:1fr}}
.chart text{fill:var(--fg);font-size:12px}.chart .axis{fill:var(--muted)}.chart .err{fill:var(--err)}.chart .warn{fill:var(--warn)}.chart .ok{fill:var(--accent)}.chart .muted{fill:var(--line)}
.legend{color:var(--muted);font-size:12px}.legend i{display:inline-block;width:10px;height:10px;margin:0 4px 0 10px;border-radius:2px}
.controls{display:flex;flex-wrap:wrap;gap:8px;margin-bottom:8px}.controls input,.controls select{font:inherit;padding:5px 8px;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}.controls input{flex:1;min-width:220px}
#count{color:var(--muted);align-self:center}
.grid{border:1px solid var(--line);border-radius:8px;overflow:hidden}
.head,.row{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,3fr) 84px 96px minmax(0,2fr);align-items:center}
.head{background:var(--card);font-weight:600;border-bottom:1px solid var(--line)}.head button{all:unset;cursor:pointer;padding:7px 10px;display:block}.head button:focus-visible{outline:2px solid var(--accent)}
.head button[aria-sort=ascending]::after{content:" ▲"}.head button[aria-sort=descending]::after{content:" ▼"}
#viewport{height:560px;overflow:auto;position:relative}#spacer{position:relative}
.row{position:absolute;left:0;right:0;height:30px;border-bottom:1px solid var(--line);cursor:pointer;background:var(--bg)}.row.alt{background:var(--row)}.row.sel{background:var(--sel)}
.row span{padding:0 10px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}.num{text-align:right}.e{color:var(--err);font-weight:600}.w{color:var(--warn)}
#details{margin-top:14px;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 16px}#details h3{margin:0 0 4px;font-size:15px;word-break:break-all}
#details ol{margin:8px 0 0;padding-left:0;list-style:none}#details li{padding:3px 0;border-top:1px solid var(--line);display:grid;grid-template-columns:92px 64px minmax(0,1fr) auto;gap:8px}
.sev-error{color:var(--err);font-weight:600}.sev-warn{color:var(--warn)}.rule{color:var(--muted)}
.repeated{padding-left:22px}.repeated li{margin:6px 0}.times{font-weight:600}.where{color:var(--muted);font-size:12px}
.empty{color:var(--muted)}code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace}
#print-table{display:none}
@media print{body{padding:0;font-size:11px}.controls,#viewport,.head,#details{display:none}#print-table{display:table;width:100%;border-collapse:collapse}#print-table td,#print-table th{border-bottom:1px solid #ccc;padding:2px 4px;text-align:left}.card,.grid{break-inside:avoid}h2{break-after:avoid}}
`;

const SCRIPT = `
(function(){
'use strict';
var data=JSON.parse(document.getElementById('anp-data').textContent);
var rules=data.rules,files=data.files,ROW=30;
var viewport=document.getElementById('viewport'),spacer=document.getElementById('spacer');
var filterInput=document.getElementById('filter'),severity=document.getElementById('severity'),ruleSelect=document.getElementById('rule-filter');
var countEl=document.getElementById('count'),details=document.getElementById('details');
var view=[],sortKey='errors',sortDir=-1,selected=-1,rendered=new Map();
for(var r=0;r<rules.length;r++){var o=document.createElement('option');o.value=String(r);o.textContent=rules[r];ruleSelect.appendChild(o);}
files.forEach(function(f){f.rules=f.u;f.hay=(f.n+' '+(f.t||'')+' '+f.rules.map(function(i){return rules[i];}).join(' ')).toLowerCase();});
function findingsOf(f){if(typeof f.f==='string')f.f=JSON.parse(f.f);return f.f;}
function cmp(a,b){var x,y;if(sortKey==='file'){x=a.n;y=b.n;}else if(sortKey==='title'){x=a.t||'';y=b.t||'';}else if(sortKey==='errors'){x=a.e;y=b.e;}else if(sortKey==='warnings'){x=a.w;y=b.w;}else{x=a.rules.length;y=b.rules.length;}
 if(x<y)return -sortDir;if(x>y)return sortDir;return a.n<b.n?-1:a.n>b.n?1:0;}
function apply(){var q=filterInput.value.trim().toLowerCase(),s=severity.value,rf=ruleSelect.value===''?-1:Number(ruleSelect.value);
 view=[];for(var i=0;i<files.length;i++){var f=files[i];if(q&&f.hay.indexOf(q)===-1)continue;if(s==='errors'&&f.e===0)continue;if(s==='warnings'&&f.w===0)continue;if(s==='clean'&&(f.e+f.w)>0)continue;if(rf>=0&&f.rules.indexOf(rf)===-1)continue;view.push(i);}
 view.sort(function(a,b){return cmp(files[a],files[b]);});
 countEl.textContent=view.length+' of '+files.length+' files';
 spacer.style.height=(view.length*ROW)+'px';viewport.style.height=Math.max(ROW*3,Math.min(view.length*ROW+1,560))+'px';rendered.forEach(function(el){el.remove();});rendered.clear();draw();}
function cell(text,cls){var s=document.createElement('span');if(cls)s.className=cls;s.textContent=text;s.title=text;return s;}
function row(pos){var f=files[view[pos]],el=document.createElement('div');el.className='row'+(pos%2?' alt':'')+(view[pos]===selected?' sel':'');el.setAttribute('role','row');el.dataset.file=f.n;el.style.top=(pos*ROW)+'px';
 el.appendChild(cell(f.n));el.appendChild(cell(f.t||''));el.appendChild(cell(String(f.e),'num'+(f.e?' e':'')));el.appendChild(cell(String(f.w),'num'+(f.w?' w':'')));
 el.appendChild(cell(f.rules.map(function(i){return rules[i];}).join(', ')));el.addEventListener('click',function(){show(view[pos]);});return el;}
function draw(){var first=Math.max(0,Math.floor(viewport.scrollTop/ROW)-10),last=Math.min(view.length,Math.ceil((viewport.scrollTop+viewport.clientHeight)/ROW)+10);
 rendered.forEach(function(el,pos){if(pos<first||pos>=last){el.remove();rendered.delete(pos);}});
 for(var p=first;p<last;p++){if(!rendered.has(p)){var el=row(p);spacer.appendChild(el);rendered.set(p,el);}}}
function show(index){selected=index;var f=files[index];details.hidden=false;details.textContent='';
 var h=document.createElement('h3');h.textContent=f.n;details.appendChild(h);
 var t=document.createElement('div');t.className='sub';t.textContent=(f.t?f.t+' — ':'')+f.e+' errors, '+f.w+' warnings'+(f.r?', reviewed '+f.r:'');details.appendChild(t);
 var ol=document.createElement('ol');findingsOf(f).forEach(function(x){var li=document.createElement('li');li.appendChild(cell('line '+x[0]+(x[4]?':'+x[4]:'')));li.appendChild(cell(x[1]?'error':'warning',x[1]?'sev-error':'sev-warn'));var m=cell(x[3]);m.style.whiteSpace='normal';li.appendChild(m);li.appendChild(cell(rules[x[2]],'rule'));ol.appendChild(li);});
 if(f.f.length===0){var li=document.createElement('li');li.textContent='No findings.';ol.appendChild(li);}details.appendChild(ol);
 rendered.forEach(function(el,pos){el.classList.toggle('sel',view[pos]===selected);});}
var buttons=document.querySelectorAll('.head button');
buttons.forEach(function(b){b.addEventListener('click',function(){var k=b.dataset.key;if(sortKey===k)sortDir=-sortDir;else{sortKey=k;sortDir=(k==='file'||k==='title')?1:-1;}
 buttons.forEach(function(o){o.removeAttribute('aria-sort');});b.setAttribute('aria-sort',sortDir>0?'ascending':'descending');apply();});});
var pending=0;filterInput.addEventListener('input',function(){clearTimeout(pending);pending=setTimeout(apply,80);});
severity.addEventListener('change',apply);ruleSelect.addEventListener('change',apply);
var ticking=false;viewport.addEventListener('scroll',function(){if(!ticking){ticking=true;requestAnimationFrame(function(){ticking=false;draw();});}});
window.addEventListener('resize',draw);
window.addEventListener('beforeprint',function(){var tb=document.querySelector('#print-table tbody');tb.textContent='';view.forEach(function(i){var f=files[i],tr=document.createElement('tr');[f.n,f.t||'',String(f.e),String(f.w),f.rules.map(function(x){return rules[x];}).join(', ')].forEach(function(v){var td=document.createElement('td');td.textContent=v;tr.appendChild(td);});tb.appendChild(tr);});});
apply();
if(files.length>0){var worst=view.length?view[0]:0;show(worst);}
document.documentElement.dataset.ready='true';
})();
`;

export const formatHtml: Formatter = (results: readonly FileResult[], context: FormatContext) => {
  const summary = context.summary;
  const rows = countByRule(results);
  const descriptions = new Map(context.rules.map((rule) => [rule.id, rule.description]));
  const ruleIds = rows.map((row) => row.ruleId);
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
  let errors = 0;
  let warnings = 0;
  let passing = 0;
  let stale = 0;
  const files = results.map((result) => {
    errors += result.errorCount;
    warnings += result.warningCount;
    if (result.errorCount === 0) passing++;
    if (result.findings.some((finding) => finding.ruleId === 'stale-review')) stale++;
    const post = summary?.posts[result.file];
    return {
      n: result.file,
      t: post?.title ?? null,
      r: post?.reviewed ?? null,
      e: result.errorCount,
      w: result.warningCount,
      // The rules that fire in the file (indexes, first-seen order), for the table.
      u: [...new Set(result.findings.map((finding) => ruleIndex.get(finding.ruleId)!))],
      // [line, 1 = error, rule index, message, column?], as a JSON text the page parses only
      // when the file's details are shown: opening a 10k report then builds 10k strings, not
      // every finding of every file.
      f: JSON.stringify(
        result.findings.map((finding) => {
          const entry: Array<string | number> = [finding.line, finding.severity === 'error' ? 1 : 0, ruleIndex.get(finding.ruleId)!, finding.message];
          if (finding.column !== undefined) entry.push(finding.column);
          return entry;
        }),
      ),
    };
  });
  const posts = results.length;
  const ages = ageHistogram(summary);
  const staleNote = summary?.staleAfterDays === null ? 'stale-review is off' : `reviewed more than ${summary?.staleAfterDays ?? 365} days ago`;
  const generated = summary ? ` on ${summary.now}` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>anp report: ${posts} posts, ${errors} errors, ${warnings} warnings</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>anp lint report</h1>
<p class="sub">${escapeHtml(`${posts} files linted${generated} by anp ${context.version}`)}</p>
</header>
<section class="cards" aria-label="Summary">
${card('posts', 'posts', String(posts), 'files linted')}
${card('errors', 'errors', String(errors), `in ${results.filter((result) => result.errorCount > 0).length} files`)}
${card('warnings', 'warnings', String(warnings), `in ${results.filter((result) => result.warningCount > 0).length} files`)}
${card('passing', 'posts passing', percent(passing, posts), `${passing} of ${posts} with no error`)}
${card('stale', 'stale reviews', String(stale), staleNote)}
</section>
<div class="charts">
<section><h2>Findings by rule</h2><div class="legend"><i style="background:var(--err)"></i>errors<i style="background:var(--warn)"></i>warnings</div>${ruleChart(rows, descriptions)}</section>
<section><h2>Review age</h2><div class="legend">days since <code>revision.lastReviewed</code>${summary ? ` on ${escapeHtml(summary.now)}` : ''}<i style="background:var(--err)"></i>stale</div>${summary ? histogram(ages, summary.staleAfterDays) : '<p class="empty">Not collected.</p>'}</section>
</div>
<section>
<h2>Files</h2>
<div class="controls">
<input id="filter" type="search" placeholder="Filter by file, title or rule…" aria-label="Filter files">
<select id="severity" aria-label="Severity"><option value="">all files</option><option value="errors">with errors</option><option value="warnings">with warnings</option><option value="clean">clean</option></select>
<select id="rule-filter" aria-label="Rule"><option value="">any rule</option></select>
<span id="count"></span>
</div>
<div class="grid" role="table" aria-label="Files and their findings">
<div class="head" role="row"><button data-key="file">file</button><button data-key="title">title</button><button data-key="errors" aria-sort="descending">errors</button><button data-key="warnings">warnings</button><button data-key="rules">rules</button></div>
<div id="viewport"><div id="spacer"></div></div>
</div>
<table id="print-table"><thead><tr><th>file</th><th>title</th><th>errors</th><th>warnings</th><th>rules</th></tr></thead><tbody></tbody></table>
<section id="details" aria-live="polite" hidden></section>
</section>
<section>
<h2>Paragraphs most repeated across the corpus</h2>
${repeatedList(summary)}
</section>
<noscript><p>The table of files needs JavaScript; the cards and charts above do not.</p></noscript>
<script type="application/json" id="anp-data">${scriptJson({ rules: ruleIds, files })}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
};
