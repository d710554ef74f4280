// The attacker's side of disclosure control, for tests only (the unit tests over generated data
// and the browser test over the public page): what a reader knows from a published page, written
// as linear constraints over its hidden figures, and an exact integer programme (yalps) for how
// far each hidden figure could move. Kept apart from disclosure.ts, so the check is independent.
import { solve, type Coefficients, type Constraint } from 'yalps';

/** A hidden figure with its coefficient in a constraint. */
export type Term = [string, number];
/** Σ coefficient × figure between min and max (either may be absent). */
export type Known = { terms: Term[]; min?: number; max?: number };

/**
 * For each hidden figure, the smallest and largest values consistent with everything shown, as far
 * as the check needs them: every solution found is a way the figures could really be, so once two
 * solutions put a figure 2 or more apart it passes without solving for its extremes. Otherwise both
 * extremes are solved exactly. Figures that share no constraint are solved in separate groups.
 */
export function hiddenRanges(
	hidden: Map<string, 'small' | 'withheld'>,
	known: Known[]
): Map<string, [number, number]> {
	const parent = new Map([...hidden.keys()].map((h) => [h, h]));
	const root = (x: string): string => (parent.get(x) === x ? x : root(parent.get(x)!));
	for (const k of known)
		for (const [name] of k.terms.slice(1)) parent.set(root(name), root(k.terms[0][0]));
	const low = new Map<string, number>();
	const high = new Map<string, number>();
	const see = (name: string, v: number) => {
		low.set(name, Math.min(low.get(name) ?? v, v));
		high.set(name, Math.max(high.get(name) ?? v, v));
	};
	for (const target of hidden.keys()) {
		if (high.has(target) && high.get(target)! - low.get(target)! >= 2) continue;
		const group = root(target);
		const names = [...hidden.keys()].filter((h) => root(h) === group);
		const linked = known.filter((k) => root(k.terms[0][0]) === group);
		for (const direction of ['minimize', 'maximize'] as const) {
			const constraints: Record<string, Constraint> = {};
			const variables: Record<string, Coefficients> = {};
			for (const name of names) {
				// "fewer than 5" is 1 to 4; "not shown" could be anything.
				constraints[`b ${name}`] =
					hidden.get(name) === 'small' ? { min: 1, max: 4 } : { min: 0, max: 10_000 };
				variables[name] = { [`b ${name}`]: 1, objective: name === target ? 1 : 0 };
			}
			linked.forEach((k, i) => {
				constraints[`k${i}`] = { min: k.min, max: k.max };
				for (const [name, coef] of k.terms)
					(variables[name] as Record<string, number>)[`k${i}`] =
						((variables[name] as Record<string, number>)[`k${i}`] ?? 0) + coef;
			});
			const s = solve({
				direction,
				objective: 'objective',
				constraints,
				variables,
				integers: true
			});
			if (s.status !== 'optimal') throw new Error(`reader attack: ${s.status} programme`);
			// yalps lists only the figures above 0.
			const values = new Map(s.variables);
			for (const name of names) see(name, Math.round(values.get(name) ?? 0));
		}
	}
	return new Map([...hidden.keys()].map((h) => [h, [low.get(h)!, high.get(h)!]]));
}
