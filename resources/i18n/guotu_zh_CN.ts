<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>Guotu</name>
        <message>
            <source>The Guotu native library (libguotu) was not found. Paths tried: {paths}. Reinstall the plugin, or set the environment variable {env} to the library file.</source>
            <translation>未找到国土原生计算库（libguotu）。已尝试的路径：{paths}。请重新安装插件，或将环境变量 {env} 设为该库文件的路径。</translation>
        </message>
        <message>
            <source>The Guotu native library {path} has ABI version {found}, but this plugin needs ABI version {expected}. Install matching versions of the plugin and the library.</source>
            <translation>国土原生计算库 {path} 的 ABI 版本为 {found}，但本插件需要 ABI 版本 {expected}。请安装相互匹配的插件与计算库版本。</translation>
        </message>
        <message>
            <source>{path} (not found)</source>
            <translation>{path}（不存在）</translation>
        </message>
        <message>
            <source>{path} (could not be loaded: {error})</source>
            <translation>{path}（无法加载：{error}）</translation>
        </message>
        <message>
            <source>{path} (is not libguotu: {error})</source>
            <translation>{path}（不是 libguotu：{error}）</translation>
        </message>
        <message>
            <source>Raster layer "{layer}" has no cell grid (is it a web service?); use a raster file.</source>
            <translation>栅格图层“{layer}”没有像元格网（是否为网络服务？）；请使用栅格文件。</translation>
        </message>
        <message>
            <source>Raster layer "{layer}" has data type {type}; a land-use raster must hold integer class codes.</source>
            <translation>栅格图层“{layer}”的数据类型为 {type}；地类栅格必须存放整数地类代码。</translation>
        </message>
        <message>
            <source>Raster layer "{layer}" is not valid.</source>
            <translation>栅格图层“{layer}”无效。</translation>
        </message>
        <message>
            <source>Could not read rows {row0}–{row1} of raster layer "{layer}".</source>
            <translation>无法读取栅格图层“{layer}”的第 {row0}–{row1} 行。</translation>
        </message>
        <message>
            <source>Raster layer "{layer}" has the non-integer value {value} (near row {row}); a land-use raster must hold integer class codes.</source>
            <translation>栅格图层“{layer}”含有非整数值 {value}（约第 {row} 行）；地类栅格必须存放整数地类代码。</translation>
        </message>
        <message>
            <source>Raster layer "{layer}" has class values outside the 32-bit integer range ({low} to {high}).</source>
            <translation>栅格图层“{layer}”的地类值超出 32 位整数范围（{low} 至 {high}）。</translation>
        </message>
        <message>
            <source>(unnamed layer)</source>
            <translation>（未命名图层）</translation>
        </message>
        <message>
            <source>Give exactly one land-use input: a polygon layer or a raster layer.</source>
            <translation>请且仅请提供一种地类输入：面图层或栅格图层。</translation>
        </message>
        <message>
            <source>Feature {fid} of layer "{layer}" could not be transformed to {crs}: {error}</source>
            <translation>图层“{layer}”的要素 {fid} 无法转换到 {crs}：{error}</translation>
        </message>
        <message>
            <source>Layer "{layer}" has no zones (check its selection and filter).</source>
            <translation>图层“{layer}”中没有分区（请检查选择集和过滤条件）。</translation>
        </message>
        <message>
            <source>Choose the land-use class field of layer "{layer}".</source>
            <translation>请选择图层“{layer}”的地类字段。</translation>
        </message>
        <message>
            <source>Feature {fid} of layer "{layer}" has an empty zone id in field "{field}"; every zone needs an id.</source>
            <translation>图层“{layer}”的要素 {fid} 在字段“{field}”中的分区编号为空；每个分区都必须有编号。</translation>
        </message>
        <message>
            <source>Features {first} and {second} of layer "{layer}" have the same zone id "{id}" in field "{field}"; zone ids must be unique (dissolve the zones first).</source>
            <translation>图层“{layer}”的要素 {first} 和 {second} 在字段“{field}”中的分区编号同为“{id}”；分区编号必须唯一（请先融合分区）。</translation>
        </message>
        <message>
            <source>Feature {fid} of layer "{layer}" (zone "{id}") has no geometry.</source>
            <translation>图层“{layer}”的要素 {fid}（分区“{id}”）没有几何图形。</translation>
        </message>
        <message>
            <source>Layer "{layer}" must be a polygon layer, but its geometry type is {type}.</source>
            <translation>图层“{layer}”必须是面图层，但其几何类型为 {type}。</translation>
        </message>
        <message>
            <source>No field of layer "{layer}" was chosen.</source>
            <translation>未选择图层“{layer}”的字段。</translation>
        </message>
        <message>
            <source>Layer "{layer}" has no field "{field}". Its fields are: {fields}.</source>
            <translation>图层“{layer}”没有字段“{field}”。其字段为：{fields}。</translation>
        </message>
        <message>
            <source>Layer "{layer}" has no valid coordinate reference system; set its CRS first.</source>
            <translation>图层“{layer}”没有有效的坐标参考系；请先设置其坐标参考系。</translation>
        </message>
        <message>
            <source>Planar area needs a projected CRS in metres, but layer "{layer}" is in {crs} (units: {units}). Use the ellipsoidal method or reproject the layer.</source>
            <translation>平面面积需要以米为单位的投影坐标系，但图层“{layer}”采用 {crs}（单位：{units}）。请改用椭球面积，或将图层重投影。</translation>
        </message>
        <message>
            <source>Area by zone and land-use class…</source>
            <translation>按分区统计地类面积…</translation>
        </message>
        <message>
            <source>Area by zone and land-use class</source>
            <translation>按分区统计地类面积</translation>
        </message>
        <message>
            <source>Statistics</source>
            <translation>统计</translation>
        </message>
        <message>
            <source>&lt;p&gt;Computes the area in hectares of every land-use class inside every zone (county, township, ecological unit...), as a table with the fields &lt;b&gt;zone_id&lt;/b&gt;, &lt;b&gt;class_code&lt;/b&gt; and &lt;b&gt;area_ha&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Land use&lt;/b&gt; is either a polygon layer with a class field (integer or text; features with an empty class are reported with an empty class_code) or a categorical integer raster (band 1; nodata cells are skipped). Give exactly one of the two.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Mask&lt;/b&gt; (optional): the area inside these polygons is excluded, e.g. urban space when counting ecological land.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Area method&lt;/b&gt;: ellipsoidal area (椭球面积, as the Third National Land Survey reports it) on the ellipsoid of the CRS, or planar area in a projected CRS in metres.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Invalid geometries&lt;/b&gt;: repaired (and counted in the log) or the run stops naming the layer and feature.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Raster mode&lt;/b&gt;: exact coverage counts cells cut by a zone boundary by their covered fraction; cell centre counts a cell whole when its centre is inside the zone.&lt;/p&gt;&lt;p&gt;Vector land use and the mask are reprojected to the CRS of the zones; with raster land use the zones and the mask are reprojected to the raster's CRS instead, so cells are never resampled. Selected features, layer filters and unsaved edits are taken into account.&lt;/p&gt;</source>
            <translation>&lt;p&gt;统计每个分区（县、乡镇、生态单元等）内各地类的面积（公顷），输出包含 &lt;b&gt;zone_id&lt;/b&gt;、&lt;b&gt;class_code&lt;/b&gt;、&lt;b&gt;area_ha&lt;/b&gt; 三个字段的表。&lt;/p&gt;&lt;p&gt;&lt;b&gt;地类&lt;/b&gt;可以是带地类字段的面图层（整数或文本字段；地类为空的要素以空 class_code 输出），也可以是分类整数栅格（第 1 波段；跳过无数据像元）。两者必须且只能提供一种。&lt;/p&gt;&lt;p&gt;&lt;b&gt;掩膜&lt;/b&gt;（可选）：扣除这些面内的面积，例如统计生态用地时扣除城镇空间。&lt;/p&gt;&lt;p&gt;&lt;b&gt;面积计算方法&lt;/b&gt;：按坐标系所在椭球计算椭球面积（与第三次全国国土调查一致），或在以米为单位的投影坐标系中计算平面面积。&lt;/p&gt;&lt;p&gt;&lt;b&gt;无效几何&lt;/b&gt;：自动修复（并在日志中计数），或停止运行并指明图层和要素。&lt;/p&gt;&lt;p&gt;&lt;b&gt;栅格模式&lt;/b&gt;：精确覆盖按像元被分区覆盖的比例计入被分区边界切割的像元；像元中心模式在像元中心位于分区内时计入整个像元。&lt;/p&gt;&lt;p&gt;矢量地类和掩膜会重投影到分区的坐标系；使用栅格地类时则将分区和掩膜重投影到栅格的坐标系，像元从不重采样。计算遵循所选要素、图层过滤条件和未保存的编辑。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>area,land use,zone,statistics,hectare,ellipsoidal,tally</source>
            <translation>面积,地类,分区,统计,公顷,椭球面积,汇总</translation>
        </message>
        <message>
            <source>Zones</source>
            <translation>分区</translation>
        </message>
        <message>
            <source>Zone id field</source>
            <translation>分区编号字段</translation>
        </message>
        <message>
            <source>Land use (polygons)</source>
            <translation>地类（面图层）</translation>
        </message>
        <message>
            <source>Land-use class field</source>
            <translation>地类字段</translation>
        </message>
        <message>
            <source>Land use (raster)</source>
            <translation>地类（栅格）</translation>
        </message>
        <message>
            <source>Mask: area inside is excluded, e.g. urban space</source>
            <translation>掩膜：扣除其内面积，如城镇空间</translation>
        </message>
        <message>
            <source>Area method</source>
            <translation>面积计算方法</translation>
        </message>
        <message>
            <source>Invalid geometries</source>
            <translation>无效几何</translation>
        </message>
        <message>
            <source>Raster mode</source>
            <translation>栅格模式</translation>
        </message>
        <message>
            <source>Area by zone and class</source>
            <translation>分区地类面积</translation>
        </message>
        <message>
            <source>Choose the land-use class field.</source>
            <translation>请选择地类字段。</translation>
        </message>
        <message>
            <source>Ellipsoidal</source>
            <translation>椭球面积</translation>
        </message>
        <message>
            <source>Planar</source>
            <translation>平面面积</translation>
        </message>
        <message>
            <source>Repair</source>
            <translation>修复</translation>
        </message>
        <message>
            <source>Fail</source>
            <translation>报错停止</translation>
        </message>
        <message>
            <source>Exact coverage</source>
            <translation>精确覆盖</translation>
        </message>
        <message>
            <source>Cell centre</source>
            <translation>像元中心</translation>
        </message>
        <message>
            <source>The calculation was cancelled.</source>
            <translation>计算已取消。</translation>
        </message>
        <message>
            <source>The Guotu core failed ({status}): {message}</source>
            <translation>国土计算核心出错（{status}）：{message}</translation>
        </message>
        <message>
            <source>Guotu 国土 — territorial spatial planning tools</source>
            <translation>国土 Guotu — 国土空间规划工具</translation>
        </message>
        <message>
            <source>No land use lies over the zones; the table is empty.</source>
            <translation>分区内没有地类数据；结果表为空。</translation>
        </message>
        <message>
            <source>No invalid geometry needed repair.</source>
            <translation>没有需要修复的无效几何。</translation>
        </message>
        <message>
            <source>Areas: {method}, in {crs}.</source>
            <translation>面积：{method}，坐标系 {crs}。</translation>
        </message>
        <message>
            <source>Zones: {zones:.4f} ha (mask excluded); tallied: {tallied:.4f} ha; not covered by land use: {gap:.4f} ha.</source>
            <translation>分区：{zones:.4f} 公顷（已扣除掩膜）；已统计：{tallied:.4f} 公顷；无地类覆盖：{gap:.4f} 公顷。</translation>
        </message>
        <message>
            <source>{zones} zones, {cells} raster cells read ({nodata} nodata), {mask} mask polygons.</source>
            <translation>{zones} 个分区，读取 {cells} 个栅格像元（其中无数据 {nodata} 个），{mask} 个掩膜面。</translation>
        </message>
        <message>
            <source>{zones} zones, {features} land-use features, {mask} mask polygons.</source>
            <translation>{zones} 个分区，{features} 个地类要素，{mask} 个掩膜面。</translation>
        </message>
        <message>
            <source>Repaired {total} invalid geometries: {zones} zones, {landuse} land-use features, {mask} mask features.</source>
            <translation>已修复 {total} 个无效几何：分区 {zones} 个，地类要素 {landuse} 个，掩膜要素 {mask} 个。</translation>
        </message>
        <message>
            <source>{features} land-use features have no class: {area:.4f} ha inside the zones is reported with an empty class_code.</source>
            <translation>{features} 个地类要素没有地类：其在分区内的 {area:.4f} 公顷以空 class_code 输出。</translation>
        </message>
        <message>
            <source>{count} land-use features without geometry were skipped.</source>
            <translation>已跳过 {count} 个没有几何图形的地类要素。</translation>
        </message>
        <message>
            <source>{count} mask features without geometry were skipped.</source>
            <translation>已跳过 {count} 个没有几何图形的掩膜要素。</translation>
        </message>
        <message>
            <source>The tallied area exceeds the zones' area by {area:.4f} ha: land-use features overlap each other.</source>
            <translation>已统计面积比分区面积多 {area:.4f} 公顷：地类要素之间存在重叠。</translation>
        </message>
    </context>
</TS>
