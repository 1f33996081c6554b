// <claim-lens>: the claimlens analyzer as a custom element, loaded with one
// <script type="module" src=".../claim-lens.js">. Everything runs in the page;
// the element only loads its own files (this module, the glue and the wasm).
//
//   <claim-lens></claim-lens>                      paste-and-read box
//   <claim-lens><p>An article…</p></claim-lens>    highlights the article it wraps
//   <claim-lens for="story"></claim-lens>          highlights #story in place, and shows a legend
//
// Attributes: layers="actors claims hedges" (any subset), theme="auto|light|dark" (auto: the
// host page's own scheme where the widget sits, following it when the page switches).
// Event: "claimlens:analyzed" (bubbles, composed) with detail { text, view, analysis }:
// the text analysed (the blocks joined by blank lines), its view (analyzeView) and,
// computed when first read, its analysis in the JSON contract (analyze); offsets are
// UTF-16 code units of `text`.
// Styles live in shadow roots (adopted constructable stylesheets), so host CSS
// cannot reach the highlights and the widget never styles the host page.
// What is drawn comes from analyzeView: runs, their classes, keyboard stops and the
// words of the tooltips. This module only makes elements of them.
import init, { analyze, analyzeView } from './claimlens_js.js';

const ready = init();

const CSS = `
:host { display: block; --bg: #fff; --fg: #1b1e23; --muted: #5b6370; --line: #d5d9e0; --panel: #f6f7f9;
  --claim: #28507a; --claim-bg: #e9f0f8; --hedge: #8e3f9e; --booster: #c04a00; --weasel: #8a6500; --condition: #0062a0;
  --c0: #332288; --t0: #e0dcf5; --c1: #1f7a99; --t1: #d3eef8; --c2: #2a8a7a; --t2: #d2efe9; --c3: #117733; --t3: #d6ecd9;
  --c4: #6b4226; --t4: #f1e2d6; --c5: #8a6d10; --t5: #f7edc8; --c6: #a8435a; --t6: #f7dce2; --c7: #8e2c7e; --t7: #f2d8ee; --c8: #666666; --t8: #ececec; }
:host([hidden]) { display: none; }
.dark { --bg: #14171c; --fg: #e8eaee; --muted: #a3abb8; --line: #343a45; --panel: #1c2027; --claim: #9cc3ec; --claim-bg: #1e2a38;
  --hedge: #d69be3; --booster: #ff9a5c; --weasel: #e3c15a; --condition: #7cc4f2;
  --c0: #9988dd; --c1: #88ccee; --c2: #44aa99; --c3: #99c24d; --c4: #c8916a; --c5: #ddcc77; --c6: #dd7788; --c7: #cc66bb; --c8: #999999;
  --t0: #2a2550; --t1: #173440; --t2: #123530; --t3: #15321c; --t4: #3a281c; --t5: #3d3518; --t6: #44222a; --t7: #3d1d38; --t8: #2e2e2e; }
/* all: initial stops the host's inherited styles (colour, text-transform, letter-spacing...) at the door. */
.root { all: initial; display: block; position: relative; color: var(--fg); background: var(--bg);
  font: 1rem/1.7 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
.box { border: 1px solid var(--line); border-radius: 8px; padding: 0.6rem 0.8rem; }
textarea { box-sizing: border-box; width: 100%; min-height: 7rem; font: 0.95rem/1.5 ui-monospace, monospace; color: var(--fg);
  background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem; resize: vertical; }
.bar { display: flex; flex-wrap: wrap; gap: 0.4rem 0.8rem; align-items: center; font-size: 0.85rem; color: var(--muted); margin: 0.4rem 0; }
.bar label { display: inline-flex; gap: 0.3rem; align-items: center; cursor: pointer; color: var(--fg); }
.text p, .text h1, .text h2, .text h3, .text h4, .text li, .text blockquote { white-space: pre-wrap; }
mark { background: none; color: inherit; border-radius: 3px; }
mark:focus-visible { outline: 3px solid #0b63ce !important; outline-offset: 2px; }
.show-actors .act { background: var(--t); border-bottom: 2px solid var(--c); }
.show-actors .act.k-organization { border-bottom: 3px double var(--c); }
.show-actors .act.k-place { border-bottom: 2px dotted var(--c); }
.show-actors .act.k-group { border-bottom: 2px dashed var(--c); }
.col0 { --c: var(--c0); --t: var(--t0); } .col1 { --c: var(--c1); --t: var(--t1); } .col2 { --c: var(--c2); --t: var(--t2); }
.col3 { --c: var(--c3); --t: var(--t3); } .col4 { --c: var(--c4); --t: var(--t4); } .col5 { --c: var(--c5); --t: var(--t5); }
.col6 { --c: var(--c6); --t: var(--t6); } .col7 { --c: var(--c7); --t: var(--t7); } .col8 { --c: var(--c8); --t: var(--t8); }
.show-claims .cl-con { background: var(--claim-bg); }
.show-claims .cl-con.act { background: var(--t); }
.show-claims .cl-cue { outline: 1.5px solid var(--claim); outline-offset: -1px; font-style: italic; }
.show-claims .cl-cue.att-vague { outline-style: dashed; } .show-claims .cl-cue.att-none { outline-style: dotted; }
.show-claims .cl-src { font-weight: 700; box-shadow: inset 0 2px 0 var(--claim); }
.show-hedges .hd { text-decoration-line: underline; text-decoration-thickness: 2px; text-underline-offset: 0.3em; text-decoration-skip-ink: none; }
.show-hedges .hd-hedge { text-decoration-style: wavy; text-decoration-color: var(--hedge); }
.show-hedges .hd-booster { text-decoration-style: double; text-decoration-color: var(--booster); text-decoration-thickness: 3px; }
.show-hedges .hd-weasel { text-decoration-style: dotted; text-decoration-color: var(--weasel); text-decoration-thickness: 3px; }
.show-hedges .hd-condition { text-decoration-style: dashed; text-decoration-color: var(--condition); }
.tip { position: absolute; z-index: 10; max-width: 20rem; padding: 0.4rem 0.6rem; border-radius: 6px; font-size: 0.82rem;
  line-height: 1.4; background: var(--fg); color: var(--bg); pointer-events: none; }
.tip[hidden] { display: none; }
.summary { font-size: 0.85rem; color: var(--muted); }
`;

