/**
 * Controlled rounding of one table (尾差调整) as a bounded circulation.
 *
 * Every typed figure (leaf) is printed as its value rounded down or up to the display step; a
 * leaf's "extra unit" is 0 or 1. Every printed total is a set of leaves. A table's totals fall into
 * two laminar families: sets spanning several columns (a row's 合计, a 类's 合计 over 基本+项目)
 * and sets within one column (a 类's 基本支出, the 合计 row's 项目支出). Two laminar families give
 * a network (source → the first family's tree → leaves → the second family's tree → sink) whose
 * integral circulations are exactly the consistent roundings (Cox & Ernst 1982): a set's flow is
 * the number of its leaves rounded up, bounded so that the set prints within one step of its exact
 * value. Starting from ordinary rounding, violated bounds are repaired along residual paths.
 */

export interface Bounds {
  lo: number;
  hi: number;
}

interface Edge {
  from: number;
  to: number;
  lo: number;
  hi: number;
  flow: number;
}

export class Circulation {
  readonly edges: Edge[] = [];
  private readonly out: number[][] = [];
  private readonly into: number[][] = [];
  // Search buffers reused by every repair; `seen` holds the search's generation number, not a flag.
  private readonly via: Int32Array;
  private readonly forward: Uint8Array;
  private readonly seen: Uint32Array;
  private generation = 0;

  constructor(nodeCount: number) {
    for (let i = 0; i < nodeCount; i++) {
      this.out.push([]);
      this.into.push([]);
    }
    this.via = new Int32Array(nodeCount);
    this.forward = new Uint8Array(nodeCount);
    this.seen = new Uint32Array(nodeCount);
  }

  addEdge(from: number, to: number, bounds: Bounds, flow: number): number {
    const id = this.edges.length;
    this.edges.push({ from, to, lo: bounds.lo, hi: bounds.hi, flow });
    this.out[from].push(id);
    this.into[to].push(id);
    return id;
  }

  setBounds(edge: number, bounds: Bounds): void {
    this.edges[edge].lo = bounds.lo;
    this.edges[edge].hi = bounds.hi;
  }

  violated(edge: number): boolean {
    const e = this.edges[edge];
    return e.flow < e.lo || e.flow > e.hi;
  }

  /**
   * Moves one unit off (or onto) a violated edge along another route: a breadth-first search for
   * a residual path from one end of the edge to the other that breaks no other bound. Returns
   * false when there is none (the bound cannot be met without breaking another).
   */
  repair(edge: number): boolean {
    const e = this.edges[edge];
    if (e.flow > e.hi) return this.augment(e.from, e.to, edge, -1);
    if (e.flow < e.lo) return this.augment(e.to, e.from, edge, +1);
    return true;
  }

  /** Sends one unit from `start` to `goal` through the residual graph, then changes `edge` by `delta`. */
  private augment(start: number, goal: number, edge: number, delta: number): boolean {
    const { via, forward, seen } = this;
    const mark = ++this.generation;
    seen[start] = mark;
    const queue = [start];
    for (let head = 0; head < queue.length && seen[goal] !== mark; head++) {
      const node = queue[head];
      for (const id of this.out[node]) {
        const e = this.edges[id];
        if (id === edge || seen[e.to] === mark || e.flow >= e.hi) continue;
        seen[e.to] = mark;
        via[e.to] = id;
        forward[e.to] = 1;
        queue.push(e.to);
      }
      for (const id of this.into[node]) {
        const e = this.edges[id];
        if (id === edge || seen[e.from] === mark || e.flow <= e.lo) continue;
        seen[e.from] = mark;
        via[e.from] = id;
        forward[e.from] = 0;
        queue.push(e.from);
      }
    }
    if (seen[goal] !== mark) return false;
    for (let node = goal; node !== start; ) {
      const e = this.edges[via[node]];
      if (forward[node]) {
        e.flow++;
        node = e.from;
      } else {
        e.flow--;
        node = e.to;
      }
    }
    this.edges[edge].flow += delta;
    return true;
  }
}
