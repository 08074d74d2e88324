// The structured plan the PromptCompiler agent produces: the contract between the planning
// model (offline compiler or a real LLM) and every agent after it. Validated with zod wherever
// it crosses a boundary (model output, the approval editor, the database).
import { z } from "zod";
import { agentNames } from "./agent-names";
import { fieldTypes } from "./field-types";

const identifier = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z][A-Za-z0-9]*$/, "must start with a letter and contain only letters and digits");

export const ZPlanField = z.object({
  name: identifier,
  label: z.string().min(1).max(60),
  type: z.enum(fieldTypes),
  required: z.boolean().default(false),
  /** Allowed values, for `enum` fields. */
  options: z.array(z.string().min(1).max(40)).max(20).optional(),
});

export const ZPlanEntity = z.object({
  name: identifier.describe("singular PascalCase, e.g. Task"),
  pluralLabel: z.string().min(1).max(60),
  fields: z.array(ZPlanField).min(1).max(30),
  /** Other entity names this one belongs to (many-to-one). */
  belongsTo: z.array(identifier).max(5).default([]),
});

export const appKinds = ["crud", "kanban", "dashboard", "landing", "tool"] as const;

export const ZPlanPage = z.object({
  path: z.string().regex(/^\/[a-z0-9\-/]*$/, "must be a lowercase path starting with /"),
  title: z.string().min(1).max(60),
  purpose: z.string().min(1).max(300),
});

export const ZAcceptanceCheck = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,60}$/),
  description: z.string().min(1).max(300),
  /** Machine-runnable steps for the QA agent's browser run. */
  steps: z
    .array(
      z.discriminatedUnion("action", [
        z.object({ action: z.literal("goto"), path: z.string() }),
        z.object({ action: z.literal("fill"), label: z.string(), value: z.string() }),
        z.object({ action: z.literal("select"), label: z.string(), value: z.string() }),
        z.object({ action: z.literal("click"), role: z.enum(["button", "link", "tab", "checkbox"]), name: z.string() }),
        z.object({ action: z.literal("reload") }),
        z.object({ action: z.literal("expectText"), text: z.string() }),
        z.object({ action: z.literal("expectNoText"), text: z.string() }),
      ]),
    )
    .min(1)
    .max(40),
});

export const ZPlanTask = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,60}$/),
  agent: z.enum(agentNames),
  description: z.string().min(1).max(300),
  dependsOn: z.array(z.string()).default([]),
});

export const ZPlan = z.object({
  appName: z.string().min(1).max(60),
  summary: z.string().min(1).max(600),
  kind: z.enum(appKinds),
  theme: z.object({
    colorScheme: z.enum(["light", "dark"]).default("light"),
    accent: z.string().regex(/^#[0-9a-fA-F]{6}$/).default("#4f46e5"),
  }),
  pages: z.array(ZPlanPage).min(1).max(12),
  entities: z.array(ZPlanEntity).max(12),
  features: z.array(z.string().min(1).max(200)).max(30),
  acceptanceChecks: z.array(ZAcceptanceCheck).min(1).max(20),
  tasks: z.array(ZPlanTask).min(1).max(40),
});

export type TPlan = z.infer<typeof ZPlan>;
export type TPlanEntity = z.infer<typeof ZPlanEntity>;
export type TPlanField = z.infer<typeof ZPlanField>;
export type TAcceptanceCheck = z.infer<typeof ZAcceptanceCheck>;

/** A file an agent wants to write into a version. Paths are checked again by the version writer. */
export const ZGeneratedFile = z.object({
  path: z
    .string()
    .min(1)
    .max(200)
    .regex(/^(?!\/)(?!.*(^|\/)\.\.(\/|$))[A-Za-z0-9._\-/]+$/, "must be a relative path inside the project (no .., no leading /)"),
  content: z.string().max(512 * 1024, "a generated file must be at most 512 KiB"),
});
export type TGeneratedFile = z.infer<typeof ZGeneratedFile>;