let sheet = null;
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return [sheet];
}

const LAYERS = ['actors', 'claims', 'hedges'];
const TARGETS = new WeakMap();
const DARK = matchMedia('(prefers-color-scheme: dark)');
const OWN_ROOTS = new WeakSet();

const ROLE = { source: 'src', cue: 'cue', content: 'con' };

/** Appends the runs of a paragraph of `view` to `parent`: text nodes and <mark>s. */
function paint(parent, text, para, view) {
  for (const r of para.runs) {
    const piece = text.slice(r.start, r.end);
    if (r.actor == null && r.claim == null && r.hedge == null) {
      parent.append(piece);
      continue;
    }
    const m = document.createElement('mark');
    const d = m.dataset;
    if (r.actor != null) {
      const x = view.actors[r.actor];
      m.classList.add('act', `col${x.colour}`, `k-${x.kind}`);
      d.a = r.actor;
    }
    if (r.claim != null) {
      m.classList.add('cl', `cl-${ROLE[r.role]}`, `att-${view.claims[r.claim].attribution}`);
      d.c = r.claim;
      d.r = r.role;
    }
    if (r.hedge != null) {
      m.classList.add('hd', `hd-${view.hedges[r.hedge].kind}`);
      d.h = r.hedge;
    }
    m.tabIndex = r.stop ? 0 : -1;
    m.textContent = piece;
    parent.append(m);
  }
}

