#!/usr/bin/env bash
# Installs the Debian packages Guotu needs (only those missing) and builds the C core,
# the CLI and the installable plugin folder. Safe to run again: it only does what is left.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake pkg-config          # compiler and build system
  libgeos-dev libproj-dev proj-data         # the core: GEOS (reentrant C API), PROJ
  libgdal-dev gdal-bin                      # the CLI's file adapters
  libsqlite3-dev                            # the CLI's bulk GeoPackage writer (gpkg_bulk.c)
  libcmocka-dev clang-format                # C unit tests; the C style check
  clang libclang-rt-14-dev                  # libFuzzer targets of the parsers (scripts/fuzz.sh)
  qgis qgis-providers python3-qgis          # the plugin's host, and qgis_process
  python3-gdal python3-numpy python3-pyproj python3-pytest   # sample data, tests
  xvfb xauth                                # real-GUI QGIS test
  qttools5-dev-tools pyqt5-dev-tools        # lrelease / pylupdate5 for translations
  python3-pyqt6                             # scripts/check_qt6.py: the plugin's Qt names exist in Qt6 (QGIS 4)
  libsqlite3-mod-spatialite sqlite3         # the SpatiaLite comparison in bench/
  python3-deap                              # the Python non-dominated sorts compared in bench/ (priorities)
  python3-geopandas python3-rtree           # the GeoPandas overlay compared in bench/ (conversion)
  python3-shapely                           # bench/check_border_gaps.py: gap strips recomputed with GEOS through Shapely
  fonts-wqy-microhei                        # Chinese text in maps and PDF reports
  postgresql-15 postgresql-15-postgis-3     # PostGIS input test (throw-away cluster, pg_virtualenv)
  poppler-utils                             # pdftoppm/pdfinfo: report tests read the PDFs
  r-cran-sf                                 # real admin layers (nc.gpkg, Olinda tracts) for the border tests
  python3-distributed python3-dask          # partitioned runs: dask-scheduler, dask-worker, plugin/cluster
  python3-psycopg2                          # partitioned runs: the merged output swapped into a PostGIS schema in one transaction
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

BUILD_DIR=${GUOTU_BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD_DIR" -j"$(nproc)" >/dev/null
if [ -f scripts/package_plugin.py ]; then
  /usr/bin/python3 scripts/package_plugin.py --build-dir "$BUILD_DIR" --out "$BUILD_DIR/plugin" >/dev/null
fi
echo "setup: built $BUILD_DIR/core/guotu and $BUILD_DIR/core/libguotu.so"
