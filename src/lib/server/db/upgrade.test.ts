// Upgrading a database in use: migrations that rebuild tables (to add CHECKs and foreign keys)
// must keep every row, including the rows that refer to a rebuilt table.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '.';

// The last migration before the integrity constraints: what a council running the service has.
const BEFORE = '0009_priority_easy_read_title';
const dir = mkdtempSync(join(tmpdir(), 'upgrade-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function databaseAt(tag: string, path: string): Database.Database {
	const folder = join(dir, 'migrations');
	cpSync('drizzle/sqlite', folder, { recursive: true });
	const journalPath = join(folder, 'meta', '_journal.json');
	const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
	const last = journal.entries.findIndex((e: { tag: string }) => e.tag === tag);
	expect(last).toBeGreaterThan(0);
	journal.entries = journal.entries.slice(0, last + 1);
	writeFileSync(journalPath, JSON.stringify(journal));
	const sqlite = new Database(path);
	sqlite.pragma('foreign_keys = ON');
	migrate(drizzle(sqlite), { migrationsFolder: folder });
	return sqlite;
}

const count = (db: Database.Database, table: string) =>
	(db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('upgrading a database with data in it', () => {
	it('keeps every row, and every reference, through the table rebuilds', () => {
		const path = join(dir, 'live.db');
		const old = databaseAt(BEFORE, path);
		const t = Date.UTC(2026, 5, 1);
		old.exec(`
			INSERT INTO staff_user (id, email, name, role, password_hash, created_at, updated_at)
				VALUES (1, 'lead@example.org', 'Lead', 'lead', 'x', ${t}, ${t});
			INSERT INTO consultation (id, slug, title, summary, contact_email, opens_on, closes_on, published_at, created_at, updated_at)
				VALUES (1, 'send', 'SEND', '', 'send@example.org', '2026-05-01', '2026-07-31', ${t}, ${t}, ${t});
			INSERT INTO priority (id, consultation_id, position, title) VALUES (1, 1, 1, 'One'), (2, 1, 2, 'Two');
			INSERT INTO roadshow_session (id, consultation_id, title, starts_at, capacity, booking_closes_at, created_at, updated_at)
				VALUES (1, 1, 'Drop-in', ${t + 864e6}, 10, ${t + 860e6}, ${t}, ${t});
			INSERT INTO booking (id, roadshow_session_id, reference, manage_token_hash, idempotency_key, status, adults, children, booked_by, contact_name, email, created_at, updated_at)
				VALUES (1, 1, 'AAAA-BBBB', 'h1', 'k1', 'confirmed', 1, 2, 'family', 'Sam', 'sam@example.com', ${t}, ${t});
			INSERT INTO email_outbox (id, to_address, subject, text_body, template, booking_id, created_at, transport, status)
				VALUES (1, 'sam@example.com', 'Booked', 'Hello', 'booking_confirmed', 1, ${t}, 'outbox', 'kept');
			INSERT INTO questionnaire (id, consultation_id, audience, created_at, updated_at) VALUES (1, 1, 'parents_carers', ${t}, ${t});
			INSERT INTO questionnaire_version (id, questionnaire_id, number, status, title, created_at) VALUES (1, 1, 1, 'published', 'Q', ${t});
			INSERT INTO question (id, version_id, position, key, kind, text) VALUES (1, 1, 1, 'why', 'text', 'Why?');
			INSERT INTO question_priority (question_id, priority_id) VALUES (1, 1);
			INSERT INTO response (id, questionnaire_id, version_id, consultation_id, audience, channel, status, started_at, last_saved_at, submitted_at, roadshow_session_id)
				VALUES (1, 1, 1, 1, 'parents_carers', 'roadshow', 'submitted', ${t}, ${t}, ${t}, 1);
			INSERT INTO answer (id, response_id, question_id, text_value) VALUES (1, 1, 1, 'Waiting lists');
			INSERT INTO response_contact (id, response_id, email, created_at, updated_at) VALUES (1, 1, 'a@example.com', ${t}, ${t});
			INSERT INTO roadshow_note (id, consultation_id, roadshow_session_id, audience, note, created_at) VALUES (1, 1, 1, 'parents_carers', 'Said', ${t});
			INSERT INTO roadshow_note_priority (note_id, priority_id) VALUES (1, 2);
			INSERT INTO theme (id, consultation_id, name, created_at) VALUES (1, 1, 'Waiting', ${t});
			INSERT INTO comment_theme (consultation_id, answer_id, theme_id, tagged_at) VALUES (1, 1, 1, ${t});
			INSERT INTO comment_theme (consultation_id, roadshow_note_id, theme_id, tagged_at) VALUES (1, 1, 1, ${t});
			INSERT INTO comment_priority (consultation_id, answer_id, priority_id) VALUES (1, 1, 2);
			INSERT INTO priority_said_did (consultation_id, priority_id, updated_at) VALUES (1, 1, ${t});
		`);
		const tables = (
			old
				.prepare(
					`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%drizzle%' AND name NOT LIKE 'sqlite_%'`
				)
				.all() as Array<{ name: string }>
		).map((r) => r.name);
		const before = Object.fromEntries(tables.map((name) => [name, count(old, name)]));
		old.close();

		const upgraded = openDatabase(path);
		const after = Object.fromEntries(tables.map((name) => [name, count(upgraded.$client, name)]));
		expect(after).toEqual(before);
		expect(upgraded.$client.prepare('SELECT booking_id FROM email_outbox').get()).toEqual({
			booking_id: 1
		});
		// The booking's one manage link moved into its own table, still working, for a year.
		expect(
			upgraded.$client
				.prepare('SELECT booking_id, token_hash, expires_at FROM booking_manage_link')
				.all()
		).toEqual([{ booking_id: 1, token_hash: 'h1', expires_at: t + 365 * 86_400_000 }]);
		expect(upgraded.$client.pragma('foreign_key_check')).toEqual([]);
		expect(upgraded.$client.pragma('foreign_keys', { simple: true })).toBe(1);
		upgraded.$client.close();
	});

	it('mends a party of 0 adults, keeping its places, and refuses rows it cannot mend', () => {
		const seed = (path: string, second: string) => {
			const old = databaseAt(BEFORE, path);
			const t = Date.UTC(2026, 5, 1);
			old.exec(`
				INSERT INTO consultation (id, slug, title, summary, contact_email, opens_on, closes_on, published_at, created_at, updated_at)
					VALUES (1, 'send', 'SEND', '', 'send@example.org', '2026-05-01', '2026-07-31', ${t}, ${t}, ${t});
				INSERT INTO priority (consultation_id, position, title) VALUES (1, 1, 'First'), (1, ${second}, 'Second');
				INSERT INTO roadshow_session (id, consultation_id, title, starts_at, capacity, booking_closes_at, created_at, updated_at)
					VALUES (1, 1, 'Drop-in', ${t + 864e6}, 10, ${t + 860e6}, ${t}, ${t});
				INSERT INTO booking (id, roadshow_session_id, reference, manage_token_hash, idempotency_key, status, adults, children, booked_by, contact_name, email, created_at, updated_at)
					VALUES (1, 1, 'AAAA-BBBB', 'h1', 'k1', 'confirmed', 0, 3, 'family', 'Sam', 'sam@example.com', ${t}, ${t});
			`);
			old.close();
		};
		const mended = join(dir, 'mended.db');
		seed(mended, '2');
		openDatabase(mended).$client.close();
		const after = new Database(mended);
		expect(after.prepare('SELECT adults, children FROM booking').get()).toEqual({
			adults: 1,
			children: 2
		});
		after.close();

		// Two priorities numbered 1 cannot be put right without a person: the upgrade stops.
		const broken = join(dir, 'broken.db');
		seed(broken, '1');
		const refused = (() => {
			try {
				openDatabase(broken);
			} catch (err) {
				return `${err}\n${(err as Error).cause}`;
			}
		})();
		expect(refused).toMatch(
			/UNIQUE constraint failed: priority\.consultation_id, priority\.position/
		);
		// Nothing was half-migrated: the booking is still there as it was.
		const still = new Database(broken);
		expect(still.prepare('SELECT adults, children FROM booking').get()).toEqual({
			adults: 0,
			children: 3
		});
		still.close();
	});
});
