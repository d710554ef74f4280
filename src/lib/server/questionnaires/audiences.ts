import { audienceCodes, type Audience, type Channel } from '../db/schema';

export const audienceLabels: Record<Audience, string> = {
	parents_carers: 'Parents and carers',
	practitioners: 'Practitioners',
	young_people: 'Young people'
};

export const channelLabels: Record<Channel, string> = {
	online: 'Online',
	paper: 'Paper form',
	roadshow: 'Roadshow'
};

/** The young people's questionnaire is written in Easy Read. */
export function isEasyReadAudience(audience: Audience): boolean {
	return audience === 'young_people';
}

/** The young people's version asks for no name, email or phone, not even optionally. */
export function asksForContactDetails(audience: Audience): boolean {
	return audience !== 'young_people';
}

/** The audience as it appears in a web address: "parents-carers". */
export function audienceSlug(audience: Audience): string {
	return audience.replace(/_/g, '-');
}

export function audienceFromSlug(slug: string): Audience | null {
	const audience = slug.replace(/-/g, '_');
	return (audienceCodes as readonly string[]).includes(audience) ? (audience as Audience) : null;
}
