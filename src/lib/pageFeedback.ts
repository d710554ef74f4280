// Which pages carry "Was this page helpful?", and the path an answer is filed under. Shared by the
// layout (browser and server) and the server that stores answers.

/** Route parameters that hold someone's secret link: never stored with an answer. */
const SECRET_PARAMS = ['token', 'draftId'];

export const SECRET_SEGMENT = '[link]';

/** Public pages only: not staff pages, and not the feedback pages themselves. */
export function showsPageFeedback(pathname: string): boolean {
	return !/^\/(staff|page-feedback)(\/|$)/.test(pathname);
}

/** The page's path with secret-link segments replaced, so an answer never carries a link. */
export function feedbackPath(pathname: string, params: Record<string, string | undefined>): string {
	let path = pathname;
	for (const name of SECRET_PARAMS) {
		const value = params[name];
		if (value)
			path = path
				.split('/')
				.map((s) => (s === value ? SECRET_SEGMENT : s))
				.join('/');
	}
	return path;
}
