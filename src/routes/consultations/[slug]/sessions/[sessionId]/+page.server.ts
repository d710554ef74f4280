import { loadPublicSession } from './session.server';

export const load = ({ params }) => loadPublicSession(params, new Date());
