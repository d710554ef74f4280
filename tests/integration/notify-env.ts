// Imported first by the Notify tests: starts the stand-in and points this process's settings at
// it before anything reads them (settings are read once).
import { API_KEY, EMAIL_TEMPLATE_ID, SMS_TEMPLATE_ID, startFakeNotify } from './fake-notify';

export const fakeNotify = await startFakeNotify();
export const CALLBACK_TOKEN = 'callback-token-0123456789abcdef';

export const notifyEnv = {
	NOTIFY_API_KEY: API_KEY,
	NOTIFY_BASE_URL: fakeNotify.url,
	NOTIFY_EMAIL_TEMPLATE_ID: EMAIL_TEMPLATE_ID,
	NOTIFY_SMS_TEMPLATE_ID: SMS_TEMPLATE_ID,
	NOTIFY_CALLBACK_TOKEN: CALLBACK_TOKEN,
	PUBLIC_URL: 'https://consult.example.org'
};
Object.assign(process.env, notifyEnv);
