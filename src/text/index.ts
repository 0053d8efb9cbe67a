export * from './normalise.js';
export * from './hash.js';
export * from './shingles.js';
export * from './sentences.js';
export * from './levenshtein.js';
export * from './detach.js';
export * from './plural.js';
export * from './entities.js';
