#!/usr/bin/env python3
"""Reads the JSON of core_bench and adapter_bench (Google Benchmark, run with
repetitions) and prints their medians as Markdown, with the core goals:

  - a 3-tier marginal TIERED_BONUS <= 20 ns per evaluation;
  - splits and rates <= 2 ns per element at 10k elements;
  - no heap allocation per evaluation on the scalar paths.

    core_goals.py core.json [adapter.json]

Exit status 0 whatever the outcome: the goals are reported, not enforced.
"""
import json
import sys

# Benchmarks whose "per_elem" must stay within 2 ns (10k elements).
PER_ELEMENT_GOAL_NS = 2.0
PER_ELEMENT = ("BM_FunnelRate_Pooled10k", "BM_FunnelRate_Mean10k", "BM_WorkshopEfficiency_Overall10k",
               "BM_WorkshopEfficiency_Efficiency10k", "BM_TargetSplit_Whole10k", "BM_TargetSplit_Fractional10k",
               "BM_TargetSplit_Equal10k")
# Benchmarks with a time goal per evaluation.
TIME_GOAL_NS = {"BM_TieredBonus_Marginal3": 20.0}
# Scalar paths: no allocation.
SCALAR = ("BM_TieredBonus_", "BM_FunnelRate_Scalar", "BM_FunnelRate_Pooled3", "BM_FunnelRate_Mean3",
          "BM_WorkshopEfficiency_Scalar", "BM_WorkshopEfficiency_Overall3", "BM_FunnelTarget_", "BM_Keyword_",
          "BM_TargetSplit_Quarter3", "BM_TargetSplit_Revenue3Cents", "BM_Adapter_WorkshopEfficiency_",
          "BM_Adapter_FunnelRate_Row", "BM_Adapter_TieredBonus_", "BM_Adapter_FunnelTarget_Chained",
          "BM_Adapter_TargetSplit_Part", "BM_PayoutCurve_", "BM_KpiScore_", "BM_Adapter_PayoutCurve_",
          "BM_Adapter_KpiScore_")


def medians(path):
    """{benchmark name: its median entry} (or the only entry without repetitions)."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    out = {}
    for b in data["benchmarks"]:
        name = b.get("run_name", b["name"])
        if b.get("run_type") == "aggregate":
            if b.get("aggregate_name") == "median":
                out[name] = b
        else:
            out.setdefault(name, b)
    return data.get("context", {}), out


def ns(entry, key="cpu_time"):
    scale = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}[entry.get("time_unit", "ns")]
    return entry[key] * scale


def is_scalar(name):
    return any(name == s or (s.endswith("_") and name.startswith(s)) for s in SCALAR)


def table(title, entries, verdicts):
    print("\n### %s\n" % title)
    print("| benchmark | median CPU time | per element | allocs per evaluation | goal |")
    print("|---|---:|---:|---:|---|")
    for name, e in entries.items():
        t = ns(e)
        per = e.get("per_elem")
        allocs = e.get("allocs")
        goals = []
        if name in TIME_GOAL_NS:
            ok = t <= TIME_GOAL_NS[name]
            goals.append("<= %.0f ns: %s" % (TIME_GOAL_NS[name], "met" if ok else "MISSED"))
            verdicts.append((name, "time <= %.0f ns" % TIME_GOAL_NS[name], ok))
        if name in PER_ELEMENT and per is not None:
            ok = per * 1e9 <= PER_ELEMENT_GOAL_NS
            goals.append("<= 2 ns/element: %s" % ("met" if ok else "MISSED"))
            verdicts.append((name, "<= 2 ns per element", ok))
        if is_scalar(name) and allocs is not None:
            ok = allocs < 0.5
            goals.append("0 allocs: %s" % ("met" if ok else "MISSED"))
            verdicts.append((name, "no allocation", ok))
        print("| %s | %s | %s | %s | %s |" % (
            name, ("%.1f ns" % t) if t < 1e4 else ("%.1f us" % (t / 1e3)),
            ("%.2f ns" % (per * 1e9)) if per is not None else "",
            ("%.2f" % allocs) if allocs is not None else "", "; ".join(goals)))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    verdicts = []
    for i, path in enumerate(sys.argv[1:]):
        context, entries = medians(path)
        if i == 0:
            print("Google Benchmark on %s CPUs at %s MHz; medians of the repetitions, CPU time (the "
                  "wall time is in the .txt beside the JSON; on a busy machine it is the larger)." % (
                      context.get("num_cpus", "?"), context.get("mhz_per_cpu", "?")))
        table("core_bench" if "core" in path else ("adapter_bench" if "adapter" in path else path), entries,
              verdicts)
    missed = [v for v in verdicts if not v[2]]
    print("\nCore goals: %d checked, %d met, %d missed%s" % (
        len(verdicts), len(verdicts) - len(missed), len(missed),
        (": " + ", ".join("%s (%s)" % (n, g) for n, g, _ in missed)) if missed else "."))


if __name__ == "__main__":
    main()
