"""Tests of the installed claimlens wheel (run by scripts/test-python.sh in a fresh venv)."""

import ast
import doctest
import os
import unittest

import claimlens

ASTRAL = ("😀 Iran said on Monday that talks 🇮🇷 may resume, according to 𝕏 Reuters. "
          "“We are ready,” Foreign Minister Abbas Araghchi told reporters in 中国. "
          "Critics argue the deal is weak.")


def spans(a):
    """Every span of an analysis, with what it is."""
    for s in a["sentences"]:
        yield "sentence", s
    for x in a["actors"]:
        for m in x["mentions"]:
            yield "mention of " + x["name"], m
    for c in a["claims"]:
        yield "cue", c["cue"]
        if c["source"] is not None:
            yield "source", c["source"]
        content = c["content"]
        for piece in (content if isinstance(content, list) else [content] if content else []):
            yield "content", piece
    for h in a["hedges"]:
        yield "hedge", h


class Offsets(unittest.TestCase):
    def test_code_points_index_the_python_string(self):
        a = claimlens.analyze(ASTRAL)
        text = {what: ASTRAL[s["start"]:s["end"]] for what, s in spans(a)}
        self.assertEqual(text["mention of Iran"], "Iran")
        self.assertEqual(text["mention of Reuters"], "Reuters")
        cues = [ASTRAL[c["cue"]["start"]:c["cue"]["end"]] for c in a["claims"]]
        self.assertTrue(any(c.startswith("said") for c in cues), cues)
        self.assertIn("according to", cues)
        self.assertIn("may", [ASTRAL[h["start"]:h["end"]] for h in a["hedges"]])
        for what, s in spans(a):
            self.assertLessEqual(0, s["start"])
            self.assertLessEqual(s["start"], s["end"])
            self.assertLessEqual(s["end"], len(ASTRAL), what)
            piece = ASTRAL[s["start"]:s["end"]]
            self.assertEqual(piece, piece.strip(), f"{what}: {piece!r}")

    def test_utf16_offsets_index_utf16_code_units(self):
        a = claimlens.analyze(ASTRAL, offsets="utf16")
        units = ASTRAL.encode("utf-16-le")
        b = claimlens.analyze(ASTRAL)
        for (what, u), (_, c) in zip(spans(a), spans(b)):
            self.assertEqual(units[2 * u["start"]:2 * u["end"]].decode("utf-16-le"),
                             ASTRAL[c["start"]:c["end"]], what)
        # The astral characters before "Iran" count twice in UTF-16 and once here.
        iran16 = next(x for x in a["actors"] if x["name"] == "Iran")["mentions"][0]
        iran = next(x for x in b["actors"] if x["name"] == "Iran")["mentions"][0]
        self.assertEqual((iran["start"], iran16["start"]), (2, 3))

    def test_lone_surrogate_is_read_as_one_character(self):
        text = "Iran said \ud800 it may act."
        a = claimlens.analyze(text)
        self.assertEqual([text[h["start"]:h["end"]] for h in a["hedges"]], ["may"])
        self.assertEqual([text[c["cue"]["start"]:c["cue"]["end"]] for c in a["claims"]], ["said"])
        b = claimlens.analyze_many([text, "\udfff" * 3 + text], threads=2)
        self.assertEqual(b[0], a)
        self.assertEqual([text[h["start"] - 3:h["end"] - 3] for h in b[1]["hedges"]], ["may"])


class Many(unittest.TestCase):
    def test_a_thousand_texts_on_threads_in_order(self):
        names = ["Iran", "Reuters", "the ministry", "Analysts", "Lena Ortiz", "Boeing"]
        texts = [f"{names[i % 6]} said on day {i} that the plan {'may' if i % 2 else 'will'} "
                 f"work. 😀 {i}" for i in range(1000)]
        many = claimlens.analyze_many(texts, threads=4)
        self.assertEqual(len(many), 1000)
        one_by_one = [claimlens.analyze(t) for t in texts]
        self.assertEqual(many, one_by_one)
        for t, a in zip(texts, many):
            cue = a["claims"][0]["cue"]
            self.assertEqual(t[cue["start"]:cue["end"]], "said")
        self.assertEqual(claimlens.analyze_many(iter(texts[:3]), threads=1), one_by_one[:3])
        self.assertEqual(claimlens.analyze_many([]), [])

    def test_options_apply_to_every_text(self):
        texts = ["The Quorvash Collective murmured that the plan was perchance late."] * 3
        many = claimlens.analyze_many(
            texts, threads=2,
            actors=[{"name": "Quorvash Collective", "kind": "organization", "subkind": "think tank"}],
            cues=["murmured"], hedges=[{"phrase": "perchance", "kind": "hedge"}],
            layers={"actors": True, "claims": True, "hedges": True})
        for t, a in zip(texts, many):
            self.assertEqual([x.get("subkind") for x in a["actors"]], ["think tank"])
            self.assertEqual([t[c["cue"]["start"]:c["cue"]["end"]] for c in a["claims"]], ["murmured"])
            self.assertIn("perchance", [t[h["start"]:h["end"]] for h in a["hedges"]])
        off = claimlens.analyze(texts[0], layers={"actors": False, "claims": False, "hedges": False})
        self.assertEqual((off["actors"], off["claims"], off["hedges"]), ([], [], []))


