/**
 * The topology graph in SVG: nodes and edges where layout.ts put them, the numbers updated in place
 * on each refresh (the layout is kept while the topology is the same, so nothing jumps), and dots
 * moving along the edges at the observed rates. Queue nodes are buttons that select the queue.
 */
import { s } from './dom.ts';
import { FlowEmitter } from './flow.ts';
import { clip, rateText } from './format.ts';
import type { Graph, GraphEdge, GraphNode } from './graph.ts';
import { sparklinePoints, type DepthHistory } from './history.ts';
import { labelWidth, layoutGraph, pathThrough, type Direction, type Layout } from './layout.ts';

/** Dots travel this fast, px per second, so a long edge takes longer than a short one. */
const DOT_SPEED = 170;
const SPARK = { height: 16, inset: 10 };
const MIN_SCALE = 0.8;

interface NodeParts { g: SVGGElement; title: SVGTextElement; subtitle: SVGTextElement; lines: SVGTextElement[]; spark?: SVGPolylineElement; node: GraphNode }
interface EdgeParts { path: SVGPathElement; rate: SVGTextElement; length: number; edge: GraphEdge }
interface Dot { el: SVGCircleElement; edge: EdgeParts; started: number; duration: number }

export class GraphView {
  readonly svg: SVGSVGElement;
  private key = '';
  private layout: Layout | undefined;
  private nodes = new Map<string, NodeParts>();
  private edges = new Map<string, EdgeParts>();
  private readonly dotLayer: SVGGElement;
  private dots: Dot[] = [];
  private readonly emitter = new FlowEmitter();
  private lastFrame = 0;
  private readonly still = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

  constructor(container: HTMLElement, private readonly onSelect: (queue: string) => void) {
    this.svg = s('svg', { class: 'graph', role: 'group', 'aria-label': 'Topology graph' });
    this.dotLayer = s('g', { class: 'dots', 'aria-hidden': 'true' });
    container.append(this.svg);
    requestAnimationFrame((t) => this.frame(t));
  }

  /** Draws the graph; rebuilds only when the topology or the direction changed. */
  render(graph: Graph, direction: Direction, history: DepthHistory, vhost: string, selected: string | undefined): void {
    const key = `${direction}\n${graph.key}`;
    if (key !== this.key) this.rebuild(graph, direction, key);
    this.fit();
    for (const n of graph.nodes) {
      const parts = this.nodes.get(n.id);
      if (!parts) continue;
      parts.node = n;
      parts.g.setAttribute('aria-label', n.description);
      parts.g.querySelector('title')!.textContent = n.description;
      const width = this.layout!.nodes.get(n.id)!.width;
      parts.title.textContent = clip(n.title, Math.floor((width - 16) / 7.6));
      parts.subtitle.textContent = clip(n.subtitle, Math.floor((width - 16) / 6.2));
      n.lines.forEach((line, i) => { if (parts.lines[i]) parts.lines[i]!.textContent = clip(line, Math.floor((width - 16) / 6.4)); });
      if (parts.spark && n.queue !== undefined) {
        parts.spark.setAttribute('points', sparklinePoints(history.of(vhost, n.queue), width - 2 * SPARK.inset, SPARK.height));
      }
      parts.g.classList.toggle('selected', n.queue !== undefined && n.queue === selected);
      if (n.queue !== undefined) parts.g.setAttribute('aria-pressed', String(n.queue === selected));
    }
    for (const e of graph.edges) {
      const parts = this.edges.get(e.id);
      if (!parts) continue;
      parts.edge = e;
      parts.rate.textContent = e.rate > 0 ? rateText(e.rate) : '';
      parts.path.classList.toggle('busy', e.rate > 0);
    }
    this.emitter.keep(new Set(graph.edges.map((e) => e.id)));
  }

