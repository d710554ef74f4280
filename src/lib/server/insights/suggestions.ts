// Suggested themes from simple keyword rules the lead edits. A suggestion is only ever a hint:
// it becomes a tag when a person accepts it.

export type KeywordTheme = { id: number; keywords: string };
export type ThemeSuggestion = { themeId: number; keyword: string };

/** "Waiting list, waits\nwait" → ['waiting list', 'waits', 'wait']: trimmed, lower case, no repeats. */
export function parseKeywords(raw: string): string[] {
	const seen = new Set<string>();
	for (const part of raw.split(/[,\n;]/)) {
		const keyword = part.trim().replace(/\s+/g, ' ').toLowerCase();
		if (keyword) seen.add(keyword);
	}
	return [...seen];
}

/** Light stemming so a keyword matches its plural: "buses" → "bus", "parties" → "party", "waits" → "wait". */
export function stem(word: string): string {
	let w = word.replace(/['’]s$/, '');
	if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
	if (w.length > 3 && /(s|x|z|ch|sh)es$/.test(w)) return w.slice(0, -2);
	if (w.length > 3 && w.endsWith('s') && !/(ss|us)$/.test(w)) w = w.slice(0, -1);
	return w;
}

function words(text: string): string[] {
	return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? []).map(stem);
}

function containsPhrase(haystack: readonly string[], phrase: readonly string[]): boolean {
	if (phrase.length === 0) return false;
	outer: for (let i = 0; i + phrase.length <= haystack.length; i++) {
		for (let j = 0; j < phrase.length; j++) if (haystack[i + j] !== phrase[j]) continue outer;
		return true;
	}
	return false;
}

/**
 * Themes whose keywords appear in the text as whole words or phrases (case-insensitive, plurals
 * matching singulars), each with the first keyword that matched, in the themes' order.
 */
export function suggestThemes(text: string, themes: readonly KeywordTheme[]): ThemeSuggestion[] {
	const textWords = words(text);
	const suggestions: ThemeSuggestion[] = [];
	for (const theme of themes) {
		const keyword = parseKeywords(theme.keywords).find((k) => containsPhrase(textWords, words(k)));
		if (keyword) suggestions.push({ themeId: theme.id, keyword });
	}
	return suggestions;
}
