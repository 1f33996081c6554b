// Misuses the generated definitions: scripts/check-ts.sh requires `tsc --strict`
// to report an error on exactly the lines marked "error here", and on no other.
import { analyze, analyzeView } from "../../pkg/web/claimlens_js.js";
import type { Analysis, Claim } from "../../pkg/web/claimlens_js.js";

const text = "The ministry said the talks may resume.";
const a: Analysis = analyze(text);
const wrongField: number = a.summary.hedge_count; // error here: no such field
const notAny: string = a.sentences[0].certainty; // error here: a number
analyze(text, { cues: "said" }); // error here: cues is an array
analyze(text, { hedges: [{ phrase: "maybe", kind: "hedging" }] }); // error here: unknown kind
analyze(text, { layer: { hedges: false } }); // error here: misspelt option
const c: Claim = a.claims[0];
const src: number = c.source.start; // error here: source may be null
const kind: "place" = a.actors[0].kind; // error here: any actor kind
analyze(); // error here: text is required
const renamed: number = analyzeView(text).summary.unattributed; // error here: the contract's name is claims_none
export { wrongField, notAny, src, kind, renamed };
