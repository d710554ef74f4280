import { defineConfig } from 'drizzle-kit';

// The PostgreSQL twin of drizzle.sqlite.config.ts. `generate` needs no database; the URL is only
// for drizzle-kit's other commands.
export default defineConfig({
	dialect: 'postgresql',
	schema: './src/lib/server/db/schema-pg/index.ts',
	out: './drizzle/pg',
	dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/coproduce' }
});
