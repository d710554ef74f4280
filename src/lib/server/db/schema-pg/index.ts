// The PostgreSQL twin of ../schema: the same tables, columns, keys and checks (schemaParity.test.ts
// compares them). drizzle-kit reads them all through this index (scripts/drizzle.pg.config.ts).
export * from './auth';
export * from './audit';
export * from './consultations';
export * from './roadshow';
export * from './notify';
export * from './questionnaires';
export * from './insights';
export * from './pageFeedback';
export * from './coreConsultations';
export * from './liaison';
export * from './limits';
