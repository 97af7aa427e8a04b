"""One .oxt for several platforms (cmake/extra_platforms.cmake, the way a
Windows build's platform bundle joins the Linux .oxt): the built dealerkpi.oxt
plus a Windows_x86_64 bundle must still install here, load only the Linux
components, and compute. The Windows library in the bundle is a stand-in (no
Windows build here): the office must never open it on Linux."""
import os
import shutil
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ET
import zipfile

import harness
from office import prepare_profile

M = "{http://openoffice.org/2001/manifest}"
D = "{http://openoffice.org/extensions/description/2006}"
SOURCE = os.environ.get("DEALERKPI_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "../.."))
BUILD = os.environ.get("DEALERKPI_BUILD_DIR", os.path.join(SOURCE, "build"))
OXT = os.environ.get("DEALERKPI_OXT", os.path.join(BUILD, "dealerkpi.oxt"))

WINDOWS_COMPONENTS = """<?xml version="1.0" encoding="UTF-8"?>
<components xmlns="http://openoffice.org/2010/uno-components">
  <component loader="com.sun.star.loader.SharedLibrary" environment="mscx" uri="{uri}">
    <implementation name="{impl}" constructor="{ctor}">
      <service name="{service}"/>
    </implementation>
  </component>
</components>
"""


def windows_bundle(folder):
    """A Windows_x86_64 platform bundle as the platform_bundle target makes it."""
    bundle = os.path.join(folder, "Windows_x86_64")
    os.makedirs(bundle)
    for name, uri, impl, service in (
            ("dealerkpi.components", "dealerkpi.uno.dll", "org.dealerkpi.calc.FunctionsImpl", "org.dealerkpi.calc.Functions"),
            ("group.components", "dealerkpi_group.uno.dll", "org.dealerkpi.group.WorkflowImpl", "org.dealerkpi.group.Workflow")):
        ctor = impl.replace(".", "_").replace("Impl", "") + "_get_implementation"
        with open(os.path.join(bundle, name), "w", encoding="utf-8") as f:
            f.write(WINDOWS_COMPONENTS.format(uri=uri, impl=impl, ctor=ctor, service=service))
        with open(os.path.join(bundle, uri), "wb") as f:
            f.write(b"MZ not a real library")
    return bundle


def multiplatform_oxt(folder):
    stage = os.path.join(folder, "stage")
    with zipfile.ZipFile(OXT) as z:
        z.extractall(stage)
    subprocess.run(["cmake", "-DSTAGE=" + stage, "-DBUNDLES=" + windows_bundle(folder),
                    "-P", os.path.join(SOURCE, "cmake/extra_platforms.cmake")], check=True)
    out = os.path.join(folder, "dealerkpi-linux-windows.oxt")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for root, _, files in os.walk(stage):
            for f in files:
                path = os.path.join(root, f)
                z.write(path, os.path.relpath(path, stage))
    return out


class MultiPlatformPackage(harness.OfficeTestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.mkdtemp(prefix="dealerkpi-multiplatform-")
        os.chmod(cls.work, 0o755)  # unopkg runs unprivileged when the tests run as root
        cls.oxt = multiplatform_oxt(cls.work)
        os.environ["DEALERKPI_PROFILE"] = prepare_profile(cls.oxt, os.path.join(cls.work, "profile"))
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(cls.work, ignore_errors=True)

    def test_manifest_and_description_name_both_platforms(self):
        with zipfile.ZipFile(self.oxt) as z:
            manifest = ET.fromstring(z.read("META-INF/manifest.xml"))
            description = ET.fromstring(z.read("description.xml"))
            names = set(z.namelist())
        components = {e.get(M + "full-path"): e.get(M + "media-type") for e in manifest
                      if "uno-components" in (e.get(M + "media-type") or "")}
        self.assertEqual(components, {
            "lib/dealerkpi.components": "application/vnd.sun.star.uno-components;platform=Linux_x86_64",
            "lib/group.components": "application/vnd.sun.star.uno-components;platform=Linux_x86_64",
            "lib/Windows_x86_64/dealerkpi.components": "application/vnd.sun.star.uno-components;platform=Windows_x86_64",
            "lib/Windows_x86_64/group.components": "application/vnd.sun.star.uno-components;platform=Windows_x86_64",
        })
        self.assertIn("lib/Windows_x86_64/dealerkpi.uno.dll", names)
        self.assertEqual(description.find(D + "platform").get("value"), "linux_x86_64,windows_x86_64")

    def test_functions_compute_from_the_linux_library(self):
        value, text, error = self.evaluate("=ROUND(SUM(TARGET_SPLIT(100;{1|1|2};0));0)")
        self.assertEqual((value, error), (100.0, 0), text)
        value, text, error = self.evaluate("=TARGET_SPLIT(100;{1|1|2};0;3)")
        self.assertEqual((value, error), (50.0, 0), text)


if __name__ == "__main__":
    unittest.main()
