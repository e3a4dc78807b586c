/**
 * The command line: commander parses it, each command's module runs it and returns the exit code.
 * Everything past parsing is imported when used, so `tutor --help` loads neither Ink nor the engine,
 * and the home screen draws its first frame before the engine has loaded. `tutor` alone, the home screen,
 * does not come here at all (tutor.tsx): it starts without the parser.
 */
import { Command, CommanderError, InvalidArgumentError } from "commander";
import pkg from "../package.json" with { type: "json" };
import { EXIT_OK, EXIT_USAGE } from "./exit-codes.js";
import { failed, home, interactive as runInteractive } from "./launch.js";
import type { GlobalOptions } from "./open-tutor.js";

function stageOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError("a stage is a whole number from 1 to 6.");
  return n;
}

/** Runs the tutor with `argv` (as process.argv: node, script, args...) and resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  let code = EXIT_OK;
  const program = new Command("tutor");
  const globals = (): GlobalOptions => program.opts<GlobalOptions>();
  const interactive = async (command: string, launch: () => Promise<import("./interactive.js").Launch>) => {
    code = await runInteractive(command, globals(), launch);
  };

  program
    .description(
      "Learn backend, operating-system and database engineering in six stages:\n" +
        "understand, articulate, limitations, build something better, its limitations, appreciate.\n" +
        "Run without a command for the home screen.",
    )
    .version(pkg.version, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help for a command")
    .option(
      "--data-dir <dir>",
      "where your progress is kept (default: $TUTOR_DATA_DIR, else your data folder)",
    )
    .option(
      "--database-url <url>",
      "keep progress in PostgreSQL at this postgres:// URL instead of the folder (default: $TUTOR_DATABASE_URL)",
    )
    .option(
      "--content-dir <dir>",
      "folder holding lessons/ and quizzes/ (default: $TUTOR_CONTENT_DIR, else the bundled ones)",
    )
    .exitOverride()
    .showHelpAfterError("(tutor --help lists the commands)")
    .configureOutput({
      writeOut: (s) => process.stdout.write(s),
      writeErr: (s) => process.stderr.write(s),
    })
    .action(async () => {
      const [word] = program.args;
      if (word?.startsWith("-")) {
        program.error(`error: unknown option '${word}'`, {
          code: "commander.unknownOption",
          exitCode: EXIT_USAGE,
        });
      }
      if (word !== undefined) {
        const names = program.commands.map((c) => c.name());
        // The engine loads only on this error path, so a right command line still starts without it.
        const { closest } = await import("../engine/index.js");
        const near = closest(word, names);
        program.error(`error: unknown command '${word}'${near ? `. Did you mean '${near}'?` : ""}`, {
          code: "commander.unknownCommand",
          exitCode: EXIT_USAGE,
        });
      }
      code = await home(globals());
    });

  program
    .command("learn")
    .description("read a lesson, stage by stage (default: where you left off)")
    .argument("[lesson]", "lesson id, or part of its title")
    .option("-s, --stage <n>", "open this stage (1-6) instead of the current one", stageOption)
    .action(async (lesson: string | undefined, options: { stage?: number }) => {
      await interactive("tutor learn", async () =>
        (await import("./commands/learn.js")).learn(lesson, options.stage),
      );
    });

  program
    .command("quiz")
    .description("answer a stage's questions (default: the quiz in progress, or the next one)")
    .argument("[lesson]", "lesson id, or part of its title")
    .option(
      "-s, --stage <n>",
      "take this stage's questions (1-6) instead of the current stage's",
      stageOption,
    )
    .action(async (lesson: string | undefined, options: { stage?: number }) => {
      await interactive("tutor quiz", async () =>
        (await import("./commands/quiz.js")).quiz(lesson, options.stage),
      );
    });

  program
    .command("review")
    .description("answer the questions due for review (spaced repetition)")
    .action(async () => {
      await interactive("tutor review", async () => (await import("./commands/review.js")).review());
    });

  program
    .command("progress")
    .description("stages passed, streak, study activity and reviews due, as plain text")
    .option("--json", "print the progress as JSON")
    .action(async (options: { json?: boolean }) => {
      code = await (await import("./commands/progress.js")).progress(options, globals());
    });

  program
    .command("lessons")
    .description("list the lessons with their six stages, as plain text")
    .option("--json", "print the catalog as JSON")
    .action(async (options: { json?: boolean }) => {
      code = await (await import("./commands/lessons.js")).lessons(options, globals());
    });

  program
    .command("journal")
    .description("what you wrote in stages 2, 4 and 6: explanations, design proposals, reflections")
    .argument("[lesson]", "only this lesson")
    .option("--json", "print the entries as JSON")
    .action(async (lesson: string | undefined, options: { json?: boolean }) => {
      code = await (await import("./commands/journal.js")).journal(lesson, options, globals());
    });

  program
    .command("ask")
    .description("ask a question in plain words: an answer from the lessons, with where to study it")
    .argument("<question...>", "your question (quotes optional)")
    .option("--json", "print the verdict and the ranked passages as JSON")
    .action(async (words: string[], options: { json?: boolean }) => {
      code = await (await import("./commands/ask.js")).ask(words, options, globals());
    });

  program
    .command("grade")
    .description("grade a text answer without recording it: verdict, key points with your sentences, flags")
    .argument("<question-id>", "the question, for example brr-explain-read-path")
    .option("--answer <text>", "the answer (otherwise read from standard input)")
    .option("--json", "print the grade as JSON")
    .option("--model", "grade explain answers with the configured language model (TUTOR_LLM_URL)")
    .action(async (id: string, options: { answer?: string; json?: boolean; model?: boolean }) => {
      code = await (await import("./commands/grade.js")).grade(id, options, globals());
    });

  program
    .command("settings")
    .description(
      "your settings; `settings timezone <zone>` sets the time zone of your study days and streaks",
    )
    .argument("[setting]", "timezone")
    .argument("[value]", "an IANA time zone, e.g. Europe/Paris")
    .action(async (setting: string | undefined, value: string | undefined) => {
      if (setting !== undefined && setting !== "timezone") {
        program.error(`error: unknown setting '${setting}': the one setting is timezone`, {
          exitCode: EXIT_USAGE,
        });
      }
      if (setting === "timezone" && value === undefined) {
        program.error("error: name a time zone, e.g. tutor settings timezone Europe/Paris", {
          exitCode: EXIT_USAGE,
        });
      }
      code = await (await import("./commands/settings.js")).settings(value, globals());
    });

  const data = program
    .command("data")
    .description(
      "your data: export it as JSON or delete it; rebuild the server figures; migrate or verify a whole store",
    );
  data
    .command("export")
    .description("print everything kept about you as JSON (or write it to a new file)")
    .option("-o, --output <file>", "write to this new file instead of printing")
    .action(async (options: { output?: string }) => {
      code = await (await import("./commands/data.js")).exportData(options, globals());
    });
  data
    .command("rebuild")
    .description("recount the leaderboards and stats from every learner's answer log")
    .action(async () => {
      code = await (await import("./commands/data.js")).rebuild(globals());
    });
  data
    .command("migrate")
    .description(
      "copy every learner from one store to another (a data folder or a PostgreSQL URL, either way) and check the counts",
    )
    .requiredOption("--from <dir|url>", "the store to copy from: a data folder, or postgres://...")
    .requiredOption("--to <dir|url>", "the store to copy into (learners it holds already are replaced)")
    .action(async (options: { from: string; to: string }) => {
      code = await (await import("./commands/data-migrate.js")).migrate(options);
    });
  data
    .command("verify")
    .description(
      "compare two stores, learner by learner and their figures: prints identical or the differences",
    )
    .argument("<first>", "a data folder or a PostgreSQL URL")
    .argument("<second>", "another one")
    .action(async (first: string, second: string) => {
      code = await (await import("./commands/data-migrate.js")).verify(first, second);
    });
  data
    .command("delete")
    .description("delete everything kept about you, after you confirm")
    .option("--yes", "do not ask (for scripts)")
    .action(async (options: { yes?: boolean }) => {
      code = await (await import("./commands/data.js")).deleteData(options, globals());
    });

  program
    .command("check")
    .description("check lessons and quizzes for authors: one file:line: message per problem")
    .argument("[paths...]", "only report problems in these files or folders")
    .option(
      "--policy",
      "also hold the content to the bundled lessons' bar (always on for the bundled lessons)",
    )
    .option(
      "--disputes",
      "instead, report the key points learners disputed after grading, per question, from the data folder",
    )
    .option("--json", "with --disputes: print the report as JSON")
    .action(async (paths: string[], options: { policy?: boolean; disputes?: boolean; json?: boolean }) => {
      code = options.disputes
        ? await (await import("./commands/disputes.js")).disputes(options, globals())
        : await (await import("./commands/check.js")).check(paths, options, globals());
    });

  // Set after the commands are added, so they do not inherit it: the root takes no arguments, and a word here
  // is a mistyped command, reported with a suggestion by the root's action, also when options follow it
  // (`tutor progres --json`), which the root would otherwise reject first.
  program.allowExcessArguments(true).allowUnknownOption(true);

  program.addHelpText(
    "after",
    [
      "",
      "Examples:",
      "  tutor                       the home screen: continue where you left off",
      "  tutor learn torn-pages      read a lesson",
      "  tutor quiz torn-pages -s 2  answer stage 2 of a lesson",
      "  tutor progress --json       progress for scripts",
      '  tutor ask "what is a torn page?"',
      '  tutor grade torn-explain --answer "..."   grade an explanation without recording it',
      "  tutor check lessons/        check content before a pull request",
      "  tutor check --disputes      key points learners disputed, for authors",
      "  tutor data rebuild          recount the leaderboards and stats",
      "  tutor data migrate --from ~/.local/share/six-stages-tutor --to postgres://tutor@db/tutor",
      "  tutor data verify ~/.local/share/six-stages-tutor postgres://tutor@db/tutor",
      "  tutor settings timezone Europe/Paris",
      "  tutor data export -o my-progress.json",
      "",
      "Exit codes: 0 done, 1 failed (or problems found by check), 2 wrong command line.",
    ].join("\n"),
  );

  try {
    await program.parseAsync(argv);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here too, with exit code 0.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    return failed(error);
  }
}
