// The production server: adapter-node's handler (static files, then SvelteKit) behind a plain
// node:http server that gives every response the security headers first. adapter-node serves
// the files in build/client (favicon, /_app/immutable/...) before any SvelteKit hook runs, so
// without this they would go out without nosniff or X-Frame-Options. A page's own headers,
// set by the hook, still win.
import http from 'node:http';
import { handler } from '../build/handler.js';
import { HSTS, SECURITY_HEADERS } from '../src/lib/securityHeaders.js';

const host = process.env.HOST || '0.0.0.0';
const port = Number(process.env.PORT || 3000);
const https = (process.env.ORIGIN ?? '').startsWith('https:');

const server = http.createServer((req, res) => {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
	if (https) res.setHeader('Strict-Transport-Security', HSTS);
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
});

server.listen(port, host, () => console.log(`Listening on http://${host}:${port}`));

// Finish the requests in hand, then stop (a cluster worker is stopped by disconnecting instead).
for (const signal of ['SIGINT', 'SIGTERM'])
	process.on(signal, () => {
		server.closeIdleConnections();
		server.close(() => process.exit(0));
		setTimeout(() => server.closeAllConnections(), 30_000).unref();
	});
