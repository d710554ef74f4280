import { contactSchema } from '$lib/server/roadshow/validation';
import { saveDetails } from '../changeDetails.server';

export const actions = {
	default: (event) => saveDetails(event, contactSchema)
};
