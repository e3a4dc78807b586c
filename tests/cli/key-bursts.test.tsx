// Keys typed faster than Ink renders (a burst: number keys then enter, a paste then ctrl+d) act on the state
// the keys before them made, not on the last rendered one.
import { render } from "ink-testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ChoiceInput } from "../../cli/components/choice-input.js";
import { Editor } from "../../cli/components/editor.js";
import { OrderInput } from "../../cli/components/order-input.js";
import { TutorContext } from "../../cli/context.js";
import { terminalSafe } from "../../cli/terminal-text.js";
import { harnessPerTest, KEY, LEARNER, reactIdle } from "./helpers.js";

const OPTIONS = [{ text: "first" }, { text: "second" }, { text: "third" }];
const harness = harnessPerTest();

describe("input in one burst of keys", () => {
  let app: ReturnType<typeof render> | undefined;
  afterEach(() => app?.unmount());

  async function burst(keys: string[]) {
    await reactIdle();
    for (const key of keys) app?.stdin.write(key);
    await reactIdle();
  }

  it("single choice: answers the option picked last", async () => {
    const onSubmit = vi.fn();
    app = render(<ChoiceInput options={OPTIONS} multiple={false} onSubmit={onSubmit} />);
    await burst(["3", "2", KEY.enter]);
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith([1]);
  });

  it("select all that apply: answers every option toggled", async () => {
    const onSubmit = vi.fn();
    app = render(<ChoiceInput options={OPTIONS} multiple={true} onSubmit={onSubmit} />);
    await burst(["1", "3", KEY.enter]);
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith([0, 2]);
  });

  it("ordering: answers the order the moves made", async () => {
    const onSubmit = vi.fn();
    app = render(<OrderInput items={OPTIONS.map((o) => o.text)} shuffled={[0, 1, 2]} onSubmit={onSubmit} />);
    // Pick up the first item, carry it down twice, put it down, answer.
    await burst([KEY.space, KEY.down, KEY.down, KEY.space, KEY.enter]);
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith([1, 2, 0]);
  });

  it("explain: hands in the whole text typed before ctrl+d", async () => {
    const onSubmit = vi.fn();
    const context = {
      tutor: terminalSafe(harness.tutor),
      learnerId: LEARNER,
      now: () => new Date(),
      go: () => undefined,
      quit: () => undefined,
      fail: (error: unknown) => {
        throw error;
      },
    };
    app = render(
      <TutorContext.Provider value={context}>
        <Editor draftKey="burst" onSubmit={onSubmit} />
      </TutorContext.Provider>,
    );
    await burst(["the kernel ", "queues it", KEY.ctrlD]);
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith("the kernel queues it");
  });
});
