-- Land-use transition matrix (ha, PLANAR): area of every (2010 code, 2020 code) pair, in
-- OGR's SQLite dialect / SpatiaLite, on ONE GeoPackage holding both layers, `lu2010` and
-- `lu2020` (copied in as set-up, not timed; each with its GeoPackage R-tree).
-- The R-tree of lu2020 prefilters by each 2010 parcel's bounding box; CROSS JOIN fixes the
-- join order (2010 parcels outer, R-tree lookup, then the 2020 parcel by primary key).
-- ST_Area of a planar geometry: compare with `guotu convert --area planar`.
-- Run: ogr2ogr -f CSV out.csv both.gpkg -dialect SQLite -sql @bench/spatialite_convert.sql
SELECT a.lucc_code AS from_code,
       b.lucc_code AS to_code,
       SUM(ST_Area(ST_Intersection(a.geom, b.geom))) / 10000.0 AS area_ha
FROM lu2010 AS a
CROSS JOIN rtree_lu2020_geom AS r
CROSS JOIN lu2020 AS b
WHERE r.minx <= ST_MaxX(a.geom) AND r.maxx >= ST_MinX(a.geom)
  AND r.miny <= ST_MaxY(a.geom) AND r.maxy >= ST_MinY(a.geom)
  AND b.fid = r.id
GROUP BY a.lucc_code, b.lucc_code
HAVING area_ha > 0
