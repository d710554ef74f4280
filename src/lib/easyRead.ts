// The Easy Read rules Coproduce checks, and its glossary of hard words. Shared by the staff
// editor (which flags problems before publishing) and the public pages (which link the words).

/** Easy Read sentences are 10 to 15 words: more than this is flagged. */
export const EASY_READ_SENTENCE_WORDS = 15;
/** Words this long are hard to read; flagged unless the glossary explains them. */
export const EASY_READ_LONG_WORD = 12;

export type GlossaryEntry = { id: string; word: string; matches: RegExp; meaning: string };

export const easyReadGlossary: GlossaryEntry[] = [
	{
		id: 'priority',
		word: 'Priority',
		matches: /\bpriorit(y|ies)\b/i,
		meaning: 'Something important. We will work on it first.'
	},
	{
		id: 'send',
		word: 'SEND',
		matches: /\bSEND\b/,
		meaning:
			'Special educational needs and disabilities. It means you need extra help to learn or to do things.'
	},
	{
		id: 'ehcp',
		word: 'EHC plan',
		matches: /\bEHC ?P(lan)?\b/i,
		meaning: 'A plan that says what help you need at school and who will give it.'
	},
	{
		id: 'consultation',
		word: 'Consultation',
		matches: /\bconsultation\b/i,
		meaning: 'When the council asks people what they think before it decides.'
	},
	{
		id: 'strategy',
		word: 'Strategy',
		matches: /\bstrateg(y|ies)\b/i,
		meaning: 'A plan for what the council will do over the next few years.'
	},
	{
		id: 'mainstream',
		word: 'Mainstream school',
		matches: /\bmainstream\b/i,
		meaning: 'A school for all children in the area. It is not a special school.'
	},
	{
		id: 'transition',
		word: 'Transition',
		matches: /\btransition(ing|s)?\b/i,
		meaning: 'A big change, like moving to a new school or becoming an adult.'
	},
	{
		id: 'anonymous',
		word: 'Anonymous',
		matches: /\banonymous\b/i,
		meaning: 'Nobody will know the answers are yours.'
	}
];

export function sentences(text: string): string[] {
	return text
		.split(/(?<=[.!?])\s+|\n+/)
		.map((s) => s.trim())
		.filter((s) => s !== '');
}

const words = (sentence: string) => sentence.match(/[\p{L}\p{N}'’-]+/gu) ?? [];

/** Problems to fix before a text is Easy Read, in plain words; none means it passes. */
export function easyReadProblems(text: string): string[] {
	const problems: string[] = [];
	for (const sentence of sentences(text)) {
		const count = words(sentence).length;
		if (count > EASY_READ_SENTENCE_WORDS)
			problems.push(
				`"${sentence}" has ${count} words. Easy Read sentences have ${EASY_READ_SENTENCE_WORDS} words or fewer`
			);
	}
	const explained = (w: string) => easyReadGlossary.some((g) => g.matches.test(w));
	const long = [
		...new Set(words(text).filter((w) => w.replace(/['’-]/g, '').length >= EASY_READ_LONG_WORD))
	].filter((w) => !explained(w));
	if (long.length)
		problems.push(
			`Long words are hard to read: ${long.join(', ')}. Use a shorter word or explain it`
		);
	return problems;
}

export type GlossarySegment = { text: string; glossaryId?: string };

/**
 * Splits text so the first use of each glossary word can link to its meaning. `linkedBefore`:
 * words already linked earlier on the page, which are not linked again.
 */
export function glossarySegments(
	text: string,
	linkedBefore: readonly string[] = []
): GlossarySegment[] {
	let segments: GlossarySegment[] = [{ text }];
	for (const entry of easyReadGlossary) {
		if (linkedBefore.includes(entry.id)) continue;
		const i = segments.findIndex((s) => !s.glossaryId && entry.matches.test(s.text));
		if (i < 0) continue;
		const s = segments[i].text;
		const m = s.match(entry.matches)!;
		const at = m.index!;
		const parts: GlossarySegment[] = [
			{ text: s.slice(0, at) },
			{ text: m[0], glossaryId: entry.id },
			{ text: s.slice(at + m[0].length) }
		].filter((p) => p.text !== '');
		segments = [...segments.slice(0, i), ...parts, ...segments.slice(i + 1)];
	}
	return segments;
}

/** The glossary words a text links, after those linked before it: to pass on to the next text. */
export function glossaryLinked(text: string, linkedBefore: readonly string[] = []): string[] {
	return [
		...linkedBefore,
		...glossarySegments(text, linkedBefore).flatMap((s) => (s.glossaryId ? [s.glossaryId] : []))
	];
}

/** For texts shown in this order on one page: the words linked before each, so each links once. */
export function glossaryLinkedBefore(texts: readonly string[]): string[][] {
	const before: string[][] = [];
	let linked: string[] = [];
	for (const text of texts) {
		before.push(linked);
		linked = glossaryLinked(text, linked);
	}
	return before;
}
