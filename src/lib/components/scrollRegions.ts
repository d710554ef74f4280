// Reflow (WCAG 1.4.10): on a narrow screen a wide table scrolls inside itself, not the page. A
// table that really scrolls takes focus, so keyboard users can scroll it too; it keeps its table
// role, and its caption names it.
export function makeScrollingTablesFocusable(root: ParentNode = document): void {
	for (const table of root.querySelectorAll<HTMLTableElement>('table.govuk-table')) {
		const scrolls = table.scrollWidth > table.clientWidth + 1;
		if (scrolls && !table.hasAttribute('tabindex')) {
			table.setAttribute('tabindex', '0');
			table.dataset.scrolls = 'true';
		} else if (!scrolls && table.dataset.scrolls) {
			table.removeAttribute('tabindex');
			delete table.dataset.scrolls;
		}
	}
}
