"""guotu reads PostGIS as it reads files: the same tally from a throw-away PostGIS cluster
(pg_virtualenv, from Debian's postgresql-common) as from the GeoPackages it was loaded from."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cli_support import guotu_binary
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from pg_throwaway import pg_virtualenv  # noqa: E402

pytestmark = pytest.mark.skipif(not shutil.which("pg_virtualenv"), reason="pg_virtualenv (postgresql-common) missing")


def test_tally_from_postgis_equals_tally_from_geopackage(tmp_path: Path, zones: Path, landuse: Path) -> None:
    guotu = guotu_binary()
    from_files = tmp_path / "files.csv"
    res = subprocess.run([str(guotu), "tally", "--zones", str(zones), "--zone-id", "code", "--landuse", str(landuse),
                          "--class-field", "lucc", "-o", str(from_files)], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    from_pg = tmp_path / "pg.csv"
    script = f"""set -e
psql -qc 'create extension postgis'
PG="PG:dbname=$PGDATABASE host=$PGHOST port=$PGPORT user=$PGUSER password=$PGPASSWORD"
ogr2ogr -f PostgreSQL "$PG" {zones} -nln zones
ogr2ogr -f PostgreSQL "$PG" {landuse} -nln landuse
{guotu} tally --zones "$PG" --zones-layer zones --zone-id code --landuse "$PG" --landuse-layer landuse \\
    --class-field lucc -o {from_pg}
