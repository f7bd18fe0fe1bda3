-- Area (ha, PLANAR) by (zone, land-use class) in OGR's SQLite dialect / SpatiaLite,
-- on ONE GeoPackage holding both layers: `landuse` (with its GeoPackage R-tree
-- rtree_landuse_geom) and `zones` (copied in as set-up, not timed).
-- The R-tree prefilters parcels by the zone's bounding box; CROSS JOIN fixes the
-- join order (150 zones outer, R-tree lookup, then parcel by primary key).
-- ST_Area of a planar geometry: compare with `guotu tally --area planar`.
-- Run: ogr2ogr -f CSV out.csv both.gpkg -dialect SQLite -sql @bench/spatialite_tally.sql
SELECT z.code AS zone_id,
       l.lucc_code AS class_code,
       SUM(ST_Area(ST_Intersection(z.geom, l.geom))) / 10000.0 AS area_ha
FROM zones AS z
CROSS JOIN rtree_landuse_geom AS r
CROSS JOIN landuse AS l
WHERE r.minx <= ST_MaxX(z.geom) AND r.maxx >= ST_MinX(z.geom)
  AND r.miny <= ST_MaxY(z.geom) AND r.maxy >= ST_MinY(z.geom)
  AND l.fid = r.id
GROUP BY z.code, l.lucc_code
HAVING area_ha > 0
