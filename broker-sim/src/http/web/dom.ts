/** A few DOM helpers for the page: build elements and tables without a framework. */
import type { Table } from './tables.ts';

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | undefined | EventListener>;

function apply(el: Element, attrs: Attrs, children: Child[]): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  apply(el, attrs, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  apply(el, attrs, children);
  return el;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el as T;
}

/**
 * A table element for a Table. `rowAction` turns the first cell into a button (select a queue);
 * `selected` marks that row. An empty table says so in one row.
 */
export function tableElement(t: Table, o: { id?: string; empty?: string; rowAction?: (i: number) => void; selected?: number } = {}): HTMLTableElement {
  const head = h('tr', {}, ...t.head.map((c) => h('th', { scope: 'col' }, c)));
  const rows = t.rows.map((r, i) => h('tr', { class: i === o.selected ? 'selected' : undefined, 'aria-selected': o.rowAction ? String(i === o.selected) : undefined },
    ...r.map((c, j) => (j === 0
      ? h('th', { scope: 'row' }, o.rowAction ? h('button', { type: 'button', class: 'link', onclick: () => o.rowAction!(i) }, c) : c)
      : h('td', {}, c)))));
  if (rows.length === 0) rows.push(h('tr', {}, h('td', { colspan: t.head.length, class: 'empty' }, o.empty ?? 'none')));
  return h('table', { id: o.id }, h('caption', {}, t.caption), h('thead', {}, head), h('tbody', {}, ...rows));
}

/** Replaces el's children only when what they show changed, so focus and selection survive a refresh. */
export function replaceIfChanged(el: Element, key: string, build: () => Child | Child[]): void {
  if ((el as HTMLElement).dataset.key === key) return;
  (el as HTMLElement).dataset.key = key;
  const made = build();
  el.replaceChildren(...(Array.isArray(made) ? made : [made]).filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
}
