// Type-checks a typical use of the generated definitions (pkg/web and pkg/node)
// with `tsc --strict`; scripts/check-ts.sh runs it. Every line must compile,
// and each @ts-expect-error line must fail.
import init, { analyze, analyzeView, version } from "../../pkg/web/claimlens_js.js";
import type {
  Actor,
  ActorKind,
  Analysis,
  AnalyzeOptions,
  Claim,
  Hedge,
  HedgeKind,
  Sentence,
  Span,
  Summary,
  View,
  Run,
  Role,
  ActorView,
  ClaimView,
  HedgeView,
  Loc,
} from "../../pkg/web/claimlens_js.js";
import * as node from "../../pkg/node/claimlens_js.js";

export async function main(text: string): Promise<string[]> {
  await init();
  const v: string = version();
  const options: AnalyzeOptions = {
    layers: { actors: true, claims: false },
    actors: [
      { name: "Zorblax Institute", kind: "organization", subkind: "think tank" },
      { name: "Ada Quill", kind: "person" },
    ],
    cues: ["murmured", "according to"],
    hedges: [{ phrase: "perchance", kind: "hedge" }],
  };
  const a: Analysis = analyze(text, options);
  const b: Analysis = node.analyze(text);
  const out: string[] = [v, String(b.summary.words)];
  const cut = (s: Span): string => text.slice(s.start, s.end);

  for (const s of a.sentences as Sentence[]) out.push(`${cut(s)} ${s.certainty.toFixed(2)}`);
  for (const x of a.actors as Actor[]) {
    const kind: ActorKind = x.kind;
    const sub: string | undefined = x.subkind;
    const aff: string = x.affiliation ?? "";
    out.push(`${x.id} ${x.name} ${kind} ${sub ?? "-"} ${aff} ${x.aliases.join("/")}`);
    out.push(...x.mentions.map(cut));
  }
  for (const c of a.claims as Claim[]) {
    const src: string = c.source === null ? "(none)" : cut(c.source);
    const content: string =
      c.content === null ? "" : Array.isArray(c.content) ? c.content.map(cut).join(" … ") : cut(c.content);
    const actor: Actor | undefined = c.actor === null ? undefined : a.actors[c.actor];
    const how: "named" | "vague" | "none" = c.attribution;
    out.push(`${src} ${cut(c.cue)} ${content} ${actor?.name ?? ""} ${how}`);
  }
  for (const h of a.hedges as Hedge[]) {
    const kind: HedgeKind = h.kind;
    out.push(`${cut(h)} ${kind} ${h.reason}`);
  }
  const s: Summary = a.summary;
  const n: number =
    s.words + s.sentences + s.actors + s.claims + s.claims_named + s.claims_vague + s.claims_none +
    s.share_named + s.share_vague + s.share_none + s.hedges + s.boosters + s.weasels + s.conditions +
    s.hedges_per_100_words + s.certainty;
  out.push(String(n));

  // The view: runs in UTF-16 offsets, words to show, colours.
  const view: View = analyzeView(text, options);
  const summary: Summary = view.summary;
  out.push(String(summary.claims_none + view.length));
  for (const run of view.pages.flatMap((p) => p.paras).flatMap((p) => p.runs) as Run[]) {
    const lines: string[] = [];
    if (run.actor !== undefined) {
      const x: ActorView = view.actors[run.actor];
      const kind: ActorKind = x.kind;
      lines.push(`${x.colour} ${kind} ${x.tip}`);
    }
    if (run.claim !== undefined && run.role !== undefined) {
      const role: Role = run.role;
      const c: ClaimView = view.claims[run.claim];
      const at: Loc = c.at;
      lines.push(c.tips[role] ?? "", at.anchor, c.source ?? "(none)");
    }
    if (run.hedge !== undefined) {
      const h: HedgeView = view.hedges[run.hedge];
      const kind: HedgeKind = h.kind;
      lines.push(`${kind} ${h.tip}`);
    }
    out.push(`${text.slice(run.start, run.end)} ${run.stop === true} ${run.anchor ?? ""} ${lines.join("; ")}`);
  }

  // @ts-expect-error: the text must be a string
  analyze(42);
  // @ts-expect-error: a run's actor may be absent
  const actor0: number = view.pages[0].paras[0].runs[0].actor;
  // @ts-expect-error: a role is one of three names
  const role0: Role = "quote";
  out.push(String(actor0), role0);
  // @ts-expect-error: an unknown actor kind
  analyze(text, { actors: [{ name: "X", kind: "robot" }] });
  // @ts-expect-error: a layer is a boolean
  analyze(text, { layers: { hedges: "no" } });
  // @ts-expect-error: subkind may be absent, so it is not a plain string
  const sub0: string = a.actors[0].subkind;
  // @ts-expect-error: content may be null or an array
  const start0: number = a.claims[0].content.start;
  out.push(String(sub0), String(start0));
  return out;
}
