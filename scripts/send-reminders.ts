// Sends the roadshow reminders now due, for cron: npm run reminders:send
// Safe alongside the server's own 10-minute job: each booking's reminder is claimed once.
import { closeDatabase, openConfiguredDatabase } from '../src/lib/server/db';
import { sendDueReminders } from '../src/lib/server/roadshow/emails';

const db = await openConfiguredDatabase();
const sent = await sendDueReminders(db);
console.log(`Reminders sent: ${sent}`);
await closeDatabase(db);
