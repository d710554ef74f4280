import { describe, expect, it } from 'vitest';
import { contactLink } from './contact';

describe('contactLink', () => {
	it('shows an email address without mailto or a subject', () => {
		expect(contactLink('mailto:send.consultation@example.org?subject=Feedback')).toEqual({
			href: 'mailto:send.consultation@example.org?subject=Feedback',
			text: 'send.consultation@example.org',
			isEmail: true
		});
	});

	it('shows a web address without its scheme', () => {
		expect(contactLink('https://example.org/contact').text).toBe('example.org/contact');
	});
});