class Errors(unittest.TestCase):
    CASES = [
        (lambda: claimlens.analyze(42), TypeError, "text must be a str (got int)"),
        (lambda: claimlens.analyze(b"Iran said so."), TypeError, "text must be a str (got bytes)"),
        (lambda: claimlens.analyze("x", offsets="bytes"), ValueError, 'offsets must be "codepoints" or "utf16"'),
        (lambda: claimlens.analyze("x", layers={"claims": 1}), ValueError, 'layers["claims"] must be a bool (got int)'),
        (lambda: claimlens.analyze("x", layers={"quotes": True}), ValueError, 'layers has an unknown key "quotes"'),
        (lambda: claimlens.analyze("x", actors=[{"name": "Zed", "kind": "robot"}]), ValueError,
         'actors[0]["kind"] must be "person", "organization", "place" or "group"'),
        (lambda: claimlens.analyze("x", actors=[{"kind": "person"}]), ValueError, 'actors[0]["name"] is missing'),
        (lambda: claimlens.analyze("x", cues=["!!"]), ValueError, "cues[0] must contain a letter or digit"),
        (lambda: claimlens.analyze("x", cues="said"), TypeError, "cues must be a list of str"),
        (lambda: claimlens.analyze("x", hedges=[{"phrase": "[may] be", "kind": "hedge"}]), ValueError,
         "must not contain '[' or ']'"),
        (lambda: claimlens.analyze("x", actors=[object()]), TypeError, "options must hold only"),
        (lambda: claimlens.analyze_many("one text"), TypeError, "texts must be an iterable of str, not a str"),
        (lambda: claimlens.analyze_many(["fine", None]), TypeError, "texts[1] must be a str (got NoneType)"),
        (lambda: claimlens.analyze_many(["fine"], threads=0), ValueError, "threads must be an int of at least 1"),
        (lambda: claimlens.analyze("x", cues=["sa\ud800id"]), ValueError, "surrogate"),
        (lambda: claimlens.analyze("x", offsets=5), TypeError, "offsets"),
    ]

    def test_bad_input_says_what_is_wrong(self):
        for call, kind, words in self.CASES:
            with self.subTest(words=words):
                with self.assertRaises(kind) as e:
                    call()
                self.assertIn(words, str(e.exception))
                self.assertTrue(str(e.exception).startswith("claimlens."), str(e.exception))

    def test_oversized_text_is_refused_and_the_module_goes_on(self):
        with self.assertRaises(ValueError) as e:
            claimlens.analyze("a" * ((32 << 20) + 1))
        self.assertIn("over the limit of 32 MiB", str(e.exception))
        self.assertEqual(claimlens.analyze("")["claims"], [])
        self.assertTrue(claimlens.analyze("Iran said it may act.")["claims"])


class Stubs(unittest.TestCase):
    """The .pyi's TypedDicts name exactly the keys the module returns."""

    def test_typed_dicts_match_the_contract(self):
        path = os.path.join(os.path.dirname(claimlens.__file__), "__init__.pyi")
        with open(path, encoding="utf-8") as f:
            tree = ast.parse(f.read())
        fields = {}
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                own = {s.target.id for s in node.body if isinstance(s, ast.AnnAssign)}
                for base in node.bases:
                    if isinstance(base, ast.Name) and base.id in fields:
                        own |= fields[base.id]
                fields[node.name] = own
        a = claimlens.analyze(ASTRAL, actors=[{"name": "Quorvash Collective", "kind": "organization",
                                               "subkind": "think tank"}])
        a2 = claimlens.analyze("The Quorvash Collective said it may act.",
                               actors=[{"name": "Quorvash Collective", "kind": "organization",
                                        "subkind": "think tank"}])
        self.assertEqual(set(a), fields["Analysis"])
        self.assertEqual(set(a["summary"]), fields["Summary"])
        self.assertEqual(set(a["sentences"][0]), fields["Sentence"])
        self.assertEqual(set(a["hedges"][0]), fields["Hedge"])
        for c in a["claims"]:
            self.assertEqual(set(c), fields["Claim"])
        actor_keys = set()
        for x in a["actors"] + a2["actors"]:
            self.assertLessEqual(fields["_ActorBase"], set(x))
            actor_keys |= set(x)
        self.assertLessEqual(actor_keys, fields["Actor"])
        self.assertIn("subkind", actor_keys)

    def test_docstring_examples(self):
        self.assertEqual(doctest.testmod(claimlens).failed, 0)

    def test_readme_example(self):
        # The README's Python line, as written there.
        readme = os.path.join(os.path.dirname(__file__), "..", "..", "README.md")
        with open(readme, encoding="utf-8") as f:
            line = next(l for l in f if l.startswith("python3 -c 'import claimlens"))
        code = line.split("'", 1)[1].rsplit("'", 1)[0]
        import contextlib
        import io
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(code, {})
        self.assertEqual(out.getvalue().strip(), "named")

    def test_version(self):
        self.assertRegex(claimlens.__version__, r"^\d+\.\d+\.\d+")
        self.assertEqual(claimlens.version(), claimlens.__version__)


if __name__ == "__main__":
    unittest.main()
