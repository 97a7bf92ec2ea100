import { uuidv7 } from 'uuidv7';

/** Time-ordered ids keep B-tree inserts local on both databases and need no round trip. */
export const newId = (): string => uuidv7();
