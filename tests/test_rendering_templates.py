"""Clause templates: the sandbox, strict variables, filters and the template context."""

from __future__ import annotations

from pathlib import Path

import pytest

from mvi_rules.errors import TemplateError
from mvi_rules.rendering import ClauseRenderer, render_clause, template_context

from .test_rendering_fixtures import SPECIAL_NAME, make_result, profile_data, write_templates


def _render(tmp_path: Path, source: str, lang: str = "nl", data: dict | None = None) -> str:
    """Render ``source`` as the template of MVI-LIF-001 (which has min_lifetime_years = 6)."""
    templates = write_templates(tmp_path / "t", {f"{lang}/test/min_lifetime.j2": source})
    result = make_result(data)
    criterion = next(c for c in result.selected if c.id == "MVI-LIF-001")
    return render_clause(criterion, result.profile, templates, lang)


def test_parameters_and_profile_values(tmp_path: Path) -> None:
    text = _render(
        tmp_path,
        "{{ criterion.id }} {{ criterion.title }}: {{ p.min_lifetime_years }} jaar voor"
        " {{ buyer.name }} ({{ jurisdiction }}, {{ lang }}), {{ lots | length }} perceel",
    )
    assert text == (
        "MVI-LIF-001 Minimale technische levensduur: 6 jaar voor Gemeente Teststad (NL, nl),"
        " 1 perceel"
    )


def test_undefined_parameter_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(TemplateError) as info:
        _render(tmp_path, "{{ p.lifetime }} jaar")
    message = str(info.value)
    assert "'p.lifetime'" in message
    assert "known: min_lifetime_years" in message
    assert "nl/test/min_lifetime.j2" in message
    assert "MVI-LIF-001" in message


def test_undefined_top_level_variable(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="undefined variable 'supplier'"):
        _render(tmp_path, "{{ supplier }}")


def test_undefined_attribute_of_profile_view(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match=r"'buyer\.adress'.*known: .*name"):
        _render(tmp_path, "{{ buyer.adress }}")


def test_undefined_in_condition_is_an_error_too(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match=r"p\.strict"):
        _render(tmp_path, "{% if p.strict %}streng{% endif %}")


def test_printing_an_unset_value_is_an_error(tmp_path: Path) -> None:
    data = profile_data()
    data["procurement"] = {**data["procurement"], "procedure": None}
    with pytest.raises(TemplateError, match="not set"):
        _render(tmp_path, "Procedure: {{ procurement.procedure }}", data=data)
    assert _render(
        tmp_path, "{% if procurement.procedure %}x{% else %}nog open{% endif %}", data=data
    ) == ("nog open")


def test_syntax_error_names_template_and_line(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match=r"nl/test/min_lifetime\.j2, line 2"):
        _render(tmp_path, "regel 1\n{% if %}\n")


def test_sandbox_blocks_internals(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="MVI-LIF-001"):
        _render(tmp_path, "{{ p.__class__.__mro__ }}")
    with pytest.raises(TemplateError):
        _render(tmp_path, "{{ p.clear() }}")


def test_profile_values_are_never_template_source(tmp_path: Path) -> None:
    data = profile_data()
    data["buyer"] = {**data["buyer"], "name": SPECIAL_NAME}
    assert _render(tmp_path, "{{ buyer.name }}", data=data) == SPECIAL_NAME


def test_no_escaping(tmp_path: Path) -> None:
    assert _render(tmp_path, "{{ '<a & b>' }}") == "<a & b>"


def test_number_filters_follow_language(tmp_path: Path) -> None:
    source = (
        "{{ 1234567.5 | number }}|{{ 1000000 | money }}|{{ 6.0 }}|{{ 0.5 }}|{{ 2026 }}"
        "|{{ 12000 }}|{{ 3 | number(2) }}|{{ true }}|{{ procurement.reference_date | date }}"
    )
    assert _render(tmp_path, source) == (
        "1.234.567,5|€ 1.000.000,00|6|0,5|2026|12.000|3,00|ja|23 november 2026"
    )
    assert _render(tmp_path, source, lang="en") == (
        "1,234,567.5|€1,000,000.00|6|0.5|2026|12,000|3.00|yes|23 November 2026"
    )


def test_filter_on_wrong_type_is_a_template_error(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="number filter needs a number"):
        _render(tmp_path, "{{ buyer.name | number }}")


def test_block_tags_leave_no_blank_lines(tmp_path: Path) -> None:
    text = _render(
        tmp_path, "Voor:\n{% for lot in lots %}\n- {{ lot.name }}\n{% endfor %}\nEinde\n"
    )
    assert text == "Voor:\n- Laptops\nEinde\n"


def test_context_lots_only_the_criterions_own() -> None:
    result = make_result()
    review = next(c for c in result.selected if c.id == "MVI-LIF-007")
    context = template_context(review, result.profile, "nl")
    assert [(lot.id, lot.product_group_text) for lot in context["lots"]] == [("2", "beeldschermen")]
    assert context["p"] == {"decision_weeks": 4}
    assert context["buyer"].authority_type_text == "gemeente"
    assert context["procurement"].maximum_term_years == 6


def test_missing_language_directory(tmp_path: Path) -> None:
    (tmp_path / "nl").mkdir()
    with pytest.raises(TemplateError, match="no clause templates for language 'en'"):
        ClauseRenderer(tmp_path, "en")


def test_lang_defaults_to_profile(tmp_path: Path) -> None:
    templates = write_templates(tmp_path / "t")
    result = make_result(profile_data(output_language="en"))
    criterion = next(c for c in result.selected if c.id == "MVI-LIF-007")
    assert render_clause(criterion, result.profile, templates) == (
        "Gemeente Teststad decides on a proposal within 4 weeks.\n"
    )
