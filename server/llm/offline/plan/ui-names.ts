// Accessible names and visible texts of the generated UI. The acceptance checks and the code
// generator both use these, so a check can never drift from the app it checks.
import type { TPlanEntity, TPlanField } from "~/server/plan/plan-schema";
import { labelOf, slugOf, splitIdentifier } from "./naming";

export const entityLabel = (entity: TPlanEntity): string => labelOf(splitIdentifier(entity.name));
export const entityPath = (entity: TPlanEntity): string => `/${slugOf(entity.pluralLabel, slugOf(entity.name, "items"))}`;
export const addButtonName = (entity: TPlanEntity): string => `Add ${entityLabel(entity).toLowerCase()}`;
export const saveButtonName = (entity: TPlanEntity): string => `Save ${entityLabel(entity).toLowerCase()}`;
export const editButtonName = (value: string): string => `Edit ${value}`;
export const deleteButtonName = (value: string): string => `Delete ${value}`;
export const searchLabel = (entity: TPlanEntity): string => `Search ${entity.pluralLabel.toLowerCase()}`;
export const requiredMessage = (field: TPlanField): string => `${field.label} is required`;
export const moveButtonName = (value: string, column: string): string => `Move ${value} to ${column}`;
export const columnSummary = (count: number, column: string): string => `${count} ${column.toLowerCase()}`;
export const totalLabel = (field: TPlanField): string => (/^total\b/i.test(field.label) ? field.label : `Total ${field.label.toLowerCase()}`);
export const loadSampleDataName = "Load sample data";
export const waitlistButtonName = "Join the waitlist";
export const waitlistThanks = "You're on the list";
export const waitlistCount = (n: number): string => `${n} ${n === 1 ? "person has" : "people have"} joined`;

/** The enum field a kanban board uses as its columns. */
export function statusFieldOf(entity: TPlanEntity): TPlanField | undefined {
  return entity.fields.find((f) => f.type === "enum" && f.name === "status") ?? entity.fields.find((f) => f.type === "enum");
}

/** The number field a dashboard totals. */
export const metricFieldOf = (entity: TPlanEntity): TPlanField | undefined => entity.fields.find((f) => f.type === "number");

/** Same formatting as the generated app's formatNumber (en-US, at most 2 decimals). */
export const formatNumber = (n: number): string => n.toLocaleString("en-US", { maximumFractionDigits: 2 });
