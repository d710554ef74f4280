import { describe, expect, it } from 'vitest';
import { partyOf, partyProblem, partyProblemMessage } from './party';

const rules = { maxParty: 6, childrenWelcome: true };

describe('party rules', () => {
	it('takes the most places per booking, and refuses one more', () => {
		expect(partyProblem({ adults: 6, children: 0 }, rules)).toBeNull();
		expect(partyProblem({ adults: 2, children: 4 }, rules)).toBeNull();
		expect(partyProblem({ adults: 2, children: 5 }, rules)).toBe('too_many');
		expect(partyProblem({ adults: 7, children: 0 }, rules)).toBe('too_many');
		expect(partyProblem({ adults: 1, children: 0 }, { ...rules, maxParty: 1 })).toBeNull();
		expect(partyProblem({ adults: 1, children: 1 }, { ...rules, maxParty: 1 })).toBe('too_many');
	});

	it('needs at least one adult: children come with an adult', () => {
		expect(partyProblem({ adults: 0, children: 3 }, rules)).toBe('no_adult');
		expect(partyProblem({ adults: 0, children: 0 }, rules)).toBe('no_adult');
		expect(partyProblem({ adults: 1, children: 3 }, rules)).toBeNull();
	});

	it('refuses children on an adults-only session, except those booked before it changed', () => {
		const adultsOnly = { ...rules, childrenWelcome: false };
		expect(partyProblem({ adults: 2, children: 0 }, adultsOnly)).toBeNull();
		expect(partyProblem({ adults: 1, children: 1 }, adultsOnly)).toBe('children_not_welcome');
		expect(
			partyProblem({ adults: 1, children: 2 }, { ...adultsOnly, childrenAlreadyBooked: 2 })
		).toBeNull();
		expect(
			partyProblem({ adults: 1, children: 3 }, { ...adultsOnly, childrenAlreadyBooked: 2 })
		).toBe('children_not_welcome');
	});

	it('refuses counts that are not whole numbers (a tampered form)', () => {
		expect(partyProblem({ adults: 1.5, children: 0 }, rules)).toBe('not_whole');
		expect(partyProblem({ adults: 1, children: -1 }, rules)).toBe('not_whole');
		expect(partyProblem({ adults: Number.NaN, children: 0 }, rules)).toBe('not_whole');
	});

	it('says by which field what to do', () => {
		expect(partyProblemMessage('children_not_welcome', 6)).toEqual({
			field: 'children',
			message: 'This session is for adults only. Enter 0 children, or choose another session'
		});
		expect(partyProblemMessage('too_many', 4).message).toBe('Enter the number of places, up to 4');
		expect(partyProblemMessage('no_adult', 6).field).toBe('adults');
		expect(partyOf({ adults: 2, children: 3 })).toBe(5);
	});
});
