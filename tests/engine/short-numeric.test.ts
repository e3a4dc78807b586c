/** Short and numeric grading on the bundled questions: plausible right answers pass, plausible wrong ones do not. */
import { describe, expect, it } from "vitest";
import { defaultContentDir, loadContent, type Question } from "../../engine/index.js";
import { grade } from "../../engine/quiz/grade.js";

const { catalog } = await loadContent(defaultContentDir(), {});
const byId = new Map(catalog.quizzes.flatMap((q) => q.questions).map((q) => [q.id, q] as const));
const verdict = (id: string, text: string) => {
  const q = byId.get(id) as Question;
  if (!q) throw new Error(`no question ${id}`);
  const g = grade(q, { kind: "text", text });
  return g.invalid ? "invalid" : g.correct ? "right" : "wrong";
};

const RIGHT: [string, string][] = [
  ["brr-recv-zero", "0 (EOF)"],
  ["brr-recv-zero", "it returns 0"],
  ["brr-recv-zero", "zero."],
  ["o3-simd-name", "auto vectorization"],
  ["o3-simd-name", "Auto-Vectorisation"],
  ["o3-simd-name", "autovectorization"],
  ["o3-simd-name", "it's SIMD"],
  ["brr-rcvbuf-doubled", "128 KiB"],
  ["brr-rcvbuf-doubled", "131,072 bytes"],
  ["brr-rcvbuf-doubled", "128 KB"],
  ["cfp-old-global-p50", "1.57 s"],
  ["cfp-old-global-p50", "1570ms"],
  ["cfp-old-global-p50", "about 1.55 seconds"],
  ["mdb-page-offset", "7 x 8192 = 57344"],
  ["mdb-page-offset", "56 KiB"],
  ["mysql8-fixed-release", "v8.0.39"],
  ["mysql8-fixed-release", "MySQL 8.0.39"],
  ["mysql8-fixed-release", "fixed in 8.0.39"],
  ["sysc-python-ioctl", "it's ioctl()"],
  ["sysc-python-ioctl", "`ioctl`"],
  ["pgr-required-method", "upstream_peer()"],
  ["pgr-required-method", "you implement upstream_peer"],
  ["thr-herd-name", "the thundering herd problem"],
  ["thr-herd-name", "a thundering herd"],
  ["epx-default-range-size", "28232"],
  ["epx-default-range-size", "28,232 ports"],
  ["kx-slo-percent", "82%"],
  ["kx-slo-percent", "82 percent"],
  ["zcrx-copy-traffic", "2 MiB"],
  ["zcrx-copy-traffic", "2048 KiB"],
  ["six-handshake-delay", "80ms"],
  ["six-handshake-delay", "0.08 s"],
  ["six-handshake-delay", "80000 us"],
  ["kx-commit-default", "5000 ms"],
  ["stc-linux-errno", "ECONNREFUSED"],
  ["stc-linux-errno", "it fails with connection refused"],
  ["epx-errno", "EADDRNOTAVAIL."],
  ["torn-zfs", "OpenZFS"],
  ["pgio-default-limit", "16 blocks"],
  ["tmo-abort-error-name", "a TimeoutError"],
];

const WRONG: [string, string, ("wrong" | "invalid")?][] = [
  ["pgio-default-limit", "16 or 32"],
  ["pgio-default-limit", "not 16, it's 8"],
  ["pgio-count-reads", "3 to 6", "invalid"],
  ["pgio-count-reads", "16 or 32", "invalid"],
  ["epx-default-range-size", "28231"],
  ["epx-default-range-size", "28233"],
  ["epx-default-range-size", "28231 or 28232", "invalid"],
  ["pgio-predict-cold-scan", "1310719"],
  ["pgio-predict-cold-scan", "1310721"],
  ["thr-herd-name", "not a thundering herd"],
  ["thr-herd-name", "thundering herds are not the issue here at all, it is lock convoys"],
  ["sysc-python-ioctl", "not ioctl"],
  ["sysc-python-ioctl", "ioctl or fcntl"],
  ["sysc-python-ioctl", "fcntl"],
  ["brr-recv-zero", "-1"],
  ["brr-recv-zero", "0 or -1"],
  ["brr-rcvbuf-doubled", "64 KiB"],
  ["brr-rcvbuf-doubled", "128 MB"],
  ["cfp-old-global-p50", "1.57 ms"],
  ["cfp-old-global-p50", "157 ms"],
  ["kx-slo-percent", "0.82"],
  ["kx-slo-percent", "18%"],
  ["six-handshake-delay", "80 s"],
  ["six-handshake-delay", "8 ms"],
  ["six-handshake-delay", "80 bytes", "invalid"],
  ["mysql8-fixed-release", "8.0.38"],
  ["mysql8-fixed-release", "8.0"],
  ["o3-simd-name", "vector"],
  ["o3-simd-name", "inlining"],
  ["stc-linux-errno", "ETIMEDOUT"],
  ["stc-linux-errno", "no, not connection refused"],
  ["epx-errno", "EADDRINUSE"],
  ["mdb-page-offset", "8192"],
  ["mdb-page-offset", "7 x 8192", "invalid"],
  ["tcl-min-lines", "6"],
  ["tcl-min-lines", "8"],
  ["torn-zfs", "btrfs"],
];

describe("short and numeric answers on the bundled questions", () => {
  it.each(RIGHT)("%s accepts %j", (id, text) => {
    expect(verdict(id, text)).toBe("right");
  });
  it.each(WRONG)("%s does not accept %j", (id, text, how) => {
    const v = verdict(id, text);
    expect(v).not.toBe("right");
    if (how) expect(v).toBe(how);
  });
});
