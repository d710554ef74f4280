import { ACCESS_NEED_LABELS, accessNeedsSchema } from '$lib/server/roadshow/validation';
import { backHref, saveStep } from '../../journey.server';

// The same wording as the register and the emails, from one list.
const needs = (
	['bsl', 'wheelchair', 'hearing_loop', 'quiet_space', 'reading_help', 'other'] as const
).map((value) => ({
	value,
	text: ACCESS_NEED_LABELS[value]
}));

export const load = ({ params, url }) => ({
	backHref: backHref(params, 'access-needs', url),
	needs,
	noneText: ACCESS_NEED_LABELS.none
});

export const actions = {
	default: (event) => saveStep(event, 'access-needs', accessNeedsSchema)
};
