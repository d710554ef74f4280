// The words "Read this page aloud" speaks: the question, its caption and hint, and each answer's
// label, in page order. Counts for screen readers, error prefixes and hidden text are left out.
const READ =
	'h1, .govuk-caption-l, .govuk-caption-m, .govuk-body, .govuk-hint, .govuk-error-message, .govuk-radios__label, .govuk-checkboxes__label';
const SKIP = '.govuk-visually-hidden, .govuk-character-count__message, [aria-hidden="true"]';

export function textToRead(root: ParentNode): string[] {
	return [...root.querySelectorAll<HTMLElement>(READ)]
		.filter((el) => !el.matches(SKIP) && !el.closest(SKIP) && !el.parentElement?.closest(READ))
		.map((el) => {
			const copy = el.cloneNode(true) as HTMLElement;
			copy.querySelectorAll(SKIP).forEach((hidden) => hidden.remove());
			return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
		})
		.filter((text) => text !== '');
}
