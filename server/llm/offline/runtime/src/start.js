// The generated app's entry (src/main.js in the app): the spec, the shell, and only the section
// modules this app's pages use. The slot lines are filled per plan by the generator
// (server/llm/offline/codegen/); as shipped here they are comments, so this file stays valid.
import { spec } from "./spec.js";
import { startApp } from "./engine/app.js";
// @slot imports

startApp({
  spec,
  sections: {
    // @slot sections
  },
  // @slot options
});
