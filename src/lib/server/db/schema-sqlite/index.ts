// One file per domain; drizzle-kit reads them all through this index.
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
