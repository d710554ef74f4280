/** Count as GOV.UK's character count does: characters by string length, words by runs of non-spaces. */
export function countText(text: string, unit: 'characters' | 'words'): number {
	return unit === 'words' ? (text.match(/\S+/g)?.length ?? 0) : text.length;
}

/** "You have 12 characters remaining", "You have 1 word too many", ... */
export function countMessage(remaining: number, unit: 'characters' | 'words'): string {
	const single = unit === 'words' ? 'word' : 'character';
	const amount = Math.abs(remaining);
	const noun = amount === 1 ? single : `${single}s`;
	if (remaining === 0) return `You have 0 ${single}s remaining`;
	return remaining > 0
		? `You have ${amount} ${noun} remaining`
		: `You have ${amount} ${noun} too many`;
}
