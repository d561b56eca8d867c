"""The page's static assets: its stylesheet, the <head> script and the scroll helpers (plain strings,
kept apart from the layout in qa.app.web)."""

CSS = """
#qa-chat .qa-reply { line-height: 1.5; }
.qa-searched { font-size: .85em; color: var(--body-text-color-subdued); margin-bottom: .3em; }
.qa-scope, .qa-corpus-matched { font-size: .85em; margin-bottom: .3em; padding: .1em .5em; border-radius: 6px;
  background: var(--background-fill-secondary); display: inline-block; }
.qa-short { font-size: 1.15em; font-weight: 700; margin-bottom: .2em; }
.qa-answer mark, .qa-source mark { padding: 0 .1em; border-radius: 3px; }
.qa-answer mark { background: #fde68a; color: inherit; }
.qa-conf { font-size: .85em; color: var(--body-text-color-subdued); margin-top: .3em; }
.qa-unsure { font-size: .85em; font-weight: 600; color: #b45309; margin-bottom: .2em; }
.qa-answer.qa-low { border-left: 3px solid #fcd34d; padding-left: .5em; opacity: .85; }
.qa-disagree { font-size: .9em; margin-top: .4em; padding: .3em .5em; border-left: 3px solid #d97706; }
.qa-cites-head { margin-top: .5em; font-weight: 600; }
.qa-cites { margin: .2em 0 0 .2em; padding: 0; list-style: none; }
.qa-excerpt-n { color: #888; }
.qa-cites li { margin: .25em 0; }
.qa-excerpt { font-size: .85em; color: var(--body-text-color-subdued); margin-left: .2em; }
a.qa-cite { font-weight: 700; text-decoration: none; cursor: pointer; color: var(--color-accent); }
a.qa-cite:hover { text-decoration: underline; }
.qa-none { margin-bottom: .3em; }
.qa-why { font-size: .9em; }
.qa-error { color: #b91c1c; }
.qa-note { font-size: .85em; font-style: italic; }
.qa-more { font-size: .85em; color: #666; margin: .2em 0 .4em; }
.qa-source { padding: .6em .8em; }
.qa-source-head { padding-bottom: .4em; border-bottom: 1px solid var(--border-color-primary); margin-bottom: .5em; }
.qa-source-n { font-size: .8em; text-transform: uppercase; letter-spacing: .05em; \
color: var(--body-text-color-subdued); }
.qa-source-title { font-weight: 700; font-size: 1.05em; }
.qa-doc { font-size: .8em; color: var(--body-text-color-subdued); overflow-wrap: anywhere; }
.qa-source-meta { font-size: .85em; color: var(--body-text-color-subdued); overflow-wrap: anywhere; }
.qa-legend { font-size: .8em; margin-top: .3em; }
/* the body scrolls, under a header that stays put: no text ever slides beneath the header */
.qa-source-body { white-space: pre-wrap; line-height: 1.55; max-height: 460px; overflow-y: auto; padding-right: .3em; }
mark.qa-hl-passage { background: #dbeafe; color: inherit; }
mark.qa-hl-answer { background: #fde68a; color: inherit; }
/* the sentence a back-referring answer refers to: shown with the answer, as context (qa.answer.shown) */
mark.qa-hl-before { background: #fdf6e3; color: inherit; text-decoration: underline dotted #b45309; \
text-underline-offset: 3px; }
.qa-before { color: var(--body-text-color-subdued); }
/* a table row's answer, under its header row (qa.answer.tables) */
table.qa-row { display: inline-table; border-collapse: collapse; margin: .1em 0; font-size: .95em; }
table.qa-row th, table.qa-row td {
  border: 1px solid var(--border-color-primary); padding: .15em .5em; text-align: left; }
table.qa-row th { font-weight: 600; color: var(--body-text-color-subdued); }
.qa-empty { color: var(--body-text-color-subdued); }
#qa-source-view { border: 1px solid var(--border-color-primary); border-radius: 8px; }
/* the citation drop-down: long labels end in an ellipsis before the arrow instead of under it */
#qa-sources .wrap-inner input { text-overflow: ellipsis; padding-right: 2.2em; min-width: 0; }
/* the upload box: its label sits above the drop area (Gradio floats it over the area's icon) */
#qa-upload [data-testid="block-label"] { position: static !important; width: 100%; }
.qa-hint { font-size: .9em; margin-top: .4em; padding: .3em .5em; border-left: 3px solid var(--color-accent); }
.qa-source strong, .qa-answer strong { font-size: inherit; }
.qa-corpus-head { margin-bottom: .4em; }
table.qa-docs { width: 100%; font-size: .85em; border-collapse: collapse; }
table.qa-docs th, table.qa-docs td { text-align: left; padding: 2px 6px; \
border-bottom: 1px solid var(--border-color-primary); }
table.qa-docs td:first-child { overflow-wrap: anywhere; }
.qa-sub { margin-top: .5em; font-weight: 600; font-size: .9em; }
.qa-skipped, .qa-pending { font-size: .85em; margin: .2em 0 0 1.2em; }
.qa-source-cols { display: flex; flex-wrap: wrap; gap: .8em; align-items: flex-start; }
.qa-source-cols > .qa-source-body { flex: 1 1 220px; min-width: 0; }
.qa-page { flex: 1 1 300px; margin: 0; max-width: 100%; }
.qa-page-frame { position: relative; border: 1px solid var(--border-color-primary); line-height: 0; }
.qa-page-img { width: 100%; height: auto; display: block; }
.qa-page-outline { position: absolute; border: 2px solid #dc2626; border-radius: 2px; \
background: rgba(253, 230, 138, .25);
  box-sizing: border-box; pointer-events: none; }
.qa-page-outline.qa-page-passage { border: 1px dashed #2563eb; background: rgba(219, 234, 254, .3); }
.qa-page figcaption { font-size: .8em; color: var(--body-text-color-subdued); margin-top: .2em; }
"""

