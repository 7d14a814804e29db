"""The commands' --json output: the value, readable at its outer levels."""

from __future__ import annotations

import json

from cli.main import print_json


def test_json_output_is_the_value_with_its_outer_levels_one_item_a_line(capsys):
    value = {
        "format": "report",
        "measures": {
            "f1": {"overall": {"value": 0.5, "ci": [0.25, 0.75]}, "by_document": [{1: "ميتا"}]},
            "empty": {},
        },
        "list": [1, {"deep": [2, 3]}],
        "none": [],
        7: None,
    }
    print_json(value)
    out = capsys.readouterr().out
    assert json.loads(out) == json.loads(json.dumps(value))
    assert out.endswith("}\n")
    lines = out.splitlines()
    assert lines[:3] == ["{", ' "format": "report",', ' "measures": {']
    # a measure's own items are a line each, deeper values on their item's line
    assert '   "overall": {"value": 0.5, "ci": [0.25, 0.75]},' in lines
    assert '   "by_document": [{"1": "ميتا"}]' in lines
    assert '  "empty": {}' in lines
    at = lines.index(' "list": [')
    assert lines[at + 1 : at + 6] == ["  1,", "  {", '   "deep": [2, 3]', "  }", " ],"]
    assert ' "none": [],' in lines
    assert ' "7": null' in lines


def test_pairs_made_as_they_are_reached_are_written_as_the_object_they_make(capsys):
    made = []

    def measures():
        for key in ("f1", "kappa"):
            made.append(key)
            yield key, {"overall": {"value": len(made)}}

    print_json({"format": "report", "measures": measures(), "nothing": iter(())})
    lazy = capsys.readouterr().out
    print_json(
        {
            "format": "report",
            "measures": {"f1": {"overall": {"value": 1}}, "kappa": {"overall": {"value": 2}}},
            "nothing": {},
        }
    )
    assert lazy == capsys.readouterr().out
    assert made == ["f1", "kappa"]