/** Elements whose text starts a new block; the rest is inline and joins its block. */
const BLOCK = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE',
  'TD', 'TH', 'TR', 'UL']);
const KEEP_TAG = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre']);
const SKIP = 'script, style, template, noscript, claim-lens';

/** The text of an element as blocks [{ tag, text }] in document order: every piece of
 *  text belongs to its nearest block ancestor, loose text included, so nothing is left out. */
function blocksOf(el) {
  const blocks = [];
  let owner = null;
  let text = '';
  const flush = () => {
    const t = text.replace(/\s+/g, ' ').trim();
    if (t) {
      const tag = owner === el ? 'p' : owner.tagName.toLowerCase();
      blocks.push({ tag: KEEP_TAG.has(tag) ? tag : 'p', text: t });
    }
    text = '';
  };
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => {
      const skip = n.parentElement.closest(SKIP);
      return skip && skip !== el && el.contains(skip) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
    },
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    let b = n.parentElement;
    while (b !== el && !BLOCK.has(b.tagName)) b = b.parentElement;
    if (b !== owner) {
      if (owner) flush();
      owner = b;
    }
    text += n.data;
  }
  if (owner) flush();
  return blocks;
}

/** A CSS colour as [r, g, b, a] (0–255), whatever its syntax (rgb, oklch, color(), …): the
 * browser draws it on a 1×1 canvas and we read the pixel back. */
let PIXEL;
function rgba(css) {
  PIXEL ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!PIXEL) return null;
  PIXEL.clearRect(0, 0, 1, 1);
  PIXEL.fillStyle = '#000';
  PIXEL.fillStyle = css;
  PIXEL.fillRect(0, 0, 1, 1);
  return PIXEL.getImageData(0, 0, 1, 1).data;
}

/** The host page's own scheme where the widget sits: the first opaque background up the
 * tree decides (dark when its luminance is low); with none, the page's canvas, which is
 * dark when the page's color-scheme (its CSS or its <meta name="color-scheme">) allows only
 * dark, or allows dark and the system is dark. */
