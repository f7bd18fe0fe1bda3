-- Controlled land per zone (ha, PLANAR) in OGR's SQLite dialect / SpatiaLite, the check of
-- `guotu priorities rule --area planar`: the land of every parcel whose DLBM starts with a
-- code prefix its zone's type controls (any rank: each piece counts once, under the first
-- objective that controls it), inside the zone. One GeoPackage holds `landuse` (with its
-- R-tree), `zones` and `ctl` (zone_type, prefix) from bench/make_priority_zones.py.
-- Run: ogr2ogr -f CSV out.csv both.gpkg -dialect SQLite -sql @bench/spatialite_priorities_rule.sql
SELECT z.fid + 0 AS zone_no,
       SUM(ST_Area(ST_Intersection(z.geom, l.geom))) / 10000.0 AS controlled_ha
FROM zones AS z
CROSS JOIN rtree_landuse_geom AS r
CROSS JOIN landuse AS l
WHERE r.minx <= ST_MaxX(z.geom) AND r.maxx >= ST_MinX(z.geom)
  AND r.miny <= ST_MaxY(z.geom) AND r.maxy >= ST_MinY(z.geom)
  AND l.fid = r.id
  AND EXISTS (SELECT 1 FROM ctl WHERE ctl.zone_type = z.GNLX AND substr(l.DLBM, 1, length(ctl.prefix)) = ctl.prefix)
GROUP BY z.fid
