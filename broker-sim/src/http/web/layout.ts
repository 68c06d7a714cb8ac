/**
 * Places the graph with dagre (a layered, Sugiyama-style layout): publishers on the left, consumers
 * on the right (or top to bottom on a narrow screen), edges routed around nodes, binding keys as
 * edge labels that dagre keeps clear of the nodes. Pure: same graph, same places.
 */
import dagre from '@dagrejs/dagre';
import type { Graph, GraphNode } from './graph.ts';

export type Direction = 'LR' | 'TB';

export interface Box { x: number; y: number; width: number; height: number }
export interface Point { x: number; y: number }

export interface Layout {
  width: number;
  height: number;
  /** Node centre and size, by node id. */
  nodes: Map<string, Box>;
  /** Edge route and label centre, by edge id. */
  edges: Map<string, { points: Point[]; label?: Point }>;
}

/** Node sizes, px: big enough for the node's title and lines at the page's font size. */
export const NODE_SIZE: Record<GraphNode['kind'], { width: number; height: number }> = {
  publisher: { width: 136, height: 48 },
  exchange: { width: 170, height: 62 },
  queue: { width: 214, height: 96 },
  consumer: { width: 190, height: 72 },
};

/** Width of a binding-key label, px (7 px a character at 12 px monospace, plus padding). */
export const labelWidth = (text: string): number => Math.min(160, 10 + 7 * text.length);

export function layoutGraph(g: Graph, direction: Direction): Layout {
  const dg = new dagre.graphlib.Graph({ multigraph: true });
  dg.setGraph({ rankdir: direction, nodesep: direction === 'LR' ? 22 : 18, ranksep: direction === 'LR' ? 60 : 46, edgesep: 12, marginx: 12, marginy: 12 });
  for (const n of g.nodes) dg.setNode(n.id, { ...NODE_SIZE[n.kind] });
  // A dead-letter edge runs back from a queue to an exchange: laid out the other way round, so the
  // exchange keeps its place left of the queues instead of pushing a rank of its own after them.
  const back = (e: Graph['edges'][number]): boolean => e.kind === 'dead-letter';
  for (const e of g.edges) {
    const [v, w] = back(e) ? [e.to, e.from] : [e.from, e.to];
    dg.setEdge(v, w, e.label ? { width: labelWidth(e.label), height: 18, labelpos: 'c' } : { width: 0, height: 0 }, e.id);
  }
  dagre.layout(dg);
  const nodes = new Map<string, Box>();
  for (const n of g.nodes) {
    const p = dg.node(n.id) as { x: number; y: number; width: number; height: number };
    nodes.set(n.id, { x: p.x, y: p.y, width: p.width, height: p.height });
  }
  const edges = new Map<string, { points: Point[]; label?: Point }>();
  for (const e of g.edges) {
    const [v, w] = back(e) ? [e.to, e.from] : [e.from, e.to];
    const d = dg.edge({ v, w, name: e.id }) as { points?: Point[]; x?: number; y?: number };
    const points = d.points ?? [];
    edges.set(e.id, { points: back(e) ? [...points].reverse() : points, ...(e.label && d.x !== undefined && d.y !== undefined ? { label: { x: d.x, y: d.y } } : {}) });
  }
  const size = dg.graph() as { width?: number; height?: number };
  return { width: Math.ceil(size.width ?? 0), height: Math.ceil(size.height ?? 0), nodes, edges };
}

/** An SVG path through the points, with corners rounded by quadratic curves through each midpoint. */
export function pathThrough(points: Point[]): string {
  const f = (n: number): string => (Math.round(n * 10) / 10).toString();
  if (points.length === 0) return '';
  const [first, ...rest] = points;
  if (rest.length === 0) return `M${f(first!.x)},${f(first!.y)}`;
  let d = `M${f(first!.x)},${f(first!.y)}`;
  for (let i = 0; i < rest.length - 1; i++) {
    const p = rest[i]!;
    const next = rest[i + 1]!;
    d += ` Q${f(p.x)},${f(p.y)} ${f((p.x + next.x) / 2)},${f((p.y + next.y) / 2)}`;
  }
  const last = rest[rest.length - 1]!;
  return `${d} L${f(last.x)},${f(last.y)}`;
}
