// A small valid plan, for tests that script a model's PromptCompiler reply.
import type { TPlan } from "~/server/plan/plan-schema";

export const samplePlan: TPlan = {
  appName: "Todo List",
  summary: "A to-do list where tasks can be added and checked off.",
  kind: "crud",
  theme: { colorScheme: "light", accent: "#4f46e5" },
  pages: [{ path: "/", title: "Tasks", purpose: "List, add and complete tasks." }],
  entities: [
    {
      name: "Task",
      pluralLabel: "Tasks",
      fields: [
        { name: "title", label: "Title", type: "string", required: true },
        { name: "done", label: "Done", type: "boolean", required: false },
      ],
      belongsTo: [],
    },
  ],
  features: ["Add a task", "Mark a task done"],
  acceptanceChecks: [
    {
      id: "add-task",
      description: "A new task appears in the list and survives a reload.",
      steps: [
        { action: "goto", path: "/" },
        { action: "fill", label: "Title", value: "Buy milk" },
        { action: "click", role: "button", name: "Add" },
        { action: "reload" },
        { action: "expectText", text: "Buy milk" },
      ],
    },
  ],
  tasks: [
    { id: "plan", agent: "PromptCompiler", description: "Plan the app.", dependsOn: [] },
    { id: "ui", agent: "CodeGen", description: "Write the task list page.", dependsOn: ["plan"] },
    { id: "data", agent: "DB", description: "Store tasks.", dependsOn: ["plan"] },
  ],
};
