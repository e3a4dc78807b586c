/**
 * Explain answers in progress, kept per learner and question for the life of the process: leaving a quiz (esc)
 * and coming back restores what was typed. Drafts belong to one engine, so two apps in one process never mix.
 */
import { useEffect } from "react";
import { useTutor } from "../context.js";
import { type EditorState, editorReducer, emptyEditor } from "./use-editor-state.js";
import { useKeyReducer } from "./use-key-reducer.js";

const drafts = new WeakMap<object, Map<string, EditorState>>();

function draftsOf(owner: object): Map<string, EditorState> {
  let map = drafts.get(owner);
  if (!map) {
    map = new Map();
    drafts.set(owner, map);
  }
  return map;
}

/**
 * The editor's state, restored from the draft for `draftKey` and saved back as it changes; `discard` drops it;
 * `latest` is the state after every key so far (see useKeyReducer).
 */
export function useDraftEditor(draftKey: string | undefined) {
  const { tutor, learnerId } = useTutor();
  const store = draftsOf(tutor);
  const key = draftKey === undefined ? undefined : `${learnerId}\u0000${draftKey}`;
  const [state, dispatch, latest] = useKeyReducer(
    editorReducer,
    () => (key && store.get(key)) || emptyEditor,
  );
  useEffect(() => {
    if (!key) return;
    if (state === emptyEditor) store.delete(key);
    else store.set(key, state);
  }, [key, state, store]);
  const discard = () => {
    if (key) store.delete(key);
  };
  return [state, dispatch, discard, latest] as const;
}
