"""The parcel review dock's reasons panel (parcels_review.reasons_html) in each language: the
parcel's area in the unit word of its reasons (公顷 beside Chinese reasons, ha beside English),
the verdict, the rules and every reason one per line."""

import pytest

pytestmark = pytest.mark.usefixtures("provider")


def test_reasons_panel_speaks_one_language(guotu) -> None:
    from guotu.parcels.parcels_review import ReviewRow, reasons_html

    row = ReviewRow(fid=8, parcel_id="ZZ008", verdict="fail", village_id="1301011002000000000",
                    project_id="XM2021-01", area_ha=2.32514, rule_ids="P11,P15",
                    reasons_zh="规划建设用地占用永久基本农田 2.3251 公顷（占 100.0%）；规划建设用地位于城镇开发边界外 2.3251 公顷",
                    reasons_en="planned construction on permanent farmland 2.3251 ha (100.0%); planned construction "
                               "outside the urban boundary 2.3251 ha")
    zh = reasons_html(row, True)
    assert "· 2.3251 公顷 ·" in zh and " ha" not in zh, zh
    assert zh.count("<li>") == 2 and "P11,P15" in zh and "ZZ008" in zh
    en = reasons_html(row, False)
    assert "· 2.3251 ha ·" in en and "公顷" not in en, en
    assert en.count("<li>") == 2
