// Signing in and changing one's own password.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { type Db, withWriteTransaction, firstRow } from '../db';
import { staffUser } from '../db/schema';
import { recordAudit } from '../audit';
import type { FieldErrors } from '../shared/forms';
import { checkPasswordRules, hashPassword, verifyPassword } from './password';
import {
	createSession,
	invalidateSessionToken,
	invalidateUserSessions,
	type Session
} from './session';
import { recordSignInSuccess, reserveSignInAttempt } from './throttle';
import { findByEmail, normaliseEmail, toSessionUser } from './users';
import type { StaffSessionUser } from './types';

/** One message for a wrong email, a wrong password and a disabled account, so none can be told apart. */
export const SIGN_IN_FAILED = 'The email address or password is not correct';
export const SIGN_IN_THROTTLED =
	'You have tried to sign in too many times. Wait 15 minutes and try again.';

// A hash of a random secret with the same settings, verified when the email is unknown so that
// a wrong email takes as long as a wrong password.
const DUMMY_HASH =
	'$argon2id$v=19$m=19456,t=2,p=1$QsZdeDbMqo7Da7ijeEY5Qw$Zvg23vX/Fl5VvcBRfBknnGK0RMQ7XTEzAmQ6oovD+vE';

export const signInSchema = z.object({
	email: z
		.string({ error: 'Enter your email address' })
		.trim()
		.min(1, 'Enter your email address')
		.max(254, 'Email address must be 254 characters or fewer')
		.pipe(z.email('Enter an email address in the correct format, like name@example.com')),
	password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password')
});

export type SignInResult =
	| { ok: true; user: StaffSessionUser; token: string; session: Session }
	| { ok: false; reason: 'invalid' | 'throttled' };

export async function signIn(
	db: Db,
	input: { email: string; password: string; ip: string; now?: Date; previousToken?: string }
): Promise<SignInResult> {
	const now = input.now ?? new Date();
	const email = normaliseEmail(input.email);
	const { ip } = input;
	const user = await findByEmail(db, email);
	const subject = user ? { subjectType: 'staff_user', subjectId: user.id } : {};
	const who = user ? `${user.name} (${user.email})` : 'an email address with no account';

	if (!(await reserveSignInAttempt(db, email, ip, now)).allowed) {
		await recordAudit(
			db,
			{
				action: 'sign_in.throttled',
				...subject,
				summary: `Sign-in refused after too many attempts for ${who}`,
				ip
			},
			now
		);
		return { ok: false, reason: 'throttled' };
	}

	const passwordCorrect = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
	if (!user || !passwordCorrect || user.disabledAt) {
		const why = !user ? '' : !passwordCorrect ? ': wrong password' : ': the account is disabled';
		await recordAudit(
			db,
			{ action: 'sign_in.failed', ...subject, summary: `Failed sign-in for ${who}${why}`, ip },
			now
		);
		return { ok: false, reason: 'invalid' };
	}

	await recordSignInSuccess(db, email, ip);
	// Always a fresh token: a token planted in the browser before sign-in must not become signed in.
	await invalidateSessionToken(db, input.previousToken);
	const { token, session } = await createSession(db, user.id, now);
	await recordAudit(
		db,
		{
			actorStaffUserId: user.id,
			action: 'sign_in.succeeded',
			subjectType: 'staff_user',
			subjectId: user.id,
			summary: `${user.name} signed in`,
			ip
		},
		now
	);
	return { ok: true, user: toSessionUser(user), token, session };
}

export async function recordSignOut(
	db: Db,
	user: StaffSessionUser,
	ip: string,
	now = new Date()
): Promise<void> {
	await recordAudit(
		db,
		{
			actorStaffUserId: user.id,
			action: 'sign_out',
			subjectType: 'staff_user',
			subjectId: user.id,
			summary: `${user.name} signed out`,
			ip
		},
		now
	);
}

export const changePasswordSchema = z
	.object({
		currentPassword: z
			.string({ error: 'Enter your current password' })
			.min(1, 'Enter your current password'),
		newPassword: z.string({ error: 'Enter a new password' }).min(1, 'Enter a new password'),
		confirmPassword: z
			.string({ error: 'Enter your new password again' })
			.min(1, 'Enter your new password again')
	})
	.refine(
		(v) => v.newPassword === '' || v.confirmPassword === '' || v.newPassword === v.confirmPassword,
		{
			message: 'The passwords do not match. Enter the same new password twice',
			path: ['confirmPassword']
		}
	);
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export type ChangePasswordResult =
	{ ok: true; token: string; session: Session } | { ok: false; errors: FieldErrors };

/**
 * Checks the current password and the rules, then ends ALL the person's sessions (anyone else
 * using their account is signed out) and returns a new session for the browser that made the change.
 */
export async function changePassword(
	db: Db,
	userId: number,
	input: Pick<ChangePasswordInput, 'currentPassword' | 'newPassword'>,
	context: { ip: string; now?: Date }
): Promise<ChangePasswordResult> {
	const now = context.now ?? new Date();
	const user = firstRow(await db.select().from(staffUser).where(eq(staffUser.id, userId)).limit(1));
	if (!user || user.disabledAt)
		return { ok: false, errors: { currentPassword: 'Your account is not active' } };

	// Wrong current passwords count like failed sign-ins, so a left-open session cannot be used to guess.
	if (!(await reserveSignInAttempt(db, user.email, context.ip, now)).allowed) {
		return { ok: false, errors: { currentPassword: SIGN_IN_THROTTLED } };
	}
	const errors: FieldErrors = {};
	if (await verifyPassword(user.passwordHash, input.currentPassword)) {
		await recordSignInSuccess(db, user.email, context.ip);
	} else {
		errors.currentPassword = 'Your current password is not correct';
	}
	const ruleError =
		checkPasswordRules(input.newPassword, { email: user.email, name: user.name }) ??
		(input.newPassword === input.currentPassword
			? 'Your new password must be different from your current password'
			: null);
	if (ruleError) errors.newPassword = ruleError;
	if (Object.keys(errors).length > 0) return { ok: false, errors };

	const passwordHash = await hashPassword(input.newPassword);
	return await withWriteTransaction(db, async (tx) => {
		await tx
			.update(staffUser)
			.set({ passwordHash, mustChangePassword: false, updatedAt: now })
			.where(eq(staffUser.id, userId));
		await invalidateUserSessions(tx, userId);
		const { token, session } = await createSession(tx, userId, now);
		await recordAudit(
			tx,
			{
				actorStaffUserId: userId,
				action: 'password.changed',
				subjectType: 'staff_user',
				subjectId: userId,
				summary: `${user.name} changed their password`,
				ip: context.ip
			},
			now
		);
		return { ok: true as const, token, session };
	});
}
