import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
	it('renders headings, lists and links with GOV.UK classes', () => {
		const html = renderMarkdown('# Our plan\n\n- one\n- two\n\n[Read more](https://example.org)');
		expect(html).toContain('<h2 class="govuk-heading-l">Our plan</h2>');
		expect(html).toContain('<ul class="govuk-list govuk-list--bullet">');
		expect(html).toContain('<a href="https://example.org" class="govuk-link">Read more</a>');
	});

	it('never passes raw HTML or script links through', () => {
		const html = renderMarkdown(
			'<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))'
		);
		expect(html).not.toContain('<script');
		expect(html).not.toContain('<img');
		expect(html).toContain('&lt;script&gt;');
		expect(html).not.toContain('href="javascript:');
	});
});
