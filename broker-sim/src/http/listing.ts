/**
 * What RabbitMQ's API does to any answer on request: `columns=a,b.c` keeps only those fields (dotted
 * paths reach into objects), `sort=field` and `sort_reverse=true` order a list, and `page=N`
 * (with `page_size`, `name`, `use_regex`) returns one page wrapped in RabbitMQ's paging object.
 */
import { httpErrors } from './errors.ts';
import { isObject } from './json.ts';

export function shape(body: unknown, query: URLSearchParams): unknown {
  const columns = query.get('columns');
  const cols = columns ? columns.split(',').map((c) => c.trim()).filter((c) => c !== '') : [];
  if (Array.isArray(body)) {
    const sorted = sortList(body, query);
    if (query.has('page')) return page(sorted, query, cols);
    return cols.length > 0 ? sorted.map((x) => pick(x, cols)) : sorted;
  }
  return cols.length > 0 ? pick(body, cols) : body;
}

function sortList(items: unknown[], query: URLSearchParams): unknown[] {
  const key = query.get('sort');
  const reverse = query.get('sort_reverse') === 'true';
  if (!key) return reverse ? [...items].reverse() : items;
  const path = key.split('.');
  const sorted = [...items].sort((a, b) => compare(at(a, path), at(b, path)));
  return reverse ? sorted.reverse() : sorted;
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (a === undefined) return b === undefined ? 0 : -1;
  if (b === undefined) return 1;
  return String(a).localeCompare(String(b));
}

function at(v: unknown, path: string[]): unknown {
  let cur = v;
  for (const p of path) cur = isObject(cur) ? cur[p] : undefined;
  return cur;
}

/** Keeps only the dotted paths given, leaving out those the object lacks. */
export function pick(v: unknown, columns: string[]): unknown {
  if (!isObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const col of columns) {
    const path = col.split('.');
    const value = at(v, path);
    if (value === undefined) continue;
    let into = out;
    for (const p of path.slice(0, -1)) into = (into[p] = isObject(into[p]) ? into[p] : {}) as Record<string, unknown>;
    into[path[path.length - 1]!] = value;
  }
  return out;
}

function page(items: unknown[], query: URLSearchParams, cols: string[]): unknown {
  const pageNo = positive(query.get('page'), 'page');
  const size = query.has('page_size') ? positive(query.get('page_size'), 'page_size') : 100;
  if (size > 500) throw httpErrors.badRequest('page_size must be at most 500');
  const filtered = filterByName(items, query.get('name'), query.get('use_regex') === 'true');
  const pageCount = Math.max(1, Math.ceil(filtered.length / size));
  if (pageNo > pageCount) throw httpErrors.badRequest(`page ${pageNo} is beyond the last page, ${pageCount}`);
  const slice = filtered.slice((pageNo - 1) * size, pageNo * size);
  return {
    filtered_count: filtered.length, item_count: slice.length,
    items: cols.length > 0 ? slice.map((x) => pick(x, cols)) : slice,
    page: pageNo, page_count: pageCount, page_size: size, total_count: items.length,
  };
}

function filterByName(items: unknown[], name: string | null, regex: boolean): unknown[] {
  if (!name) return items;
  let test: (s: string) => boolean;
  if (regex) {
    let re: RegExp;
    try { re = new RegExp(name); } catch { throw httpErrors.badRequest(`name is not a valid regular expression: ${name}`); }
    test = (s) => re.test(s);
  } else {
    test = (s) => s.includes(name);
  }
  return items.filter((x) => isObject(x) && typeof x.name === 'string' && test(x.name));
}

function positive(v: string | null, what: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw httpErrors.badRequest(`${what} must be a whole number from 1, got ${v}`);
  return n;
}
