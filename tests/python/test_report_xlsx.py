"""store.report_write_xlsx(campaign, as_of, path): the report's sections as sheets, read back with openpyxl."""
import datetime

import openpyxl
import pytest

import campaign


def test_report_sheets(seed, tmp_path):
    seed.progress_report_add(None, actor="clerk", outcome="t1.1.o1", unit="liyong", status="done", percent=100,
                             date="2010-11-29")
    path = tmp_path / "report.xlsx"
    seed.report_write_xlsx(None, "2011-03-01", str(path))
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["成果进度", "各阶段", "各单位", "逾期成果", "督查名单", "单位进度"]
    outcomes = list(wb["成果进度"].values)
    assert outcomes[0][:3] == ("成果", "内容", "完成时限")
    assert len(outcomes) == 1 + 32
    overdue = list(wb["逾期成果"].values)
    # the 18 outcomes red on 2011-03-01 (the CLI's report says "逾期 18")
    assert len(overdue) == 1 + 18
    assert overdue[1][0] == "t1.1.o2" and overdue[1][3] == datetime.datetime(2010, 12, 31)
    assert overdue[1][4] == 60
    units = list(wb["各单位"].values)
    assert units[0] == ("单位", "牵头措施", "配合措施", "应交成果", "已到期成果", "逾期成果")
    assert ("监察室", 14, 10, 14, 10, 8) in units
    supervision = list(wb["督查名单"].values)
    assert supervision[1][:3] == ("监察室", 8, 152)
    assert wb["成果进度"].freeze_panes == "A2"


def test_report_refusals_leave_no_file(seed, tmp_path):
    path = tmp_path / "r.xlsx"
    with pytest.raises(campaign.InvalidInput):
        seed.report_write_xlsx(None, "2011-02-30", str(path))
    assert not path.exists()
    with pytest.raises(campaign.NotFound):
        seed.report_write_xlsx("nope", None, str(path))
    assert not path.exists()
