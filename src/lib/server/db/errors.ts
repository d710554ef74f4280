// Telling database failures apart, without loading either driver: the codes PostgreSQL and the
// network give, through drizzle's wrapping (DrizzleQueryError keeps the driver's error on cause).

/** The first string `code` on an error or its causes: a SQLSTATE, or a Node network error code. */
export function sqlState(error: unknown): string | undefined {
	for (let e = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
		const code = (e as { code?: unknown }).code;
		if (typeof code === 'string') return code;
	}
	return undefined;
}

/** The network failing under a connection: refused, reset, timed out, cut. */
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);
/** PostgreSQL shutting down or starting up: admin_shutdown, crash_shutdown, cannot_connect_now. */
const SERVER_GOING = new Set(['57P01', '57P02', '57P03']);
/**
 * pg's own errors carry no code, only these words: a connection that ends under a query, and the
 * pool's wait for a free connection running out (every connection busy: the server is overloaded
 * rather than broken, and the same 503 with Retry-After is the honest answer).
 */
const CONNECTION_ENDED =
	/Connection terminated|connection timeout|Client has encountered a connection error|timeout exceeded when trying to connect/i;

/**
 * Whether the database could not be reached, or its connection was lost, rather than refusing
 * the query: the request may be tried again once it is back (503), and nothing half-done was
 * kept, since a transaction whose connection ends is undone.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
	const code = sqlState(error);
	if (code && (code.startsWith('08') || SERVER_GOING.has(code) || NETWORK.has(code))) return true;
	for (let e = error; e instanceof Error; e = (e as { cause?: unknown }).cause)
		if (CONNECTION_ENDED.test(e.message)) return true;
	return false;
}

/** What people are told when the database is out of reach: the 503 page's title. */
export const UNAVAILABLE_MESSAGE = 'Sorry, the service is unavailable';
