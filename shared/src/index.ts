export * from './schema';
export * from './languages';
export * from './yjs-layout';
export * from './numbering';
export * from './canonical';
export * from './proposals';
export * from './brackets';
