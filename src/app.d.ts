import type { StaffSessionUser } from '$lib/server/auth/types';

declare global {
	namespace App {
		interface Locals {
			/** The signed-in staff member, or null for the public. */
			user: StaffSessionUser | null;
			/** The id of the current auth_session, or null. */
			sessionId: string | null;
			/** When the current session ends if nothing more happens, or null. */
			sessionExpiresAt: Date | null;
		}
		interface Error {
			message: string;
		}
		interface PageData {
			user?: {
				id: number;
				name: string;
				email: string;
				role: import('$lib/server/auth/types').Role;
			} | null;
		}
	}
}

export {};
