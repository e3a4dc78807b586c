/** A quiz or a review: one question at a time, the feedback after each answer, and a summary at the end. */
import { Box, Text, useInput } from "ink";
import { useState } from "react";
import {
  type AnswerOutcome,
  type JournalEntry,
  type QuizState,
  type Response,
  type Result,
  type SelfAssessOutcome,
  type ShownAnswer,
  type StageChange,
  type StageNumber,
  stageTitle,
} from "../../engine/index.js";
import { AnswerFeedback } from "../components/answer-feedback.js";
import { Frame } from "../components/frame.js";
import { HOME_KEY, type Keys, keysText, QUIT_KEY } from "../components/key-help.js";
import { Markdown } from "../components/markdown.js";
import { QuestionView, typesText } from "../components/question-view.js";
import { Scroll } from "../components/scroll.js";
import {
  assessmentKeys,
  SelfAssessed,
  SelfAssessment,
  selfAssessmentRows,
} from "../components/self-assessment.js";
import { StagePassed } from "../components/stage-passed.js";
import { useTutor } from "../context.js";
import { plain, refusalText } from "../errors.js";
import { useEngine } from "../hooks/use-engine.js";
import { rowsOf, textWidth, useTerminalSize } from "../hooks/use-terminal-size.js";
import type { Route } from "../routes.js";
import { neededText } from "../text/reports.js";

/** How to get the session this screen runs. */
export type QuizStart =
  | { kind: "quiz"; lessonId: string; stage?: StageNumber }
  | { kind: "resume" }
  | { kind: "review" };

export function Quiz({ start, initial }: { start: QuizStart; initial?: QuizState }) {
  const { tutor, learnerId } = useTutor();
  const started = useEngine(async (): Promise<Result<QuizState>> => {
    if (initial) return { ok: true, value: initial };
    if (start.kind === "quiz") return tutor.startQuiz(learnerId, start.lessonId, start.stage);
    if (start.kind === "review") return tutor.resumeReview(learnerId);
    // "Continue": the engine decides, as it does for `tutor quiz` and the bot's /quiz.
    const resumed = await tutor.resumeQuiz(learnerId, { reviews: false });
    if (!resumed.ok) return resumed;
    return resumed.value.kind === "nothing"
      ? { ok: false, code: "no-session", message: resumed.value.next.message }
      : { ok: true, value: resumed.value.quiz };
  }, [tutor, learnerId]);
  if (!started) return <Text dimColor>Loading…</Text>;
  if (!started.ok)
    return <Refused title={start.kind === "review" ? "Review" : "Quiz"} message={refusalText(started)} />;
  return <Session initial={started.value} />;
}

function Refused({ title, message }: { title: string; message: string }) {
  const { go, quit } = useTutor();
  useInput((input, key) => {
    if (key.escape || key.return) go({ name: "home" });
    else if (input === "q") quit();
  });
  return (
    <Frame title={title} keys={[HOME_KEY, QUIT_KEY]}>
      <Text wrap="wrap">{message}</Text>
    </Frame>
  );
}

type Phase =
  | { name: "question"; notice?: string }
  | { name: "sending" }
  | {
      name: "feedback";
      outcome: AnswerOutcome;
      /** What the learner answered, shown beside the verdict. */
      response: Response;
      thenAndNow?: { then?: JournalEntry; now?: JournalEntry };
      /** The learner's self-assessment of an explain answer, once handed in. */
      assessed?: SelfAssessOutcome;
      notice?: string;
    }
  | { name: "summary" }
  /** "See the answers" after an attempt: every question of the stage with its answer. */
  | { name: "answers"; answers: ShownAnswer[]; message: string };

