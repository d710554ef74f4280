// The app's logger. Personal data and secrets are redacted wherever they appear in a log object.
import { pino } from 'pino';
import { getConfig } from './config';

const secretKeys = [
	'password',
	'currentPassword',
	'newPassword',
	'confirmPassword',
	'token',
	'email',
	'cookie',
	'authorization'
];

export const log = pino({
	level: process.env.VITEST ? 'silent' : getConfig().LOG_LEVEL,
	redact: {
		paths: [
			...secretKeys,
			...secretKeys.map((k) => `*.${k}`),
			'req.headers.cookie',
			'req.headers.authorization'
		],
		censor: '[redacted]'
	}
});