"""
    res = subprocess.run(pg_virtualenv("sh", "-c", script), capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stdout + res.stderr
    assert from_pg.read_text() == from_files.read_text()


def test_every_command_reads_postgis_as_it_reads_files(tmp_path: Path) -> None:
    """The county package (File Geodatabase, GBK shapefiles), the voucher fixture and the border
    fixture loaded into PostGIS: lines check, conversion, parcel check, tally by ZLDWDM, vouchers
    and border conflicts give the same tables from the database as from the files."""
    import sys

    from osgeo import ogr

    from cli_support import REPO, run_guotu

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import test_cli_border as tb
    import test_cli_voucher as tv

    guotu = guotu_binary()
    pkg = tmp_path / "pkg"
    subprocess.run([sys.executable, str(REPO / "resources" / "sample_data" / "generate_county_package.py"),
                    "--out", str(pkg), "--cells", "30"], check=True, capture_output=True, timeout=300)
    gdb, plan = pkg / "130101_2019_三调.gdb", pkg / "规划成果.gdb"
    change, zzdk = pkg / "130101_2020_变更" / "DLTB.shp", pkg / "整治项目" / "ZZDK.shp"
    (tmp_path / "v").mkdir()
    vfiles = tv.make_fixture(tmp_path / "v")
    admin = tb.write_admins(tmp_path)
    elements = tb.write_elements(tmp_path / "el.gpkg", tb.ELEMENTS)

    def commands(src: dict) -> dict:
        """Each command's arguments on sources given as (file, layer) pairs."""
        def s(option: str, key: str) -> list:
            path, layer = src[key]
            return [option, path] + ([f"{option}-layer", layer] if layer else [])
        return {
            "lines": ["lines", "check", *s("--redline", "redline"), *s("--farmland", "farmland"),
                      *s("--urban", "urban"), *s("--admin", "targets"), "--farmland-target", "NTRWMJ",
                      "--redline-target", "HXRWMJ", "--urban-2020-field", "CZYD2020", *s("--landuse", "dltb"),
                      "--class-field", "DLBM", "--system", "SANDIAO_WORK"],
            "convert": ["convert", *s("--before", "dltb"), "--before-class-field", "DLBM", "--before-system",
                        "SANDIAO_WORK", *s("--after", "dltb2020"), "--after-class-field", "DLBM", "--after-system",
                        "SANDIAO_WORK", *s("--zones", "xzq"), "--zone-id", "XZQDM", "--encoding", "CP936"],
            "parcels": ["parcels", "check", *s("--parcels", "zzdk"), "--encoding", "CP936", "--parcel-id", "DKBH",
                        "--type-field", "ZZLX", "--project-field", "XMBH", "--current-field", "XZDL",
                        "--current-system", "SANDIAO_WORK", "--planned-field", "GHDL", "--planned-system",
                        "SANDIAO_WORK", *s("--redline", "redline"), *s("--farmland", "farmland"),
                        *s("--urban", "urban")],
            "tally": ["tally", "--zone-code-field", "ZLDWDM", "--zone-code-length", "9", *s("--landuse", "dltb"),
                      "--class-field", "DLBM", "--zone-names", src["xzq"][0]]
                     + (["--zone-names-layer", src["xzq"][1]] if src["xzq"][1] else []),
            "voucher": ["voucher", *s("--zones", "vzones"), "--zone-id", "code", "--zone-name", "name",
                        "--gdp-field", "gdp", "--pop-field", "pop", *s("--base", "vbase"), *s("--target", "vtarget"),
                        "--base-class-field", "lucc", "--target-class-field", "lucc"],
            "border": ["border", *s("--admin", "admin"), "--admin-id", "code", "--admin-name", "name",
                       *s("--elements", "elements"), "--category-field", "category", "--name-field", "name",
                       "--city-field", "city", "--area", "planar"],
        }

    files = {"redline": (str(plan), "生态保护红线"), "farmland": (str(plan), "永久基本农田"),
             "urban": (str(plan), "城镇开发边界"), "targets": (str(plan), "XZQ_GHZB"), "dltb": (str(gdb), "DLTB"),
             "dltb2020": (str(change), None), "xzq": (str(gdb), "XZQ"), "zzdk": (str(zzdk), None),
             "vzones": (str(vfiles["zones"]), None), "vbase": (str(vfiles["base"]), None),
             "vtarget": (str(vfiles["target"]), None), "admin": (str(admin), None), "elements": (str(elements), None)}
    tables = {"redline": "stbhhx", "farmland": "yjjbnt", "urban": "czkfbj", "targets": "xzq_ghzb", "dltb": "dltb",
              "dltb2020": "dltb2020", "xzq": "xzq", "zzdk": "zzdk", "vzones": "vzones", "vbase": "vbase",
              "vtarget": "vtarget", "admin": "admin", "elements": "elements"}
    suffix = {"tally": ".csv"}
    for name, args in commands(files).items():
        res = run_guotu(*args, "-o", str(tmp_path / f"file_{name}{suffix.get(name, '.gpkg')}"))
        assert res.returncode == 0, (name, res.stderr)
    loads = []
    for key, (path, layer) in files.items():
        oo = "-oo ENCODING=CP936 " if path.endswith(".shp") and "pkg" in path else ""
        source_layer = f'"{layer}"' if layer else ""
        loads.append(f'ogr2ogr {oo}-f PostgreSQL "$PG" "{path}" {source_layer} -nln {tables[key]} '
                     f'-lco GEOMETRY_NAME=geom')
    pg_src = {key: ("$PG", tables[key]) for key in files}
    runs = []
    for name, args in commands(pg_src).items():
        quoted = " ".join('"$PG"' if a == "$PG" else f"'{a}'" for a in args)
        out = tmp_path / f"pg_{name}{suffix.get(name, '.gpkg')}"
        runs.append(f"{guotu} {quoted} -o {out}")
    script = "set -e\npsql -qc 'create extension postgis'\n" \
             'PG="PG:dbname=$PGDATABASE host=$PGHOST port=$PGPORT user=$PGUSER password=$PGPASSWORD"\n' \
             + "\n".join(loads) + "\n" + "\n".join(runs) + "\n"
    res = subprocess.run(pg_virtualenv("sh", "-c", script), capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-3000:]

    def layer(path: Path, name: str, keys: tuple) -> list:
        ds = ogr.Open(str(path))
        rows = sorted(tuple(round(v, 6) if isinstance(v, float) else v for v in (f[k] for k in keys))
                      for f in ds.GetLayerByName(name))
        ds = None
        return rows

    for name, table, keys in (("lines", "line_stats", ("admin_code", "redline_ha", "farmland_ha", "urban_ha")),
                              ("convert", "transitions", ("zone_id", "level", "from_class", "to_class", "area_ha")),
                              ("parcels", "parcel_checks", ("parcel_id", "verdict", "rule_ids", "area_ha")),
                              ("voucher", "voucher", ("zone_id", "dm_ha", "e_ha", "role")),
                              ("border", "pair_summary", ("admin_a", "admin_b", "score"))):
        got, want = layer(tmp_path / f"pg_{name}.gpkg", table, keys), layer(tmp_path / f"file_{name}.gpkg", table, keys)
        assert got == want and got, name
    issues = [layer(tmp_path / f"{w}_lines.gpkg", "issues", ("rule_id", "admin_code")) for w in ("pg", "file")]
    assert issues[0] == issues[1] and issues[0]
    assert (tmp_path / "pg_tally.csv").read_text(encoding="utf-8") == \
        (tmp_path / "file_tally.csv").read_text(encoding="utf-8")