function hostIsDark(el) {
  for (let n = el; n && n.nodeType === 1; n = n.parentElement ?? n.getRootNode()?.host) {
    const bg = getComputedStyle(n).backgroundColor;
    if (!bg || bg === 'transparent' || bg === 'rgba(0, 0, 0, 0)') continue;
    const px = rgba(bg);
    if (px && px[3] > 127) {
      const [r, g, b] = [px[0], px[1], px[2]].map((v) => {
        const c = v / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.18;
    }
  }
  const meta = document.querySelector('meta[name="color-scheme"]')?.getAttribute('content') ?? '';
  const scheme = `${getComputedStyle(document.documentElement).colorScheme ?? ''} ${meta}`;
  const dark = /\bdark\b/.test(scheme);
  const light = /\blight\b/.test(scheme);
  return dark && (!light || DARK.matches);
}

class ClaimLens extends HTMLElement {
  static get observedAttributes() { return ['layers', 'theme', 'for']; }

  connectedCallback() {
    if (!this.shadowRoot) {
      this.attachShadow({ mode: 'open' });
      this.shadowRoot.adoptedStyleSheets = styles();
    }
    this.render();
  }

  attributeChangedCallback(name, before, after) {
    if (!this.shadowRoot || before === after) return;
    // A new target means a new analysis; layers and theme only restyle what is
    // drawn (so the paste box keeps its text).
    if (name === 'for') this.render();
    else this.frames.forEach((f) => this.look(f));
  }

  disconnectedCallback() {
    DARK.removeEventListener('change', this.onScheme);
    this.watch?.disconnect();
    // Connected again, frame() listens again.
    this.onScheme = null;
  }

  get shownLayers() {
    const attr = this.getAttribute('layers');
    const list = attr == null ? LAYERS : attr.split(/[\s,]+/).filter((l) => LAYERS.includes(l));
    return new Set(list);
  }

  /** A fresh drawing surface in `root`, styled by the layers and theme attributes. */
  frame(root) {
    const div = document.createElement('div');
    div.className = 'root';
    this.look(div);
    root.replaceChildren(div);
    this.frames = (this.frames ?? []).filter((f) => f.isConnected && f.getRootNode() !== root);
    this.frames.push(div);
    if (!this.onScheme) {
      this.onScheme = () => this.frames.forEach((f) => this.look(f));
      DARK.addEventListener('change', this.onScheme);
      // Pages switch their own dark mode by a class, an attribute or a style on <html> or
      // <body>: theme="auto" follows.
      this.watch = new MutationObserver(this.onScheme);
      for (const el of [document.documentElement, document.body]) {
        if (el) this.watch.observe(el, { attributes: true, attributeFilter: ['class', 'style', 'data-theme', 'data-color-scheme'] });
      }
    }
    return div;
  }

  look(div) {
    const theme = this.getAttribute('theme') ?? 'auto';
    div.classList.toggle('dark', theme === 'dark' || (theme === 'auto' && hostIsDark(this)));
    for (const l of LAYERS) div.classList.toggle(`show-${l}`, this.shownLayers.has(l));
    for (const input of div.querySelectorAll('input[data-layer]')) input.checked = this.shownLayers.has(input.dataset.layer);
  }

  async render() {
    const forId = this.getAttribute('for');
    if (forId) return this.renderFor(forId);
    const blocks = blocksOf(this);
    if (blocks.length) return this.renderBlocks(this.frame(this.shadowRoot), blocks);
    return this.renderEditor();
  }

  /** Analyses blocks of text and draws them into `box`. */
  async renderBlocks(box, blocks, legendBox = box) {
    await ready;
    const text = blocks.map((b) => b.text).join('\n\n');
    const view = analyzeView(text);
    const out = document.createElement('div');
    out.className = 'text';
    out.setAttribute('role', 'document');
    // Blocks are single lines, so each paragraph of the view is (a piece of) one block.
    let b = -1;
    let el = null;
    let next = 0;
    for (const page of view.pages) {
      for (const para of page.paras) {
        while (para.start >= next) {
          el = document.createElement(blocks[++b].tag);
          el.dir = 'auto';
          out.append(el);
          next += blocks[b].text.length + 2;
        }
        paint(el, text, para, view);
      }
    }
    box.append(out);
    this.tooltips(box, view);
    legendBox.append(this.summary(view));
    let analysis;
    const detail = { text, view, get analysis() { return (analysis ??= analyze(text)); } };
    this.dispatchEvent(new CustomEvent('claimlens:analyzed', { detail, bubbles: true, composed: true }));
    return detail;
  }

  summary(view) {
    const s = view.summary;
    const p = document.createElement('p');
    p.className = 'summary';
    const n = (k, one, many) => `${k} ${k === 1 ? one : many}`;
    p.textContent = `${n(s.actors, 'actor', 'actors')} · ${n(s.claims, 'claim', 'claims')} (${s.claims_named} named, ${s.claims_vague} vague, ${s.claims_none} unattributed) · `
      + `${n(s.hedges + s.boosters + s.weasels + s.conditions, 'hedging cue', 'hedging cues')} · certainty ${Math.round(s.certainty * 100)}% · analysed in this page by claimlens`;
    return p;
  }

  tooltips(box, view) {
    const tip = document.createElement('div');
    tip.className = 'tip';
    tip.setAttribute('role', 'tooltip');
    tip.hidden = true;
    box.append(tip);
    const show = (e) => {
      const m = e.target.closest?.('mark');
      if (!m || !box.contains(m)) return;
      // The view's words for each annotation of a layer that is shown.
      const frame = box.closest('.root') ?? box;
      const on = (l) => frame.classList.contains(`show-${l}`);
      const d = m.dataset;
      const lines = [
        on('actors') && d.a && view.actors[d.a].tip,
        on('claims') && d.c && view.claims[d.c].tips[d.r],
        on('hedges') && d.h && view.hedges[d.h].tip,
      ].filter(Boolean);
      if (!lines.length) { tip.hidden = true; return; }
      tip.replaceChildren(...lines.map((l) => Object.assign(document.createElement('div'), { textContent: l })));
      tip.hidden = false;
      const r = m.getBoundingClientRect();
      const b = (tip.offsetParent ?? box).getBoundingClientRect();
      const room = Math.max(0, b.width - tip.offsetWidth);
      tip.style.left = `${Math.min(Math.max(0, r.left - b.left), room)}px`;
      tip.style.top = `${r.bottom - b.top + 4}px`;
    };
    const hide = (e) => { if (e.target.closest?.('mark')) tip.hidden = true; };
    box.addEventListener('mouseover', show);
    box.addEventListener('focusin', show);
    box.addEventListener('mouseout', hide);
    box.addEventListener('focusout', hide);
    box.addEventListener('keydown', (e) => { if (e.key === 'Escape') tip.hidden = true; });
  }

  /** Highlights another element in place: its text is drawn in a shadow root of its own. */
  async renderFor(id) {
    const legend = this.frame(this.shadowRoot);
    const target = this.getRootNode().getElementById?.(id) ?? document.getElementById(id);
    if (!target) {
      legend.textContent = `claim-lens: no element with id "${id}".`;
      return null;
    }
    // The target's own text, read before its shadow root hides it (and kept for re-renders).
    if (!TARGETS.has(target)) TARGETS.set(target, blocksOf(target));
    const blocks = TARGETS.get(target);
    let root = OWN_ROOTS.has(target.shadowRoot) ? target.shadowRoot : null;
    if (!root && !target.shadowRoot) {
      try {
        root = target.attachShadow({ mode: 'open' });
        OWN_ROOTS.add(root);
      } catch {
        // elements such as <td> or <a> cannot host a shadow root: draw inside the widget
      }
    }
    if (!root) return this.renderBlocks(legend, blocks);
    root.adoptedStyleSheets = styles();
    const box = this.frame(root);
    return this.renderBlocks(box, blocks, legend);
  }

  /** The paste-and-read box. */
  renderEditor() {
    const box = this.frame(this.shadowRoot);
    box.classList.add('box');
    const area = document.createElement('textarea');
    area.setAttribute('aria-label', 'Article to analyse');
    area.placeholder = 'Paste a news article: it is analysed here, in this page.';
    // Direction from the first letter (dir="auto" rescans the whole text on every edit).
    const RTL = /^[^\p{L}]*[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
    const direction = () => { area.dir = RTL.test(area.value.slice(0, 2000)) ? 'rtl' : 'ltr'; };
    direction();
    const toggles = document.createElement('div');
    toggles.className = 'bar';
    for (const l of LAYERS) {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.dataset.layer = l;
      input.checked = this.shownLayers.has(l);
      input.addEventListener('change', () => box.classList.toggle(`show-${l}`, input.checked));
      label.append(input, l);
      toggles.append(label);
    }
    const output = document.createElement('div');
    output.setAttribute('aria-live', 'polite');
    box.append(area, toggles, output);
    let timer = null;
    const run = () => {
      const value = area.value;
      output.replaceChildren();
      if (!value.trim()) return;
      const blocks = value.split(/\n\s*\n|\n/).map((t) => ({ tag: 'p', text: t.trim() })).filter((b) => b.text);
      this.renderBlocks(output, blocks);
    };
    area.addEventListener('input', () => { direction(); clearTimeout(timer); timer = setTimeout(run, 250); });
  }
}

if (!customElements.get('claim-lens')) customElements.define('claim-lens', ClaimLens);
