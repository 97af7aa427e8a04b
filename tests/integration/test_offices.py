"""The office a test runs in is the one its name says (lo7.4.* / lo25.2.*), driven
by that office's own Python-UNO, and it loads nothing of the other office:
LibreOffice 25.2 unpacked beside the system's 7.4 must map no file of
/usr/lib/libreoffice, and 7.4 none of the 25.2 prefix, nor get its libraries
through LD_LIBRARY_PATH."""
import os

import harness
import uno
from office import PROGRAM_DIR, SYSTEM_PROGRAM_DIR, mapped_files

VERSION = os.environ.get("DEALERKPI_OFFICE_VERSION", "7.4")
SYSTEM = "/usr/lib/libreoffice/"
LO25_PREFIX = os.environ.get("DEALERKPI_LO25_PREFIX", "/opt/dealerkpi/libreoffice-25.2")


class RightOffice(harness.OfficeTestCase):

    def test_office_reports_the_version_of_the_test_name(self):
        self.assertEqual(self.office.version(), VERSION)

    def test_driven_by_its_own_python_uno(self):
        pyuno = __import__("pyuno")
        if VERSION == "7.4":
            self.assertEqual(os.path.realpath(PROGRAM_DIR), SYSTEM_PROGRAM_DIR)
            self.assertTrue(uno.__file__.startswith("/usr/lib/python3/dist-packages/"), uno.__file__)
            self.assertTrue(os.path.realpath(pyuno.__file__).startswith(SYSTEM), pyuno.__file__)
        else:
            self.assertTrue(uno.__file__.startswith(LO25_PREFIX + "/"), uno.__file__)
            self.assertTrue(os.path.realpath(pyuno.__file__).startswith(LO25_PREFIX + "/"), pyuno.__file__)
            self.assertFalse([f for f in mapped_files(os.getpid()) if f.startswith(SYSTEM)])

    def test_soffice_maps_nothing_of_the_other_office(self):
        pid = self.office.soffice_pid()
        mapped = mapped_files(pid)
        ours = [f for f in mapped if "libreoffice" in f]
        # The checks below look at something: the office's own libraries are there.
        self.assertGreater(len(ours), 20, ours)
        self.assertTrue([f for f in ours if f.endswith("/program/libmergedlo.so")], ours)
        with open("/proc/%d/environ" % pid, "rb") as f:
            env = dict(e.split(b"=", 1) for e in f.read().split(b"\0") if b"=" in e)
        if VERSION == "7.4":
            self.assertEqual([f for f in mapped if f.startswith(LO25_PREFIX)], [])
            self.assertTrue(all(f.startswith(SYSTEM) for f in ours if "/libreoffice/program/" in f))
            # (the soffice script adds the JVM's folders itself: nothing of an office)
            self.assertFalse([p for p in env.get(b"LD_LIBRARY_PATH", b"").split(b":") if b"libreoffice" in p], env)
        else:
            self.assertEqual([f for f in mapped if f.startswith(SYSTEM)], [])
            self.assertTrue(all(f.startswith(LO25_PREFIX + "/") for f in ours if "/libreoffice/program/" in f),
                            [f for f in ours if not f.startswith(LO25_PREFIX)])
            paths = [p.decode() for p in env[b"LD_LIBRARY_PATH"].split(b":") if b"libreoffice" in p or b"dealerkpi" in p]
            self.assertEqual(paths, [LO25_PREFIX + "/usr/lib/libreoffice/program",
                                     LO25_PREFIX + "/usr/lib/x86_64-linux-gnu"], env[b"LD_LIBRARY_PATH"])
            # The add-in itself is loaded from the profile's copy of the .oxt.
            self.assertTrue([f for f in mapped if f.endswith("/dealerkpi.uno.so")])

    def test_functions_compute(self):
        c = self.cell("A1")
        c.setFormula("=FUNNEL_TARGET(100;0.8)")
        self.doc.calculateAll()
        self.assertEqual(c.getString(), "125")


if __name__ == "__main__":
    harness.main()
