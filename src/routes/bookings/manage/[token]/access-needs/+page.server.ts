import {
	ACCESS_NEED_LABELS,
	accessErrorsForBooker,
	accessNeedChoices,
	accessNeedsSchema
} from '$lib/server/roadshow/validation';
import { saveDetails } from '../changeDetails.server';

export const load = () => ({ needs: accessNeedChoices, noneText: ACCESS_NEED_LABELS.none });

export const actions = {
	default: (event) => saveDetails(event, accessNeedsSchema, accessErrorsForBooker)
};
