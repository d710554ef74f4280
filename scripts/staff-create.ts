// Creates a staff account from the command line, e.g. the first admin of a new installation:
//   npm run staff:create -- --email jo@council.gov.uk --role admin --name "Jo Murphy"
import { parseArgs } from 'node:util';
import { closeDatabase, openConfiguredDatabase } from '../src/lib/server/db';
import { createStaffUser } from '../src/lib/server/auth/users';

const usage =
	'Usage: npm run staff:create -- --email name@example.org --role admin|lead|facilitator [--name "Full name"]';

function fail(message: string): never {
	console.error(`${message}\n${usage}`);
	process.exit(1);
}

async function main(): Promise<void> {
	let options: { email?: string; role?: string; name?: string };
	try {
		({ values: options } = parseArgs({
			options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
			strict: true
		}));
	} catch (e) {
		fail(e instanceof Error ? e.message : String(e));
	}
	if (!options.email) fail('Give an email address with --email');
	if (!options.role) fail('Give a role with --role');
	// Without --name, the part of the email address before the @ will do until they change it.
	const name = options.name ?? options.email.split('@')[0];

	const db = await openConfiguredDatabase();
	const result = await createStaffUser(
		db,
		{ name, email: options.email, role: options.role },
		null
	);
	await closeDatabase(db);
	if (!result.ok) {
		const { role, ...others } = result.errors;
		const messages = Object.values(others);
		if (role) messages.push('--role must be admin, lead or facilitator');
		fail(messages.join('\n'));
	}
	console.log(
		[
			`Created a staff account for ${result.user.name} <${result.user.email}> with the role ${result.user.role}.`,
			`Temporary password: ${result.oneTimePassword}`,
			'It must be changed at first sign-in (/staff/sign-in). It is not shown again.'
		].join('\n')
	);
}

await main();
