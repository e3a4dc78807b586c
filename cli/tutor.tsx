// The `tutor` bin. NO_COLOR is applied before anything that colours output loads.
import "./no-color.js";

// `tutor` alone opens the home screen, and does without the command-line parser (commander) to start sooner.
async function run(argv: string[]): Promise<number> {
  if (argv.length > 2) return (await import("./index.js")).main(argv);
  const { failed, home } = await import("./launch.js");
  return home({}).catch(failed);
}

process.exitCode = await run(process.argv);
