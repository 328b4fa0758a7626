export * from './primitives.ts';
export * from './summary.ts';
export * from './transactions.ts';
export * from './errors.ts';
export * from './demo.ts';
export * from './http.ts';
