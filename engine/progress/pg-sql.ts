/**
 * The PostgreSQL store's statements (schema in pg-schema.ts). The figure tables are changed by the same statement
 * that inserts or deletes the answers they count, so both commit together. Rows of a figure table are upserted in
 * one order (scope, question, option) by every writer, so two writers counting the same question never deadlock.
 */
import { reminderEntryOf } from "../reminders/index-file.js";
import type { AnswerRecord, LearnerDoc } from "./model.js";

export const READ_DOC = "SELECT doc FROM tutor_learners WHERE learner_id = $1";
/** The learner's row, locked for the rest of the transaction; no row for a learner not yet kept. */
export const LOCK_LEARNER = "SELECT doc FROM tutor_learners WHERE learner_id = $1 FOR UPDATE";
/** A row for a new learner, so that it can be locked; nothing when another transaction made it first. */
export const CREATE_LEARNER =
  "INSERT INTO tutor_learners (learner_id) VALUES ($1) ON CONFLICT (learner_id) DO NOTHING RETURNING doc";

/** Each answer in a scope: '' (every server) and its guild, when it has one. */
const scoped = (source: string) =>
  `SELECT s.scope, x.* FROM ${source} x CROSS JOIN LATERAL (VALUES (''::text), (x.guild_id)) s(scope) WHERE s.scope IS NOT NULL`;

/**
 * Appends answers ($3..$11, one array per column) and counts them into every figure, then, when $2 is not null,
 * replaces the learner's document with $2 at revision $12, with its reminder entry ($13, $14). One statement: all
 * of it lands, or none.
 */
export const APPEND = `
WITH recs AS (
  SELECT * FROM unnest($3::int[], $4::text[], $5::text[], $6::timestamptz[], $7::bool[], $8::int[], $9::bool[],
                       $10::text[], $11::json[])
    AS r(seq, guild_id, question_id, at, correct, xp, passed_stage, selected, record)
), ins AS (
  INSERT INTO tutor_answers (learner_id, seq, guild_id, question_id, at, correct, xp, passed_stage, selected, record)
  SELECT $1, seq, guild_id, question_id, at, correct, xp, passed_stage,
         ARRAY(SELECT json_array_elements_text(selected::json)), record
  FROM recs
  RETURNING guild_id, question_id, correct, xp, passed_stage, selected
), scoped AS (${scoped("ins")}
), scores AS (
  INSERT INTO tutor_scores AS t (scope, learner_id, xp, answers, correct, stages_passed)
  SELECT scope, $1, sum(xp), count(*), count(*) FILTER (WHERE correct), count(*) FILTER (WHERE passed_stage)
  FROM scoped GROUP BY scope ORDER BY scope
  ON CONFLICT (scope, learner_id) DO UPDATE SET xp = t.xp + excluded.xp, answers = t.answers + excluded.answers,
    correct = t.correct + excluded.correct, stages_passed = t.stages_passed + excluded.stages_passed
), questions AS (
  INSERT INTO tutor_question_figures AS t (scope, question_id, total, wrong)
  SELECT scope, question_id, count(*), count(*) FILTER (WHERE NOT correct)
  FROM scoped GROUP BY scope, question_id ORDER BY scope, question_id
  ON CONFLICT (scope, question_id) DO UPDATE SET total = t.total + excluded.total, wrong = t.wrong + excluded.wrong
), options AS (
  INSERT INTO tutor_option_figures AS t (scope, question_id, option, chosen)
  SELECT scope, question_id, o, count(*)
  FROM scoped CROSS JOIN LATERAL unnest(selected) o GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (scope, question_id, option) DO UPDATE SET chosen = t.chosen + excluded.chosen
), doc AS (
  UPDATE tutor_learners SET doc = $2::json, rev = $12, reminder_hour = $13, reminder_zone = $14, updated_at = now()
  WHERE learner_id = $1 AND $2::json IS NOT NULL
  RETURNING 1
)
SELECT (SELECT count(*) FROM ins) AS answers, (SELECT count(*) FROM doc) AS docs`;

/** Deletes the learner's answers and takes them out of every figure (rows left at zero go in TRIM_FIGURES). */
export const DELETE_ANSWERS = `
WITH gone AS (
  DELETE FROM tutor_answers WHERE learner_id = $1 RETURNING guild_id, question_id, correct, selected
), scoped AS (${scoped("gone")}
), questions AS (
  UPDATE tutor_question_figures t SET total = t.total - d.total, wrong = t.wrong - d.wrong
  FROM (SELECT scope, question_id, count(*) AS total, count(*) FILTER (WHERE NOT correct) AS wrong
        FROM scoped GROUP BY 1, 2) d
  WHERE t.scope = d.scope AND t.question_id = d.question_id
), options AS (
  UPDATE tutor_option_figures t SET chosen = t.chosen - d.chosen
  FROM (SELECT scope, question_id, o AS option, count(*) AS chosen
        FROM scoped CROSS JOIN LATERAL unnest(selected) o GROUP BY 1, 2, 3) d
  WHERE t.scope = d.scope AND t.question_id = d.question_id AND t.option = d.option
), scores AS (
  DELETE FROM tutor_scores WHERE learner_id = $1
)
SELECT count(*) AS answers FROM gone`;

