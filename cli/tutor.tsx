// The `tutor` bin. NO_COLOR is applied before anything that colours output loads.
import "./no-color.js";
import { main } from "./index.js";

process.exitCode = await main(process.argv);
