/**
 * One table's leaves and totals as two laminar families of leaf sets, solved as a circulation
 * (see network.ts): the printed value of every leaf and every total, within one step of exact.
 */
import { Circulation, type Bounds } from "./network";

export interface TableProblem {
  /** Exact value of each leaf in 分 (integers: every sum is exact). */
  leaves: readonly number[];
  /** The display step in 分 (0.01 万元 = 10,000). Printed values below are in steps. */
  step: number;
  /** Column of each leaf, to tell within-column totals from across-column ones. */
  leafColumns: readonly number[];
  /** Each total as the leaves it adds up (formula cells flattened to leaves). */
  sets: readonly (readonly number[])[];
  /** Printed values required by figures already decided in other tables (set index or leaf index → value in steps). */
  lockedSets: ReadonlyMap<number, number>;
  lockedLeaves: ReadonlyMap<number, number>;
}

export interface TableSolution {
  /** Printed value of each leaf, in steps. */
  leaves: number[];
  /** Printed value of each set (Σ of its leaves' printed values). */
  sets: number[];
  /** Locks that could not be met (the tie stays 0.01 apart), by set or leaf index. */
  brokenSetLocks: number[];
  brokenLeafLocks: number[];
}

/** Ordinary rounding of an integer amount to whole steps, half away from zero, as the validator rounds (roundToStep). */
export const ordinary = (fen: number, step: number): number => Math.sign(fen) * Math.round(Math.abs(fen) / step);
const floorOf = (fen: number, step: number): number => Math.floor(fen / step);
const ceilOf = (fen: number, step: number): number => Math.ceil(fen / step);

