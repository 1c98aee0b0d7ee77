#!/usr/bin/env python3
"""Evaluate the bot on a question set and write results and a report.

Runs every question through the same code path as the chat app
(``Chat.reply``), then scores retrieval (hit@1/3/5 and MRR for hybrid,
dense-only and BM25-only), citations, must-mention coverage, red flags,
refusals, follow-ups and latency. Writes:

  OUT/results.jsonl   one raw result per question
  OUT/report.md       the summary table, the three retrieval modes, the failures
  OUT/report.html     the same numbers as bar charts (matplotlib, inline SVG)

With --answers or --red-flags: OUT/<set>.md, OUT/<set>.html (charts) and, for answers,
OUT/<set>.results.jsonl.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


from bot.config import PROJECT_ROOT, from_env
from bot.question_sets import load_items


def markdown_report(scores, questions: Path, targets) -> str:
    lines = [f"# Evaluation on `{questions.name}`", "", "| metric | value | target |", "|---|---|---|"]
    lines += [f"| {m} | {v} | {t} |" for m, v, t in scores.table(targets)]
    lines += ["", "## Retrieval by mode", "", "| mode | n | hit@1 | hit@3 | hit@5 | MRR |", "|---|---|---|---|---|---|"]
    for mode, r in scores.retrieval.items():
        lines.append(f"| {mode} | {r['n']} | {r['hit@1']:.3f} | {r['hit@3']:.3f} | {r['hit@5']:.3f} | {r['mrr']:.3f} |")
    lines += ["", f"## Questions that failed ({len(scores.failures)})", ""]
    lines += [f"- `{f['id']}` ({f['kind']}) {f['question']!r}: {'; '.join(f['problems'])}" for f in scores.failures]
    return "\n".join(lines) + "\n"


def _numeric(rows: list[tuple[str, str, str]]) -> tuple[list[tuple[str, float]], dict[str, float]]:
    """The share-valued rows of a metrics table (0–1) and their ">= x" targets."""
    values, targets = [], {}
    for metric, value, target in rows:
        try:
            number = float(value)
        except ValueError:
            continue
        if 0.0 <= number <= 1.0 and "latency" not in metric:
            values.append((metric, number))
            if target.startswith(">= "):
                targets[metric] = float(target[3:])
    return values, targets


def html_report(scores, targets) -> str:
    from bot.charts import bar_chart, html_page

    quality, marks = _numeric(scores.table(targets))
    retrieval = [(f"{mode} {k}", r[k]) for mode, r in scores.retrieval.items() for k in ("hit@5", "mrr")]
    return html_page("Evaluation", [bar_chart("Answer quality", quality, marks),
                                    bar_chart("Retrieval: hybrid vs dense vs BM25", retrieval)],
                     [f"Latency p50 {scores.latency_p50:.1f} ms, p95 {scores.latency_p95:.1f} ms."])


def red_flag_report(scores, path: Path) -> str:
    lines = [f"# Red flags on `{path.name}`", "",
             f"recall **{scores.recall:.3f}**, precision **{scores.precision:.3f}**, "
             f"red-flag items refused: {len(scores.refused_red_flags)}", "",
             "| category | n | flagged | rate |", "|---|---|---|---|"]
    for name, c in sorted(scores.by_category.items()):
        lines.append(f"| {name} | {c['n']} | {c['caught']} | {c['recall']:.3f} |")
    lines += ["", f"## Misses ({len(scores.misses)})", ""]
    lines += [f"- `{m['id']}` ({m['category']}) {m['message']!r}" + (f" after {m['turns']!r}" if m["turns"] else "")
              for m in scores.misses]
    lines += ["", f"## False alarms ({len(scores.false_alarms)})", ""]
    lines += [f"- `{m['id']}` {m['message']!r}: {', '.join(m['reasons'])}" for m in scores.false_alarms]
    return "\n".join(lines) + "\n"


def leave_out_of_memories(chat, name: str) -> None:
    """A set graded into the answer or flag memory would be answered from its own labels:
    measure it with memories that leave it out (bot/answer_memory.py, bot/flag_memory.py)."""
    answers, flags = chat.composer.answer_memory, chat.triage.memory
    left = False
    if answers is not None and name in answers.sets:
        chat.composer.use_memory(answers.without(name))
        left = True
    if flags is not None and name in flags.sets:
        chat.triage.use_memory(flags.without(name))
        left = True
    if left:
        print(f"{name} is in the memories: measuring it with memories that leave it out", file=sys.stderr)


def run_red_flags(chat, path: Path, out: Path, quiet: bool) -> int:
    from tqdm import tqdm

    from bot.red_flag_metrics import red_flag_scores

    items = load_items(path)
    leave_out_of_memories(chat, path.name)
    results = [chat.reply(q["question"], q["turns"]).to_dict() for q in tqdm(items, desc="messages", disable=quiet)]
    scores = red_flag_scores(items, results)
    report = red_flag_report(scores, path)
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{path.stem}.md").write_text(report, encoding="utf-8")
    from bot.charts import bar_chart, html_page

    by_category = [(name, c["recall"]) for name, c in sorted(scores.by_category.items()) if name != "none"]
    (out / f"{path.stem}.html").write_text(html_page(f"Red flags on {path.name}", [
        bar_chart("Recall and precision", [("recall", scores.recall), ("precision", scores.precision)],
                  {"recall": chat.settings.targets.red_flag_recall,
                   "precision": chat.settings.targets.red_flag_set_precision}),
        bar_chart("Recall by category", by_category),
    ]), encoding="utf-8")
    print(report)
    return 0


def run_answers(chat, path: Path, out: Path, quiet: bool) -> int:
    """Answer-level metrics on an answer set (eval/answers_SPLIT.jsonl), overall and per answer type."""
    from tqdm import tqdm

    from bot.cleaning import apply_glossary
    from bot.corpus import load_glossary
    from bot.answer_metrics import answer_scores

    glossary = {}
    for g in (chat.settings.corpus_dir / "glossary").glob("*.json"):
        glossary |= load_glossary(chat.settings.corpus_dir, g.stem)
    items = load_items(path)
    leave_out_of_memories(chat, path.name)
    results = [chat.reply(q["question"], q["turns"]).to_dict() for q in tqdm(items, desc="questions", disable=quiet)]
    scores = answer_scores(items, results, repair=lambda text: apply_glossary(text, glossary))
    lines = [f"# Answers on `{path.name}` ({scores.n} answerable, {len(items) - scores.n} off-topic)", "",
             "| metric | value | target |", "|---|---|---|"]
    lines += [f"| {m} | {v} | {t} |" for m, v, t in scores.table(chat.settings.targets)]
    lines += ["", "| answer type | n | lead | evidence in answer |", "|---|---|---|---|"]
    lines += [f"| {k} | {v['n']} | {v['lead']:.2f} | {v['evidence']:.2f} |" for k, v in sorted(scores.by_type.items())]
    lines += ["", f"## Failures ({len(scores.failures)})", ""]
    lines += [f"- `{f['id']}` {f['question'][:120]!r}" + (f" after {f.get('turns')!r}" if f.get("turns") else "")
              + f": {'; '.join(f['problems'])}" + (f" — first: {f['first'][:100]!r}" if f.get("first") else "")
              for f in scores.failures]
    report = "\n".join(lines) + "\n"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{path.stem}.md").write_text(report, encoding="utf-8")
    from bot.charts import bar_chart, html_page

    overall, targets = _numeric(scores.table(chat.settings.targets))
    by_type = [(f"{kind} lead", v["lead"]) for kind, v in sorted(scores.by_type.items())]
    by_type += [(f"{kind} evidence", v["evidence"]) for kind, v in sorted(scores.by_type.items())]
    (out / f"{path.stem}.html").write_text(html_page(f"Answers on {path.name}", [
        bar_chart("Answer quality", overall, targets), bar_chart("By answer type", sorted(by_type)),
    ]), encoding="utf-8")
    with (out / f"{path.stem}.results.jsonl").open("w", encoding="utf-8") as fh:
        for r in results:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(report)
    return 0


def _set_file(name: str, kind: str) -> Path | None:
    """A split name ("dev") means eval/KIND_dev.jsonl; anything else must be a file."""
    for path in (Path(name), PROJECT_ROOT / "eval" / f"{kind}_{name}.jsonl"):
        if path.is_file():
            return path
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--questions", type=Path, default=PROJECT_ROOT / "eval" / "questions.jsonl",
                        help="question set (JSONL; default eval/questions.jsonl)")
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "eval" / "out", help="output folder (default eval/out)")
    parser.add_argument("-k", type=int, default=5, help="passages the retrieval metrics (hit@k, MRR) look at (default 5); "
                        "answers quote from Settings.top_k passages")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument("--red-flags", metavar="SPLIT|FILE",
                        help="score red-flag detection on eval/red_flags_SPLIT.jsonl (or a red-flag file) instead "
                             "(tune on dev; run a test split once, at the end)")
    parser.add_argument("--answers", metavar="SPLIT|FILE",
                        help="score answers on eval/answers_SPLIT.jsonl (or an answer file): lead, evidence, "
                             "filler, repeats (tune on dev; run test once, at the end)")
    args = parser.parse_args(argv)

    from tqdm import tqdm

    from bot.chat import Chat
    from bot.evaluation import collect, score

    if not args.questions.is_file():
        print(f"error: question file not found: {args.questions}", file=sys.stderr)
        return 2
    named = (args.answers, "answers") if args.answers else (args.red_flags, "red_flags") if args.red_flags else None
    path = _set_file(*named) if named else None
    if named and path is None:
        print(f"error: no such set: {named[0]!r} is neither a file nor eval/{named[1]}_{named[0]}.jsonl", file=sys.stderr)
        return 2
    chat = Chat(from_env())
    if args.answers:
        return run_answers(chat, path, args.out, args.quiet)
    if args.red_flags:
        return run_red_flags(chat, path, args.out, args.quiet)
    items = load_items(args.questions)
    results = [collect(chat, item, args.k) for item in tqdm(items, desc="questions", disable=args.quiet)]
    scores = score(items, results)

    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "results.jsonl").open("w", encoding="utf-8") as fh:
        for r in results:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    report = markdown_report(scores, args.questions, chat.settings.targets)
    (args.out / "report.md").write_text(report, encoding="utf-8")
    (args.out / "report.html").write_text(html_report(scores, chat.settings.targets), encoding="utf-8")
    print(report)
    print(f"wrote {args.out / 'results.jsonl'}, report.md, report.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
