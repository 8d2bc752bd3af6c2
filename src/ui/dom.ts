/**
 * A tiny DOM builder. Text always goes in as text nodes (never innerHTML), so scenario text can
 * never inject markup.
 */
type Child = Node | string | number | null | undefined | false | Child[];
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener | ((e: never) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith('on') && typeof v === 'function') {
        el.addEventListener(k.slice(2).toLowerCase(), v as EventListener);
      } else if (k === 'style') {
        // Inline style attributes are blocked by the CSP (style-src without 'unsafe-inline'): use classes.
        throw new Error('h(): use a class instead of a style attribute');
      } else if (k === 'className') {
        el.className = String(v);
      } else if (k === 'value' && 'value' in el) {
        (el as HTMLInputElement).value = String(v);
      } else if (k === 'checked' && 'checked' in el) {
        (el as HTMLInputElement).checked = Boolean(v);
      } else if (v === true) {
        el.setAttribute(k, '');
      } else {
        el.setAttribute(k, String(v));
      }
    }
  }
  append(el, children);
  return el;
}

function append(el: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
}

/** Replace the children of `el`, keeping keyboard focus on the element with the same data-key. */
export function replace(el: Element, ...children: Child[]): void {
  const active = document.activeElement as HTMLElement | null;
  const key = active && el.contains(active) ? active.dataset.key : undefined;
  const frag = document.createDocumentFragment();
  append(frag, children);
  el.replaceChildren(frag);
  if (key) {
    const again = el.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
    again?.focus();
  }
}

/**
 * A real <table> with a caption, header row and numeric cells right-aligned. `captionHidden`: the
 * caption only for screen readers, when a heading just above already names the table on screen.
 */
export function table(caption: string | Node, head: (string | Node)[], rows: (string | number | Node)[][], opts?: { numericFrom?: number; className?: string; captionHidden?: boolean }): HTMLTableElement {
  const from = opts?.numericFrom ?? 1;
  return h('table', { className: 'data ' + (opts?.className ?? '') },
    h('caption', opts?.captionHidden ? { className: 'sr-only' } : null, caption),
    h('thead', null, h('tr', null, head.map((c, i) => h('th', { scope: 'col', className: i >= from ? 'num' : '' }, c)))),
    h('tbody', null, rows.length === 0
      ? h('tr', null, h('td', { colspan: head.length, className: 'empty' }, '—'))
      : rows.map((r) => h('tr', null, r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', { className: i >= from ? 'num' : '' }, c)))))),
  );
}

export function download(fileName: string, text: string, mime: string): void {
  const blob = new Blob([text], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: fileName });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}
