import adapter from '@sveltejs/adapter-node';

// Vite's dev server injects <style> tags; production CSS is always external files.
const dev = process.argv.includes('dev');

/** @type {import('@sveltejs/kit').Config} */
const config = {
	kit: {
		adapter: adapter({ out: 'build' }),
		// Root-relative asset addresses: the "too many requests" page is rendered by its own route
		// but shown at the refused form's address, where "./_app/..." would point nowhere.
		paths: { relative: false },
		// SvelteKit's origin check stays on: form posts must come from ORIGIN.
		csrf: { trustedOrigins: [] },
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': dev ? ['self', 'unsafe-inline'] : ['self'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
