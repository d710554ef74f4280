/** Join element ids for aria-describedby, or undefined when there are none. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
	const joined = ids.filter(Boolean).join(' ');
	return joined || undefined;
}

/**
 * Move focus to an element that is not normally focusable, as GOV.UK Frontend does:
 * give it tabindex="-1" only while it has focus.
 */
export function setFocus(element: HTMLElement): void {
	if (!element.hasAttribute('tabindex')) {
		element.setAttribute('tabindex', '-1');
		element.addEventListener('blur', () => element.removeAttribute('tabindex'), { once: true });
	}
	element.focus();
}
