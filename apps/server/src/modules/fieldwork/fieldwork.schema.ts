/** Tables owned by the fieldwork module (migration filled in for issue #6). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FieldworkTables {}
