export type Role = 'admin' | 'lead' | 'facilitator' | 'liaison';

/** What the rest of the app may know about the signed-in staff member. */
export type StaffSessionUser = {
	id: number;
	email: string;
	name: string;
	role: Role;
	mustChangePassword: boolean;
};