/** A recount has no rows for what nobody answered: neither do the figures once answers are taken out. */
export const TRIM_FIGURES = [
  "DELETE FROM tutor_question_figures WHERE total <= 0",
  "DELETE FROM tutor_option_figures WHERE chosen <= 0",
];

/** rebuild(): every figure recounted from tutor_answers, writers held off meanwhile. */
export const REBUILD = [
  "SET LOCAL statement_timeout = 0",
  "LOCK TABLE tutor_scores, tutor_question_figures, tutor_option_figures IN SHARE ROW EXCLUSIVE MODE",
  "DELETE FROM tutor_scores",
  "DELETE FROM tutor_question_figures",
  "DELETE FROM tutor_option_figures",
  `INSERT INTO tutor_scores (scope, learner_id, xp, answers, correct, stages_passed)
   SELECT scope, learner_id, sum(xp), count(*), count(*) FILTER (WHERE correct), count(*) FILTER (WHERE passed_stage)
   FROM (${scoped("tutor_answers")}) a GROUP BY 1, 2`,
  `INSERT INTO tutor_question_figures (scope, question_id, total, wrong)
   SELECT scope, question_id, count(*), count(*) FILTER (WHERE NOT correct)
   FROM (${scoped("tutor_answers")}) a GROUP BY 1, 2`,
  `INSERT INTO tutor_option_figures (scope, question_id, option, chosen)
   SELECT scope, question_id, o, count(*)
   FROM (${scoped("tutor_answers")}) a CROSS JOIN LATERAL unnest(selected) o GROUP BY 1, 2, 3`,
];

export const REBUILD_COUNTS = `SELECT (SELECT count(*) FROM tutor_learners WHERE doc IS NOT NULL) AS learners,
  (SELECT count(*) FROM tutor_answers) AS answers`;

export const LEADERBOARD_ALL_TIME = `
SELECT learner_id, xp, answers, correct, stages_passed FROM tutor_scores
WHERE scope = $1 ORDER BY xp DESC, correct DESC, learner_id COLLATE "C" LIMIT $2`;

const since = (guild: boolean) => `
SELECT learner_id, sum(xp) AS xp, count(*) AS answers, count(*) FILTER (WHERE correct) AS correct,
       count(*) FILTER (WHERE passed_stage) AS stages_passed
FROM tutor_answers
WHERE at IS NOT NULL AND at >= $1 ${guild ? "AND guild_id IS NOT NULL AND guild_id = $3" : ""}
GROUP BY learner_id ORDER BY 2 DESC, 4 DESC, learner_id COLLATE "C" LIMIT $2`;
export const LEADERBOARD_SINCE = since(false);
export const LEADERBOARD_SINCE_GUILD = since(true);

export const QUESTION_FIGURES = `
SELECT q.question_id, q.total, q.wrong, o.options
FROM tutor_question_figures q
LEFT JOIN (SELECT question_id, json_object_agg(option, chosen) AS options FROM tutor_option_figures
           WHERE scope = $1 GROUP BY question_id) o USING (question_id)
WHERE q.scope = $1 ORDER BY q.question_id COLLATE "C"`;

/** Learners with reminders on: their hour and, when they chose one, their time zone (the index's entries). */
export const REMINDER_INDEX =
  "SELECT learner_id, reminder_hour, reminder_zone FROM tutor_learners WHERE reminder_hour IS NOT NULL";

/** Replaces the learner's document as given (restore). */
export const SET_DOC = `
UPDATE tutor_learners SET doc = $2::json, rev = $3, reminder_hour = $4, reminder_zone = $5, updated_at = now()
WHERE learner_id = $1`;

/** The reminder index's columns for `doc`: its hour when reminders are on, and the zone the learner chose. */
export function reminderColumns(doc: LearnerDoc): [number | null, string | null] {
  const entry = reminderEntryOf(doc);
  return entry ? [entry.hour, entry.timeZone ?? null] : [null, null];
}

export const HISTORY_PAGE = `
SELECT seq, record FROM tutor_answers WHERE learner_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`;

/** The parameters of APPEND for `records` (each with its place in the log as `seq`). */
export function appendParams(
  learnerId: string,
  doc: LearnerDoc | null,
  rev: number,
  records: { seq: number; record: AnswerRecord }[],
): unknown[] {
  const column = <T>(f: (r: AnswerRecord, seq: number) => T) => records.map((x) => f(x.record, x.seq));
  return [
    learnerId,
    doc && JSON.stringify(doc),
    column((_, seq) => seq),
    // As the JSON store's figures read a record (server-log.ts figureEvent, figures.ts): a falsy guild is none.
    column((r) => (typeof r.guildId === "string" && r.guildId !== "" ? r.guildId : null)),
    column((r) => String(r.questionId)),
    column((r) => {
      const at = Date.parse(r.at);
      return Number.isNaN(at) ? null : new Date(at).toISOString();
    }),
    column((r) => Boolean(r.correct)),
    column((r) => (typeof r.xp === "number" && Number.isInteger(r.xp) ? r.xp : 0)),
    column((r) => Boolean(r.passedStage)),
    // Option keys as a JavaScript object names them (options[2] is options["2"]).
    column((r) => JSON.stringify(Array.isArray(r.selected) ? r.selected.map(String) : [])),
    column((r) => JSON.stringify(r)),
    rev,
    ...(doc ? reminderColumns(doc) : [null, null]),
  ];
}
