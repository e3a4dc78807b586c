// Keys typed faster than Ink renders (a burst: a number, another number, enter) answer what was chosen last.
import { render } from "ink-testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ChoiceInput } from "../../cli/components/choice-input.js";
import { KEY, reactIdle } from "./helpers.js";

const OPTIONS = [{ text: "first" }, { text: "second" }, { text: "third" }];

describe("ChoiceInput", () => {
  let app: ReturnType<typeof render> | undefined;
  afterEach(() => app?.unmount());

  it("answers the option picked last when number keys and enter arrive before a render", async () => {
    const onSubmit = vi.fn();
    app = render(<ChoiceInput options={OPTIONS} multiple={false} onSubmit={onSubmit} />);
    await reactIdle();
    app.stdin.write("3");
    app.stdin.write("2");
    app.stdin.write(KEY.enter);
    await reactIdle();
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith([1]);
  });

  it("answers every option toggled in a burst in select-all-that-apply", async () => {
    const onSubmit = vi.fn();
    app = render(<ChoiceInput options={OPTIONS} multiple={true} onSubmit={onSubmit} />);
    await reactIdle();
    app.stdin.write("1");
    app.stdin.write("3");
    app.stdin.write(KEY.enter);
    await reactIdle();
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith([0, 2]);
  });
});
