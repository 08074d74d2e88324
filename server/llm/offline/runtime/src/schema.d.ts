// The shape of src/schema.js, which the generator writes per plan (datalayer/schema-js.ts): the
// contract between that generated module and the runtime files that import it. Not shipped.

export interface Field {
  name: string;
  label: string;
  /** One of the plan's field types: string, text, number, boolean, date, email, url, enum. */
  type: string;
  required: boolean;
  /** Allowed values of an enum field. */
  options?: string[];
}

export interface Entity {
  name: string;
  label: string;
  pluralLabel: string;
  /** The field that names a record (table row header, card title). */
  primary: string;
  /** The enum field a kanban board groups by, if any. */
  status: string | null;
  /** Entities this one belongs to; each adds a `<parent>Id` column (see parentKey). */
  parents: string[];
  fields: Field[];
}

export const storageKey: string;
export const entities: Entity[];
export function entityByName(name: string): Entity | null;
export function parentKey(parentName: string): string;