# Clicking a citation [n] anywhere in the chat sends "turn:n" to the hidden box and presses the
# hidden button: the Sources panel then shows that passage. Capture phase, so the chat's own
# link handling never opens a new tab.
HEAD = """
<script>
document.addEventListener('click', function (ev) {
  var a = ev.target && ev.target.closest ? ev.target.closest('a.qa-cite') : null;
  if (!a) return;
  ev.preventDefault(); ev.stopPropagation();
  var ref = a.getAttribute('data-cite');
  if (!ref) { var m = /cite-(\\d+)-(\\d+)/.exec(a.getAttribute('href') || ''); if (!m) return; \
ref = m[1] + ':' + m[2]; }
  var box = document.querySelector('#qa-cite-ref textarea, #qa-cite-ref input');
  var go = document.querySelector('#qa-cite-go');
  if (!box || !go) return;
  box.value = ref;
  box.dispatchEvent(new Event('input', {bubbles: true}));
  setTimeout(function () { go.click(); }, 30);
}, true);
function qaClearUploadStatus(ev) {
  if (!ev.target || !ev.target.closest || !ev.target.closest('#qa-upload')) return;
  var box = document.querySelector('#qa-upload-status textarea');
  if (box && box.value) { box.value = ''; box.dispatchEvent(new Event('input', {bubbles: true})); }
}
document.addEventListener('change', qaClearUploadStatus, true);
document.addEventListener('drop', qaClearUploadStatus, true);
</script>
"""

# Scroll the source panel (not the page) so the highlighted passage is in view.
SCROLL_TO_FOCUS = """
() => { setTimeout(() => {
  const body = document.querySelector('#qa-source-view .qa-source-body'); if (!body) return;
  const m = body.querySelector('#qa-focus');
  body.scrollTop = m ? body.scrollTop + m.getBoundingClientRect().top - body.getBoundingClientRect().top - 8 : 0;
}, 200); }
"""
# After an answer: the chat shows the newest question and the start of its reply (the answer),
# not the end of the reply (its list of sources), which on a narrow screen is all that would fit.
SCROLL_TO_REPLY = """
() => { setTimeout(() => {
  const wrap = document.querySelector('#qa-chat .bubble-wrap'); if (!wrap) return;
  const rows = wrap.querySelectorAll('.message-row.user-row');
  const last = rows[rows.length - 1]; if (!last) return;
  wrap.scrollTop += last.getBoundingClientRect().top - wrap.getBoundingClientRect().top - 8;
}, 150); }
"""
