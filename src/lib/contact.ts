/** The council's contact link from its feedback address: an email address is shown as itself. */
export function contactLink(feedbackUrl: string): { href: string; text: string; isEmail: boolean } {
	if (feedbackUrl.startsWith('mailto:')) {
		const email = decodeURIComponent(feedbackUrl.slice('mailto:'.length).split('?')[0]);
		return { href: feedbackUrl, text: email, isEmail: true };
	}
	return { href: feedbackUrl, text: feedbackUrl.replace(/^https?:\/\//, ''), isEmail: false };
}
