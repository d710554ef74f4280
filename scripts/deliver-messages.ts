// Sends messages due a retry and, with GOV.UK Notify, polls delivery statuses, for cron:
// npm run messages:deliver. Safe alongside the server's own job: each message is claimed once.
import { getConfig } from '../src/lib/server/config';
import { closeDatabase, openConfiguredDatabase } from '../src/lib/server/db';
import { deliverPending, pollDeliveryStatus } from '../src/lib/server/notify';

const db = await openConfiguredDatabase();
const sent = await deliverPending(db);
const polled = getConfig().NOTIFY_API_KEY ? await pollDeliveryStatus(db) : 0;
console.log(`Messages sent: ${sent}\nDelivery statuses read: ${polled}`);
await closeDatabase(db);
