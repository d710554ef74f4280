import { error } from '@sveltejs/kit';
import { UNAVAILABLE_MESSAGE } from '$lib/server/db';

// The hook answers a request the database could not serve (unreachable, or its connection lost
// under the request) with this page, so the 503 is the service's own error page. It reads
// nothing from the database itself.
export const load = () => error(503, UNAVAILABLE_MESSAGE);
