"""Search ranked and paged from Python: a common word keeps informative scores, pages cut the listing."""
from conftest import SOURCE

TEXTS = ("土地违法", "土地土地土地", "违规占用耕地", "土地违法违规占用耕地", "土地", "土地违法")


def findings(seed):
    assert seed.catalogue_import_file(path=SOURCE / "examples" / "catalogues" / "ten-categories.yaml",
                                      actor="office") == 1
    for i, text in enumerate(TEXTS):
        seed.finding_add(id="P-%d" % (i + 1), unit="emeishan", category="ten-categories/c1",
                         origin="self_reported", description=text, found_on="2010-11-01", actor="office")


def test_common_word_ranked_and_paged(seed):
    findings(seed)
    # 土地 is in 5 of the 6 texts: scores stay apart (BM25, idf ln(1 + 6/5)); a tie goes to the older finding
    whole = [(h.object, h.score) for h in seed.search_query(text="土地")]
    assert whole == [("P-2", 1207), ("P-5", 1059), ("P-1", 878), ("P-6", 878), ("P-4", 581)]
    cut = []
    for offset in range(0, 6, 2):
        rows = seed.search_query(text="土地")
        rows.page(offset, 2)
        cut.extend((h.object, h.score) for h in rows)
    assert cut == whole
    rows = seed.search_query(text="土地", kind="finding")
    rows.page(4, 10)
    assert [h.object for h in rows] == ["P-4"]
