// The verify action's entry. Small on purpose: it reads and validates the inputs without loading
// @actions/core's HTTP client or the rest of the bundle, so a bad input fails at once; the bundle
// (run.ts, a separate chunk) starts loading at the same moment and does the work.
import { readActionsContext } from "../../github/context.js";
import { failStep } from "../action-start.js";
import { readInputs } from "./inputs.js";

const work = import("./run.js");
work.catch(() => {}); // reported below, once the inputs are known to be good

void (async () => {
  let ready;
  try {
    const context = readActionsContext();
    ready = { context, settings: readInputs(context) };
  } catch (error) {
    failStep(error);
    // Not waiting for the bundle that is still loading: nothing of it is needed any more.
    process.exit(1);
  }
  try {
    const { run } = await work;
    await run(ready.context, ready.settings);
  } catch (error) {
    failStep(error);
  }
})();
