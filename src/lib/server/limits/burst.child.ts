// For index.test.ts: one server process's share of a burst. Opens the database file it is given,
// says "ready", and on "go" counts its requests all at once, printing how many were accepted.
import { createInterface } from 'node:readline';
import { openDatabase } from '../db';
import { consumeLimits, LIMITS } from './index';

const [path, count, points] = process.argv.slice(2);
const db = openDatabase(path);
const limits = {
	...LIMITS,
	link_request_address: { ...LIMITS.link_request_address, points: Number(points) }
};
const checks = [{ limit: 'link_request_address' as const, key: '203.0.113.9' }];
console.log('ready');
createInterface({ input: process.stdin }).once('line', () => void burst());
async function burst() {
	const outcomes = await Promise.all(
		Array.from({ length: Number(count) }, () =>
			consumeLimits(db, checks, { ip: '203.0.113.9' }, limits)
		)
	);
	console.log(`accepted ${outcomes.filter((o) => o.ok).length}`);
	db.$client.close();
	process.exit(0);
}
