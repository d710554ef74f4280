// The words schools see: strands, school types, themes, usefulness and terms.
import { CORE_STRANDS, SCHOOL_TYPES, USEFULNESS, type CoreConsultation } from '../db/schema';

export type Strand = (typeof CORE_STRANDS)[number];
export type SchoolType = (typeof SCHOOL_TYPES)[number];
export type Usefulness = (typeof USEFULNESS)[number];
export type CoreStatus = CoreConsultation['status'];

export const STRANDS: Record<Strand, { name: string; description: string }> = {
	core: {
		name: 'Core Consultations',
		description:
			'For mainstream schools. A specialist meets your SENCo and teachers to talk through the needs you are seeing and what you can do in class.'
	},
	plus: {
		name: 'Core Consultations Plus',
		description:
			'A multi-disciplinary meeting: specialists from education, health and care together, for needs that cross more than one service.'
	},
	special: {
		name: 'Core Consultations Special',
		description: 'For special schools, with specialists who work with special schools every day.'
	}
};

export const SCHOOL_TYPE_NAMES: Record<SchoolType, string> = {
	infant: 'Infant school',
	primary: 'Primary school',
	junior: 'Junior school',
	secondary: 'Secondary school',
	all_through: 'All-through school',
	special: 'Special school',
	alternative: 'Alternative provision',
	other: 'Other'
};

export const THEMES = {
	communication: 'Communication and interaction, including autism',
	learning: 'Cognition and learning',
	semh: 'Social, emotional and mental health',
	sensory_physical: 'Sensory and physical needs',
	attendance: 'Attendance and emotionally based school avoidance',
	transition: 'Moving between classes, schools or to college',
	families: 'Working with families',
	planning: 'SEN support plans and the graduated approach'
} as const;
export type Theme = keyof typeof THEMES;

export const USEFULNESS_NAMES: Record<Usefulness, string> = {
	very_useful: 'Very useful',
	useful: 'Useful',
	slightly_useful: 'Slightly useful',
	not_useful: 'Not useful'
};

export const STATUS_TAGS: Record<
	CoreStatus,
	{ text: string; colour: 'blue' | 'green' | 'grey' | 'purple' }
> = {
	registered: { text: 'Waiting for a date', colour: 'blue' },
	allocated: { text: 'Date booked', colour: 'green' },
	held: { text: 'Meeting held', colour: 'purple' },
	cancelled: { text: 'Cancelled', colour: 'grey' }
};

// Terms follow the school year: autumn (September to December), spring (January to March),
// summer (April to August, so the summer holidays point at the coming autumn's neighbour).
const SEASONS = ['spring', 'summer', 'autumn'] as const;
type Season = (typeof SEASONS)[number];

/** 'YYYY-season' for a UK date 'YYYY-MM-DD'. */
export function termOf(date: string): string {
	const [y, m] = date.split('-').map(Number);
	const season: Season = m >= 9 ? 'autumn' : m <= 3 ? 'spring' : 'summer';
	return `${y}-${season}`;
}

function termIndex(term: string): number {
	const [y, s] = term.split('-');
	return Number(y) * 3 + SEASONS.indexOf(s as Season);
}

function termAt(index: number): string {
	return `${Math.floor(index / 3)}-${SEASONS[index % 3]}`;
}

export function isTerm(term: string): boolean {
	return /^\d{4}-(spring|summer|autumn)$/.test(term);
}

/** The term of `today` and the ones after it: what a school may register for. */
export function upcomingTerms(today: string, count = 3): string[] {
	const start = termIndex(termOf(today));
	return Array.from({ length: count }, (_, i) => termAt(start + i));
}

/** The term of `today` and the ones before it, newest first: what staff report on. */
export function recentTerms(today: string, count = 3): string[] {
	const start = termIndex(termOf(today));
	return Array.from({ length: count }, (_, i) => termAt(start - i));
}

export function compareTerms(a: string, b: string): number {
	return termIndex(a) - termIndex(b);
}

/** "Autumn term 2026". */
export function termName(term: string): string {
	const [y, s] = term.split('-');
	return `${s.charAt(0).toUpperCase()}${s.slice(1)} term ${y}`;
}

/** How a second registration is spotted: case, spacing and "the" do not matter. */
export function schoolKey(name: string): string {
	return name
		.toLowerCase()
		.replace(/[’'`.,]/g, '')
		.replace(/&/g, 'and')
		.replace(/\s+/g, ' ')
		.replace(/^the /, '')
		.trim();
}
