// The security headers every response carries. Plain JavaScript so that both the SvelteKit hook
// (pages, redirects, errors) and scripts/server.mjs (static files, which never reach the hook)
// use this one list.

/** @type {Readonly<Record<string, string>>} */
export const SECURITY_HEADERS = Object.freeze({
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'same-origin',
	'X-Frame-Options': 'DENY',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=()'
});

/** Only over HTTPS: a browser told this over plain HTTP would ignore it anyway. */
export const HSTS = 'max-age=31536000; includeSubDomains';