  private rebuild(graph: Graph, direction: Direction, key: string): void {
    this.key = key;
    const layout = (this.layout = layoutGraph(graph, direction));
    this.svg.setAttribute('viewBox', `0 0 ${Math.max(1, layout.width)} ${Math.max(1, layout.height)}`);
    for (const d of this.dots) d.el.remove();
    this.dots = [];
    this.nodes.clear();
    this.edges.clear();
    const defs = s('defs', {}, s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' },
      s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead' })));
    const edgeLayer = s('g', { class: 'edges', 'aria-hidden': 'true' });
    const labelLayer = s('g', { class: 'edge-labels', 'aria-hidden': 'true' });
    const nodeLayer = s('g', { class: 'nodes' });
    for (const e of graph.edges) {
      const route = layout.edges.get(e.id)!;
      const path = s('path', { d: pathThrough(route.points), class: `edge ${e.kind}`, 'marker-end': 'url(#arrow)' });
      edgeLayer.append(path);
      const rate = s('text', { class: 'edge-rate', 'text-anchor': 'middle' });
      labelLayer.append(rate);
      if (e.label && route.label) {
        const w = labelWidth(e.label);
        labelLayer.append(s('g', { class: `edge-label ${e.kind}`, transform: `translate(${route.label.x - w / 2},${route.label.y - 9})` },
          s('rect', { width: w, height: 18, rx: 4 }), s('text', { x: w / 2, y: 13, 'text-anchor': 'middle' }, clip(e.label, 21))));
      }
      this.edges.set(e.id, { path, rate, length: 0, edge: e });
    }
    for (const n of graph.nodes) nodeLayer.append(this.nodeElement(n, layout));
    this.svg.replaceChildren(defs, edgeLayer, this.dotLayer, labelLayer, nodeLayer);
    for (const parts of this.edges.values()) {
      parts.length = parts.path.getTotalLength();
      // The rate sits clear of the binding key, which dagre put in the middle of the edge.
      const at = parts.path.getPointAtLength(parts.length * (parts.edge.label ? 0.8 : 0.5));
      parts.rate.setAttribute('x', String(at.x));
      parts.rate.setAttribute('y', String(at.y - 5));
    }
  }

  /**
   * Scales the drawing down to the box's width, but not below MIN_SCALE: text smaller than that is
   * unreadable, so a big graph on a narrow window scrolls instead.
   */
  private fit(): void {
    const layout = this.layout;
    const room = this.svg.parentElement?.clientWidth ?? 0;
    if (!layout || layout.width === 0) return;
    const scale = room > 0 ? Math.min(1, Math.max(MIN_SCALE, room / layout.width)) : 1;
    this.svg.style.width = `${Math.floor(layout.width * scale)}px`;
  }

  private nodeElement(n: GraphNode, layout: Layout): SVGGElement {
    const box = layout.nodes.get(n.id)!;
    const title = s('text', { x: 8, y: 17, class: 'title' });
    const subtitle = s('text', { x: 8, y: 31, class: 'subtitle' });
    const g = s('g', { class: `node ${n.kind}`, 'data-id': n.id, transform: `translate(${box.x - box.width / 2},${box.y - box.height / 2})`, 'aria-label': n.description },
      s('title', {}, n.description), s('rect', { width: box.width, height: box.height, rx: n.kind === 'exchange' ? 4 : 10 }), title, subtitle);
    const lines = n.lines.map((_, i) => s('text', { x: 8, y: 47 + i * 15, class: 'line' }));
    g.append(...lines);
    let spark: SVGPolylineElement | undefined;
    if (n.kind === 'queue' && n.queue !== undefined) {
      spark = s('polyline', { class: 'spark', transform: `translate(${SPARK.inset},${box.height - SPARK.height - 6})`, points: '' });
      g.append(s('rect', { class: 'spark-bg', x: SPARK.inset, y: box.height - SPARK.height - 6, width: box.width - 2 * SPARK.inset, height: SPARK.height }), spark);
      const queue = n.queue;
      g.setAttribute('tabindex', '0');
      g.setAttribute('role', 'button');
      g.addEventListener('click', () => this.onSelect(queue));
      g.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); this.onSelect(queue); }
      });
    } else {
      g.setAttribute('role', 'img');
    }
    this.nodes.set(n.id, { g, title, subtitle, lines, node: n, ...(spark ? { spark } : {}) });
    return g;
  }

  /** One animation frame: start the dots that are due, move the others, drop those that arrived. */
  private frame(t: number): void {
    const dt = this.lastFrame === 0 ? 0 : t - this.lastFrame;
    this.lastFrame = t;
    if (!this.still && !document.hidden) {
      for (const parts of this.edges.values()) {
        const n = this.emitter.tick(parts.edge.id, parts.edge.rate, dt);
        for (let i = 0; i < n && parts.length > 0; i++) {
          const el = s('circle', { r: 4, class: `dot ${parts.edge.kind}` });
          this.dotLayer.append(el);
          // Dots started in one frame are spread along the first part of the edge, not stacked.
          this.dots.push({ el, edge: parts, started: t - (i * 1000) / Math.max(1, n * 4), duration: Math.max(600, (parts.length / DOT_SPEED) * 1000) });
        }
      }
    }
    this.dots = this.dots.filter((d) => {
      const progress = (t - d.started) / d.duration;
      if (progress >= 1 || !d.edge.path.isConnected) { d.el.remove(); return false; }
      const p = d.edge.path.getPointAtLength(d.edge.length * Math.max(0, progress));
      d.el.setAttribute('cx', String(p.x));
      d.el.setAttribute('cy', String(p.y));
      return true;
    });
    requestAnimationFrame((next) => this.frame(next));
  }

  /** Dots on the way now (the browser test reads it to see messages move). */
  get dotsInFlight(): number { return this.dots.length; }
}
