// Sends the roadshow reminders now due, for cron: npm run reminders:send
// Safe alongside the server's own 10-minute job: each booking's reminder is claimed once.
import { getConfig } from '../src/lib/server/config';
import { closeDatabase, openDatabase } from '../src/lib/server/db';
import { sendDueReminders } from '../src/lib/server/roadshow/emails';

const db = openDatabase(getConfig().DATABASE_PATH);
const sent = await sendDueReminders(db);
console.log(`Reminders sent: ${sent}`);
await closeDatabase(db);
