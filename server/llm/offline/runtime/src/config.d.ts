// The shape of src/config.js, which the generator writes per plan (codegen/templates/main-js.ts):
// the contract between that generated module and the app shell (src/main.js). Not shipped.

export interface AppSettings {
  name: string;
  summary: string;
  tagline: string;
  kind: string;
  /** localStorage key of this app's data; differs per app because previews share an origin. */
  storageKey: string;
  features: string[];
}

export interface PageSettings {
  path: string;
  title: string;
  purpose: string;
  view: "crud" | "board" | "dashboard" | "landing" | "tool" | "info";
  entity?: string;
  tool?: string;
}

export const app: AppSettings;
export const pages: PageSettings[];
