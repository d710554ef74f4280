import { loadPublicSession } from './session.server';

export const load = async ({ params }) => await loadPublicSession(params, new Date());
