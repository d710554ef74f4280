// The auth module: sessions, passwords, throttling, access rules and staff accounts.
export * from './access';
export * from './password';
export * from './session';
export * from './signIn';
export * from './throttle';
export * from './users';
export type * from './types';