function Session({ initial }: { initial: QuizState }) {
  const { tutor, learnerId, go, quit, fail, now } = useTutor();
  const { columns, rows } = useTerminalSize();
  const width = textWidth(columns);
  /** Rows around a scrolled body: title, two gaps, the keys, and a spare row so Ink never fills the screen. */
  const chromeRows = (keys: Keys) => 4 + rowsOf(keysText(keys), columns);
  const [quiz, setQuiz] = useState(initial);
  const [phase, setPhase] = useState<Phase>(initial.done ? { name: "summary" } : { name: "question" });
  /** Stage changes seen in this session, for the summary. */
  const [changes, setChanges] = useState<StageChange[]>([]);

  const lessonId = quiz.lessonId ?? quiz.question?.lessonId;
  const lessonTitle = (id: string | undefined) => (id ? (tutor.lesson(id)?.title ?? id) : "");

  const submit = (response: Response, hintUsed: boolean) => {
    const question = quiz.question;
    if (!question) return;
    setPhase({ name: "sending" });
    void (async () => {
      const result = await tutor.answer(learnerId, { questionId: question.id, response, hintUsed });
      if (!result.ok) {
        // The session moved on elsewhere (another terminal, the bot): follow it.
        if (result.current) setQuiz(result.current);
        setPhase({ name: "question", notice: plain(result.message) });
        return;
      }
      const outcome = result.value;
      if (outcome.grade.invalid) {
        setPhase({ name: "question", notice: outcome.grade.invalid });
        return;
      }
      setChanges((c) => [...c, outcome.stage]);
      const thenAndNow =
        outcome.journal?.kind === "reflection"
          ? await tutor.thenAndNow(learnerId, outcome.journal.lessonId)
          : undefined;
      // Shown back as the engine kept it (control characters out), not as the keys sent it.
      setPhase({
        name: "feedback",
        outcome,
        response: outcome.response,
        ...(thenAndNow ? { thenAndNow } : {}),
      });
    })().catch(fail);
  };

  /** The retry of the missed questions, or the answers: the engine decides whether either is open now. */
  const retry = () => {
    if (!lessonId || !quiz.stage) return;
    setPhase({ name: "sending" });
    void (async () => {
      const result = await tutor.retryMissed(learnerId, lessonId, quiz.stage as number);
      if (!result.ok) {
        setPhase({ name: "summary" });
        return;
      }
      setChanges([]);
      setQuiz(result.value);
      setPhase({ name: "question" });
    })().catch(fail);
  };
  const showAnswers = () => {
    if (!lessonId || !quiz.stage) return;
    void (async () => {
      const result = await tutor.seeAnswers(learnerId, lessonId, quiz.stage as number);
      if (!result.ok) return;
      setQuiz({ ...quiz, attempt: result.value.status });
      setPhase({ name: "answers", answers: result.value.answers, message: result.value.status.message });
    })().catch(fail);
  };

  const next = () => {
    if (phase.name !== "feedback") return;
    // After a self-assessment, the quiz with the learner's word counted.
    const after = phase.assessed?.quiz ?? phase.outcome.quiz;
    setQuiz(after);
    setPhase(after.done ? { name: "summary" } : { name: "question" });
  };

  /** An explain answer waiting for the learner's self-assessment: its keys come first. */
  const assessing =
    phase.name === "feedback" && phase.outcome.assessment !== undefined && !phase.assessed && !phase.notice;
  const assessed = (outcome: SelfAssessOutcome, goOn: boolean) => {
    if (phase.name !== "feedback") return;
    setChanges((c) => [...c, outcome.stage]);
    if (!goOn) return setPhase({ ...phase, assessed: outcome });
    setQuiz(outcome.quiz);
    setPhase(outcome.quiz.done ? { name: "summary" } : { name: "question" });
  };

  const last = changes.at(-1);
  const passed = changes.find((c) => c.passedNow);
  // Once the stage is passed, the open stage the engine says to go on to, else home.
  const afterRoute: Route =
    quiz.mode === "quiz" && lessonId && last?.progress.status === "passed" && last.nextStage
      ? { name: "reader", lessonId, stage: last.nextStage }
      : { name: "home" };

  // Where the learner types an answer, q is a letter; everywhere else it quits (the answers are saved already).
  const typing = phase.name === "question" && quiz.question !== undefined && typesText(quiz.question);
  useInput((input, key) => {
    if (input === "q" && !typing && phase.name !== "sending") quit();
    else if (phase.name === "feedback") {
      if ((key.return || input === " ") && !assessing) next();
      else if (key.escape) go({ name: "home" });
    } else if (phase.name === "summary") {
      if (key.return) go(afterRoute);
      else if (input === "r" && quiz.attempt?.canRetry) retry();
      else if (input === "r" && quiz.round === "practice" && lessonId && quiz.stage) {
        go({ name: "quiz", lessonId, stage: quiz.stage });
      } else if (input === "a" && quiz.attempt?.canSeeAnswers) showAnswers();
      else if (input === "r" && quiz.moreDue) go({ name: "review" });
      else if (key.escape) go({ name: "home" });
    } else if (phase.name === "answers") {
      if (key.return) go(afterRoute);
      else if (key.escape) go({ name: "home" });
    } else if (phase.name === "question" && key.escape) go({ name: "home" });
  });

  const heading =
    quiz.mode === "review"
      ? "Review"
      : // The stage first: a narrow terminal shortens the title from its end, and the lesson's name can take it.
        `${quiz.stage ? `${quiz.stage}. ${stageTitle(quiz.stage)} · ` : ""}${lessonTitle(lessonId)}`;
  const position = quiz.done ? "finished" : `question ${quiz.index + 1} of ${quiz.total}`;
  const aside = <Text dimColor>{position}</Text>;

  if (phase.name === "answers") {
    const keys: Keys = [
      ["enter", afterRoute.name === "reader" ? `read stage ${afterRoute.stage}` : "home"],
      HOME_KEY,
      QUIT_KEY,
    ];
    return (
      <Frame title={heading} aside={<Text dimColor>the answers</Text>} keys={keys}>
        <Scroll height={rows - chromeRows(keys)}>
          <Box flexDirection="column" rowGap={1}>
            {phase.answers.map(({ question, answer, right }) => (
              <Box key={question.id} flexDirection="column">
                <Text bold color={right ? "green" : "red"} wrap="wrap">
                  {right ? "✔" : "✘"} {firstLine(question.prompt)}
                </Text>
                <Text wrap="wrap">Answer: {answer}</Text>
                <Markdown markdown={question.explanation} width={width} />
              </Box>
            ))}
            <Text wrap="wrap">{plain(phase.message)}</Text>
          </Box>
        </Scroll>
      </Frame>
    );
  }

  if (phase.name === "summary") {
    const right = quiz.results.filter((r) => r.correct).length;
    const attempt = quiz.attempt;
    const missed = quiz.results.filter((r) => !r.correct);
    const keys: Keys = [
      ["enter", afterRoute.name === "reader" ? `read stage ${afterRoute.stage}` : "home"],
      ...(attempt?.canRetry ? ([["r", "retry the missed questions"]] as const) : []),
      ...(quiz.round === "practice" ? ([["r", "practise again"]] as const) : []),
      ...(attempt?.canSeeAnswers && attempt.state !== "passed" ? ([["a", "see the answers"]] as const) : []),
      ...(quiz.moreDue ? ([["r", "review more"]] as const) : []),
      HOME_KEY,
      QUIT_KEY,
    ];
    return (
      <Frame title={heading} aside={aside} keys={keys}>
        <Text bold>
          {right} of {quiz.results.length} right
          {quiz.round === "retry" ? " in the retry" : quiz.round === "practice" ? " (practice)" : ""}
        </Text>
        {missed.length > 0 ? (
          <Box flexDirection="column">
            <Text>Missed:</Text>
            {missed.map((m) => (
              <Text key={m.questionId} wrap="truncate-end">
                {"  "}✘ {firstLine(tutor.question(m.questionId)?.prompt ?? m.questionId)}
              </Text>
            ))}
          </Box>
        ) : null}
        {quiz.mode === "quiz" && attempt ? (
          <Text wrap="wrap">
            {quiz.round === "practice"
              ? `Practice of stage ${attempt.stage}, which is passed already: this round changes nothing.`
              : plain(attempt.message)}
          </Text>
        ) : quiz.mode === "quiz" && last ? (
          <Text wrap="wrap">
            {last.progress.status === "passed"
              ? `Stage ${last.stage} is passed.`
              : `Stage ${last.stage} is not passed yet: ${neededText(last.progress)}.`}
          </Text>
        ) : null}
        {passed ? (
          <Box marginTop={1}>
            <StagePassed change={passed} lessonTitle={lessonTitle(passed.lessonId)} />
          </Box>
        ) : null}
        {quiz.mode === "review" ? (
          <Text wrap="wrap">
            {quiz.moreDue
              ? `${quiz.moreDue} more review${quiz.moreDue === 1 ? " is" : "s are"} due.`
              : "No more reviews are due."}{" "}
            <Text dimColor>The next due dates were shown after each answer.</Text>
          </Text>
        ) : null}
      </Frame>
    );
  }

  if (phase.name === "feedback") {
    const assessment = phase.outcome.assessment;
    const keys: Keys = [
      ...(assessing && assessment
        ? assessmentKeys(assessment)
        : ([["enter", phase.outcome.quiz.done ? "summary" : "next question"]] as const)),
      ["esc", "home (the quiz waits)"],
      QUIT_KEY,
    ];
    const body = rows - chromeRows(keys) - (phase.notice ? rowsOf(phase.notice, columns) : 0);
    const panelRows = assessment && assessing ? selfAssessmentRows(assessment, width) : 0;
    // The self-assessment stays below the scrolled feedback, in sight, unless that leaves the feedback too
    // few rows: then it leads the scrolled feedback.
    const panelBelow = body - panelRows >= 5;
    const panel =
      assessment && assessing ? (
        <Box marginTop={panelBelow ? 1 : 0} marginBottom={panelBelow ? 0 : 1}>
          <SelfAssessment
            assessable={assessment}
            onAssessed={assessed}
            onRefused={(notice) => setPhase({ ...phase, notice })}
          />
        </Box>
      ) : null;
    return (
      <Frame title={heading} aside={aside} keys={keys} {...(phase.notice ? { status: phase.notice } : {})}>
        {/* Remounted once assessed: the result, at the top, is in sight however far the learner had scrolled. */}
        <Scroll key={phase.assessed ? "assessed" : "open"} height={panelBelow ? body - panelRows : body}>
          {panelBelow ? null : panel}
          {assessment && phase.assessed ? (
            <Box marginBottom={1} flexDirection="column">
              <SelfAssessed outcome={phase.assessed} assessable={assessment} now={now()} />
              {phase.assessed.stage.passedNow ? (
                <StagePassed
                  change={phase.assessed.stage}
                  lessonTitle={lessonTitle(phase.outcome.question.lessonId)}
                />
              ) : null}
            </Box>
          ) : null}
          <AnswerFeedback
            outcome={phase.outcome}
            response={phase.response}
            lessonTitle={lessonTitle(phase.outcome.question.lessonId)}
            width={width}
            now={now()}
            {...(phase.thenAndNow ? { thenAndNow: phase.thenAndNow } : {})}
          />
        </Scroll>
        {panelBelow ? panel : null}
      </Frame>
    );
  }

  const question = quiz.question;
  if (!question) return <Text dimColor>Loading…</Text>;
  const hintKey = typesText(question) ? "tab" : "h";
  const keys: Keys = [
    ...(question.hint ? ([[hintKey, "hint"]] as const) : []),
    ["esc", "home (the quiz waits)"],
    ...(typing ? [] : [QUIT_KEY]),
  ];
  const reviewOf =
    quiz.mode === "review" ? `${lessonTitle(question.lessonId)} · stage ${question.stage}` : undefined;
  return (
    <Frame
      title={heading}
      aside={aside}
      keys={keys}
      status={phase.name === "question" ? phase.notice : "Saving your answer…"}
    >
      {reviewOf ? <Text dimColor>{reviewOf}</Text> : null}
      <QuestionView
        key={question.id}
        question={question}
        width={width}
        jargon={tutor.lesson(question.lessonId)?.jargon ?? []}
        onAnswer={(response, hintUsed) => {
          if (phase.name === "question") submit(response, hintUsed);
        }}
      />
    </Frame>
  );
}

/** The first line of a prompt, without markdown emphasis marks: enough to recognise the question. */
function firstLine(markdown: string): string {
  return (markdown.split("\n").find((l) => l.trim()) ?? "").replace(/[*_`]/g, "").trim();
}

export function quizStartOf(route: Route): QuizStart | undefined {
  if (route.name === "quiz")
    return { kind: "quiz", lessonId: route.lessonId, ...(route.stage ? { stage: route.stage } : {}) };
  if (route.name === "resume") return { kind: "resume" };
  if (route.name === "review") return { kind: "review" };
  return undefined;
}
