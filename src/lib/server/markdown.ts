// Staff write strategy text as Markdown. Raw HTML is never passed through (html: false), and
// markdown-it's link validation drops javascript:, vbscript: and data: URLs.
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: true, typographer: true });

const classes: Record<string, string> = {
	heading_open: '',
	paragraph_open: 'govuk-body',
	bullet_list_open: 'govuk-list govuk-list--bullet',
	ordered_list_open: 'govuk-list govuk-list--number',
	link_open: 'govuk-link',
	table_open: 'govuk-table',
	blockquote_open: 'govuk-inset-text'
};

const headingClass: Record<string, string> = {
	h1: 'govuk-heading-l',
	h2: 'govuk-heading-l',
	h3: 'govuk-heading-m',
	h4: 'govuk-heading-s',
	h5: 'govuk-heading-s',
	h6: 'govuk-heading-s'
};

md.core.ruler.push('govuk_classes', (state) => {
	const walk = (tokens: typeof state.tokens) => {
		for (const token of tokens) {
			if (token.type === 'heading_open') {
				// The page owns its h1: strategy headings start at h2.
				if (token.tag === 'h1') token.tag = 'h2';
				token.attrJoin('class', headingClass[token.tag]);
			} else if (token.type === 'heading_close' && token.tag === 'h1') {
				token.tag = 'h2';
			} else if (classes[token.type]) {
				token.attrJoin('class', classes[token.type]);
			}
			if (token.children) walk(token.children);
		}
	};
	walk(state.tokens);
});

/** Safe HTML for `{@html}`: only what Markdown itself produces. */
export function renderMarkdown(source: string): string {
	return md.render(source);
}
