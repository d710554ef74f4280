import { error } from '@sveltejs/kit';
import { FORM_NOT_READ } from '$lib/server/shared/forms';

// The hook answers a posted form it cannot read with this page, so the 400 is the service's own
// error page (header, plain English, a way on) rather than the bare fallback.
export const load = () => error(400, FORM_NOT_READ);
