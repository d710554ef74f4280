// rate-limiter-flexible's SQLite store with its upsert prepared once per limiter. The library
// prepares the statement and builds a better-sqlite3 transaction wrapper on every count (about a
// tenth of a request's CPU); one INSERT … ON CONFLICT … RETURNING is atomic in SQLite by itself,
// so the same SQL, prepared once, counts exactly as before, across connections and processes too.
// The override replaces a private method: package.json pins the library to the version it was
// copied from, and store.test.ts fails if that pin or the installed version moves.
import { RateLimiterSQLite } from 'rate-limiter-flexible';
import type Database from 'better-sqlite3';

type Counter = { points: number; expire: number | null };
type Options = ConstructorParameters<typeof RateLimiterSQLite>[0] & {
	storeClient: Database.Database;
	tableName: string;
	tableCreated: true;
};

export class PreparedRateLimiterSQLite extends RateLimiterSQLite {
	readonly #add: Database.Statement<[string, number, number | null, number, number], Counter>;
	readonly #replace: Database.Statement<[string, number, number | null], Counter>;

	constructor(opts: Options) {
		super(opts);
		const table = opts.tableName;
		// The library's two statements, word for word (lib/RateLimiterSQLite.js, _upsertTransaction).
		this.#add = opts.storeClient.prepare(
			`INSERT INTO ${table} (key, points, expire) VALUES (?, ?, ?)
			 ON CONFLICT(key) DO UPDATE SET
			   points = CASE WHEN expire IS NULL OR expire > ? THEN points + excluded.points ELSE excluded.points END,
			   expire = CASE WHEN expire IS NULL OR expire > ? THEN expire ELSE excluded.expire END
			 RETURNING points, expire`
		);
		this.#replace = opts.storeClient.prepare(
			`INSERT OR REPLACE INTO ${table} (key, points, expire) VALUES (?, ?, ?) RETURNING points, expire`
		);
	}

	/** Every count, block and penalty of the store comes through here (RateLimiterSQLite._upsert). */
	async _upsertTransaction(
		rlKey: string,
		points: number,
		msDuration: number,
		forceExpire: boolean
	): Promise<Counter> {
		const now = Date.now();
		const expire = msDuration > 0 ? now + msDuration : null;
		return forceExpire
			? this.#replace.get(rlKey, points, expire)!
			: this.#add.get(rlKey, points, expire, now, now)!;
	}
}
