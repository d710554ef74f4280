import { describe, expect, it } from 'vitest';
import { planPromotions } from './waitingList';

describe('waiting-list promotion', () => {
	it('promotes in order of joining while places last', () => {
		const queue = [
			{ id: 1, party: 2 },
			{ id: 2, party: 1 },
			{ id: 3, party: 2 }
		];
		expect(planPromotions(3, queue)).toEqual([1, 2]);
		expect(planPromotions(5, queue)).toEqual([1, 2, 3]);
	});

	it('skips a party that does not fit, without splitting it, and promotes later smaller entries', () => {
		const queue = [
			{ id: 1, party: 4 },
			{ id: 2, party: 2 },
			{ id: 3, party: 1 }
		];
		expect(planPromotions(3, queue)).toEqual([2, 3]);
	});

	it('keeps the skipped party first in line for the next free places', () => {
		const queue = [
			{ id: 1, party: 4 },
			{ id: 2, party: 2 }
		];
		expect(planPromotions(4, queue)).toEqual([1]);
	});

	it('promotes nobody when no place is free', () => {
		expect(planPromotions(0, [{ id: 1, party: 1 }])).toEqual([]);
		expect(planPromotions(2, [])).toEqual([]);
	});
});
