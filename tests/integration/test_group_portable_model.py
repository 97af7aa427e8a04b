"""提成方案测算's portable copy (DealerKPI ▸ 另存为通用表格…, docs/portable.md) shown the four ways
of test_group_portable: the add-in file in LibreOffice with DealerKPI, the portable copy in
LibreOffice without it, in Gnumeric and in HyperFormula. A ctest of its own, in LibreOffice 7.4
only: 15,000 computed cells a fill take about two minutes to recalculate the four ways, and the
figures the copy shows do not depend on which office wrote it.
"""
import unittest

from test_group_portable import LONG_FILLS, PortableCase

MODEL_FILLS = int(LONG_FILLS or 2)  # random fills after the example (DEALERKPI_PORTABLE_FILLS)


class CommissionModel(PortableCase):

    def test_commission_model_shows_the_same_four_ways(self):
        """提成方案测算 from the menu: its example and MODEL_FILLS random fills (award tables and
        curves in rising order in four fills of five), about 15,000 computed cells each; the
        attainment-band table of 方案对比 among them shows its figures in every program."""
        import commission_model as cm
        tables = [(plan, ["%s%d" % (col, r) for r in range(7, 15)], [["%s%d" % (companion, r) for r in range(7, 15)]])
                  for plan in (cm.PLAN_A, cm.PLAN_B) for col, companion in (("B", "C"), ("F", "G"))]
        shown_fills = self._template_four_ways(cm, MODEL_FILLS, tables)
        bands = [(cm.CMP, r - 1, c) for r in range(cm.BAND_FIRST, cm.BAND_TOTAL + 1) for c in (2, 3)]
        self.assertEqual(shown_fills[0][(cm.CMP, cm.BAND_TOTAL - 1, 2)], "133,468.00", "the example's band total, plan A")
        for f in shown_fills:
            self.assertTrue(any(f[k] not in ("", "0", "0.00") for k in bands), "the band table shows figures")



if __name__ == "__main__":
    unittest.main(verbosity=2)
