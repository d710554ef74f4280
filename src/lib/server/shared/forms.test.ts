import { describe, expect, it } from 'vitest';
import { isMalformedForm } from './forms';

const post = (contentType: string, body: string) =>
	new Request('http://localhost/x', {
		method: 'POST',
		headers: { 'content-type': contentType },
		body
	});

describe('malformed form bodies', () => {
	it('spots a multipart body with a bogus boundary, and leaves good bodies readable', async () => {
		expect(await isMalformedForm(post('multipart/form-data; boundary=nope', 'garbage'))).toBe(true);
		expect(await isMalformedForm(post('multipart/form-data', '--x\r\n'))).toBe(true);
		const good = post('application/x-www-form-urlencoded', 'adults=2');
		expect(await isMalformedForm(good)).toBe(false);
		// Later readers (the rate limiter, then the action) get the form parsed here, not a used body.
		const first = await good.formData();
		expect(first.get('adults')).toBe('2');
		expect(await good.formData()).toBe(first);
		const multipart = new Request('http://localhost/x', { method: 'POST', body: new FormData() });
		expect(await isMalformedForm(multipart)).toBe(false);
	});

	it('ignores other methods and content types (JSON endpoints parse their own)', async () => {
		expect(await isMalformedForm(post('application/json', '{'))).toBe(false);
		expect(await isMalformedForm(new Request('http://localhost/x'))).toBe(false);
		// Their bodies are left unread for the endpoint.
		const json = post('application/json', '{"a":1}');
		expect(await isMalformedForm(json)).toBe(false);
		expect(await json.json()).toEqual({ a: 1 });
	});
});
