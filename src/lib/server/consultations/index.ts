export * from './status';
export * from './validation';
export * from './queries';
export * from './manage';
export * from './lifecycle';