export function solveTable(input: TableProblem): TableSolution {
  // A total of one leaf is that leaf: its lock holds the leaf.
  const lockedLeaves = new Map(input.lockedLeaves);
  for (const [s, value] of input.lockedSets) if (input.sets[s].length === 1 && !lockedLeaves.has(input.sets[s][0])) lockedLeaves.set(input.sets[s][0], value);
  const problem: TableProblem = { ...input, lockedLeaves };
  const n = problem.leaves.length;
  const { step } = problem;
  const floors = problem.leaves.map((fen) => floorOf(fen, step));
  const free = problem.leaves.map((fen, i) => ceilOf(fen, step) > floors[i]);
  // Sets come unique from the table model (one per distinct leaf set).
  const kept = problem.sets.map((_, i) => i);
  const isColumnSet = (set: readonly number[]) => set.every((l) => problem.leafColumns[l] === problem.leafColumns[set[0]]);
  const familyA = kept.filter((s) => problem.sets[s].length > 1 && !isColumnSet(problem.sets[s]));
  const familyB = kept.filter((s) => problem.sets[s].length > 1 && isColumnSet(problem.sets[s]));

  // Each family as a forest: a set's parent is the smallest larger set of the family holding its first leaf.
  const forest = (family: number[]) => {
    const bySize = [...family].sort((a, b) => problem.sets[a].length - problem.sets[b].length);
    const chainOf = Array.from({ length: n }, () => [] as number[]);
    for (const s of bySize) for (const l of problem.sets[s]) chainOf[l].push(s);
    const parent = new Map<number, number | null>();
    for (const s of bySize) {
      const chain = chainOf[problem.sets[s][0]];
      const next = chain[chain.indexOf(s) + 1];
      parent.set(s, next ?? null);
    }
    // The smallest set holding each leaf.
    const smallest = chainOf.map((chain) => chain[0] ?? null);
    return { parent, smallest };
  };
  const a = forest(familyA);
  const b = forest(familyB);

  // Nodes: 0 source, 1 sink, then one per set of each family.
  const nodeOf = new Map<string, number>();
  let next = 2;
  for (const s of familyA) nodeOf.set(`A${s}`, next++);
  for (const s of familyB) nodeOf.set(`B${s}`, next++);
  const net = new Circulation(next);
  const SOURCE = 0;
  const SINK = 1;

  const initialLeaf = problem.leaves.map((fen, i) => ordinary(fen, step) - floors[i]);
  // Each set's exact sum, sum of floors and starting flow, added up once.
  const exactSums = new Float64Array(problem.sets.length);
  const floorSums = new Float64Array(problem.sets.length);
  const flowSums = new Float64Array(problem.sets.length);
  problem.sets.forEach((set, s) => {
    for (const l of set) {
      exactSums[s] += problem.leaves[l];
      floorSums[s] += floors[l];
      flowSums[s] += initialLeaf[l];
    }
  });
  const setExact = (s: number) => exactSums[s];
  const setFloor = (s: number) => floorSums[s];
  const setFlow = (s: number) => flowSums[s];
  const boundsOf = (s: number): Bounds => {
    const locked = problem.lockedSets.get(s);
    const base = setFloor(s);
    if (locked !== undefined) return { lo: locked - base, hi: locked - base };
    const x = setExact(s);
    return { lo: floorOf(x, step) - base, hi: ceilOf(x, step) - base };
  };
  const edgeOfSet = new Map<number, number>();
  const total = initialLeaf.reduce((sum, f) => sum + f, 0);
  for (const s of familyA) {
    const parent = a.parent.get(s);
    edgeOfSet.set(s, net.addEdge(parent === null || parent === undefined ? SOURCE : nodeOf.get(`A${parent}`)!, nodeOf.get(`A${s}`)!, boundsOf(s), setFlow(s)));
  }
  for (const s of familyB) {
    const parent = b.parent.get(s);
    edgeOfSet.set(s, net.addEdge(nodeOf.get(`B${s}`)!, parent === null || parent === undefined ? SINK : nodeOf.get(`B${parent}`)!, boundsOf(s), setFlow(s)));
  }
  const leafEdge: number[] = [];
  for (let l = 0; l < n; l++) {
    const from = a.smallest[l] !== null ? nodeOf.get(`A${a.smallest[l]}`)! : SOURCE;
    const to = b.smallest[l] !== null ? nodeOf.get(`B${b.smallest[l]}`)! : SINK;
    const locked = problem.lockedLeaves.get(l);
    const bounds: Bounds = locked !== undefined ? { lo: locked - floors[l], hi: locked - floors[l] } : free[l] ? { lo: 0, hi: 1 } : { lo: 0, hi: 0 };
    leafEdge.push(net.addEdge(from, to, bounds, initialLeaf[l]));
  }
  net.addEdge(SINK, SOURCE, { lo: -Infinity, hi: Infinity }, total);

  // Hard bounds first (each figure within one step; locks from other tables); a lock that cannot be met is dropped.
  const brokenSetLocks: number[] = [];
  const brokenLeafLocks: number[] = [];
  const repairAll = () => {
    // Until every bound holds, or a whole pass repairs nothing more (what is left cannot be met).
    for (let progress = true; progress; ) {
      progress = false;
      for (let id = 0; id < net.edges.length; id++)
        while (net.violated(id) && net.repair(id)) progress = true;
    }
  };
  repairAll();
  for (const s of problem.lockedSets.keys())
    if (edgeOfSet.has(s) && net.violated(edgeOfSet.get(s)!)) {
      brokenSetLocks.push(s);
      net.setBounds(edgeOfSet.get(s)!, { lo: floorOf(setExact(s), step) - setFloor(s), hi: ceilOf(setExact(s), step) - setFloor(s) });
    }
  for (const l of problem.lockedLeaves.keys())
    if (net.violated(leafEdge[l])) {
      brokenLeafLocks.push(l);
      net.setBounds(leafEdge[l], free[l] ? { lo: 0, hi: 1 } : { lo: 0, hi: 0 });
    }
  repairAll();

  // Then each total as its ordinary rounding where that can be had: totals already there are held, the largest first.
  const target = (s: number) => ordinary(setExact(s), step) - setFloor(s);
  const totals = [...edgeOfSet.keys()].filter((s) => !problem.lockedSets.has(s)).sort((x, y) => problem.sets[y].length - problem.sets[x].length);
  for (const s of totals) if (net.edges[edgeOfSet.get(s)!].flow === target(s)) net.setBounds(edgeOfSet.get(s)!, { lo: target(s), hi: target(s) });
  for (const s of totals) {
    const edge = edgeOfSet.get(s)!;
    if (net.edges[edge].flow === target(s)) continue;
    const before = { lo: net.edges[edge].lo, hi: net.edges[edge].hi };
    net.setBounds(edge, { lo: target(s), hi: target(s) });
    if (!net.repair(edge)) net.setBounds(edge, before);
  }

  const leaves = problem.leaves.map((_, l) => floors[l] + net.edges[leafEdge[l]].flow);
  const sets = problem.sets.map((set) => set.reduce((sum, l) => sum + leaves[l], 0));
  return { leaves, sets, brokenSetLocks, brokenLeafLocks };
}
