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
            <source>crossing</source>
            <translation>越界</translation>
        </message>
        <message>
            <source>double claim</source>
            <translation>重复占用</translation>
        </message>
        <message>
            <source>one side</source>
            <translation>一侧</translation>
        </message>
        <message>
            <source>both sides</source>
            <translation>两侧</translation>
        </message>
        <message>
            <source>Overlap</source>
            <translation>重叠</translation>
        </message>
        <message>
            <source>Gap</source>
            <translation>缝隙</translation>
        </message>
        <message>
            <source>Discontinuity</source>
            <translation>不连续</translation>
        </message>
        <message>
            <source>Category mismatch</source>
            <translation>类别不一致</translation>
        </message>
        <message>
            <source>Coordinated</source>
            <translation>已协调</translation>
        </message>
        <message>
            <source>No element on either side</source>
            <translation>两侧均无要素</translation>
        </message>
        <message>
            <source>Give the elements as one layer with a city field, or as one layer per city (named by its admin id) — not both, not neither.</source>
            <translation>生态要素请给出一个带城市字段的图层，或每个城市一个图层（以行政区代码命名）——二者选一。</translation>
        </message>
        <message>
            <source>{pairs} adjacent pairs, {conflicts} conflicts: {detail}.</source>
            <translation>{pairs} 对相邻行政区，{conflicts} 处冲突：{detail}。</translation>
        </message>
        <message>
            <source>Input problems (see the base-map issues): {problems}.</source>
            <translation>输入问题（见底图问题图层）：{problems}。</translation>
        </message>
        <message>
            <source>{a} {name_a} | {b} {name_b}: border {border:.0f} m, score {score:.1f}</source>
            <translation>{a} {name_a} | {b} {name_b}：共同边界 {border:.0f} 米，冲突得分 {score:.1f}</translation>
        </message>
        <message>
            <source>Reprojected into {crs}: {layers}.</source>
            <translation>已投影转换到 {crs}：{layers}。</translation>
        </message>
        <message>
            <source>Layer "{layer}" has {n} admin units: at least two are needed to have a border.</source>
            <translation>图层“{layer}”只有 {n} 个行政区：至少需要两个才有共同边界。</translation>
        </message>
        <message>
            <source>Choose the city field of layer "{layer}".</source>
            <translation>请选择图层“{layer}”的城市字段。</translation>
        </message>
        <message>
            <source>Feature {fid} of layer "{layer}" (admin unit "{id}") has no geometry.</source>
            <translation>图层“{layer}”的要素 {fid}（行政区“{id}”）没有几何图形。</translation>
        </message>
        <message>
            <source>Feature {fid} of layer "{layer}" has no category in field "{field}".</source>
            <translation>图层“{layer}”的要素 {fid} 在字段“{field}”中没有类别。</translation>
        </message>
        <message>
            <source>Cannot write layer "{layer}" to {path}: {error}</source>
            <translation>无法将图层“{layer}”写入 {path}：{error}</translation>
        </message>
        <message>
            <source>The saved table {table} in {path} cannot be read back.</source>
            <translation>无法读取 {path} 中已保存的表 {table}。</translation>
        </message>
        <message>
            <source>Transmission indicators of the elements across this border</source>
            <translation>跨越本段边界的要素传导指标</translation>
        </message>
        <message>
            <source>Element</source>
            <translation>要素</translation>
        </message>
        <message>
            <source>Zone</source>
            <translation>分区</translation>
        </message>
        <message>
            <source>Area (ha)</source>
            <translation>面积（公顷）</translation>
        </message>
        <message>
            <source>Elevation mean (m)</source>
            <translation>平均高程（米）</translation>
        </message>
        <message>
            <source>Elevation min–max (m)</source>
            <translation>高程范围（米）</translation>
        </message>
        <message>
            <source>Slope mean (°)</source>
            <translation>平均坡度（度）</translation>
        </message>
        <message>
            <source>Steep share</source>
            <translation>陡坡占比</translation>
        </message>
        <message>
            <source>Forest share</source>
            <translation>森林覆盖占比</translation>
        </message>
        <message>
            <source>Findings</source>
            <translation>发现的问题</translation>
        </message>
        <message>
            <source>Indicator findings on these elements</source>
            <translation>这些要素的指标问题</translation>
        </message>
        <message>
            <source>Border by status</source>
            <translation>边界状态</translation>
        </message>
        <message>
            <source>Legend</source>
            <translation>图例</translation>
        </message>
        <message>
            <source>Conflicts along the border</source>
            <translation>边界冲突</translation>
        </message>
        <message>
            <source>open</source>
            <translation>未处理</translation>
        </message>
        <message>
            <source>agreed</source>
            <translation>已认可</translation>
        </message>
        <message>
            <source>exception</source>
            <translation>例外</translation>
        </message>
        <message>
            <source>Round comparison of this border (三下三上)</source>
            <translation>本段边界的轮次比对（三下三上）</translation>
        </message>
        <message>
            <source>No font with Chinese characters is installed; Chinese text will not render (install e.g. fonts-wqy-microhei).</source>
            <translation>未安装含中文字符的字体，中文将无法显示（请安装例如 fonts-wqy-microhei）。</translation>
        </message>
        <message>
            <source>No findings: the two cities' parts meet their thresholds.</source>
            <translation>无问题：两市的部分均符合其阈值。</translation>
        </message>
        <message>
            <source>en</source>
            <translation>zh_CN</translation>
        </message>
        <message>
            <source>Shared borders</source>
            <translation>共同边界</translation>
        </message>
        <message>
            <source>Conflicts (border)</source>
            <translation>冲突（边界线）</translation>
        </message>
        <message>
            <source>Conflicts (areas)</source>
            <translation>冲突（范围）</translation>
        </message>
        <message>
            <source>Admin units</source>
            <translation>行政区</translation>
        </message>
        <message>
            <source>The legend is cut to fit page 1.</source>
            <translation>图例已截断以容纳在第 1 页内。</translation>
        </message>
        <message>
            <source>Shared border</source>
            <translation>共同边界</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>性质</translation>
        </message>
        <message>
            <source>Side</source>
            <translation>责任方</translation>
        </message>
        <message>
            <source>Length (m)</source>
            <translation>长度（米）</translation>
        </message>
        <message>
            <source>Area (m²)</source>
            <translation>面积（平方米）</translation>
        </message>
        <message>
            <source>Elements A</source>
            <translation>A侧要素</translation>
        </message>
        <message>
            <source>Elements B</source>
            <translation>B侧要素</translation>
        </message>
        <message>
            <source>Review</source>
            <translation>审核</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>说明</translation>
        </message>
        <message>
            <source>City</source>
            <translation>城市</translation>
        </message>
        <message>
            <source>Indicator</source>
            <translation>指标</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>值</translation>
        </message>
        <message>
            <source>Threshold</source>
            <translation>阈值</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>说明</translation>
        </message>
        <message>
            <source>No catalogue element has a part in both {a} and {b}.</source>
            <translation>没有名录要素同时在 {a} 和 {b} 中有部分。</translation>
        </message>
        <message>
            <source>strip {city} → {other}</source>
            <translation>边界带 {city} → {other}</translation>
        </message>
        <message>
            <source>part {city}</source>
            <translation>{city} 部分</translation>
        </message>
        <message>
            <source>{element} {name}, {zone}: {area} ha, elevation {elevation} m, slope {slope}°, steep share {steep}, forest share {forest}</source>
            <translation>{element} {name}，{zone}：{area} 公顷，平均高程 {elevation} 米，平均坡度 {slope}°，陡坡占比 {steep}，森林覆盖占比 {forest}</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>政策状态</translation>
        </message>
        <message>
            <source>Not drawn on the map (not given, nor found in the project): {what}.</source>
            <translation>地图上未绘制（未提供，工程中也未找到）：{what}。</translation>
        </message>
        <message>
            <source>Score (sort by it)</source>
            <translation>冲突得分（据此排序）</translation>
        </message>
        <message>
            <source>Base-map overlap / gap (m²)</source>
            <translation>底图重叠 / 缝隙（平方米）</translation>
        </message>
        <message>
            <source>No conflicts: the submissions agree along this border.</source>
            <translation>无冲突：两侧上报要素沿此边界一致。</translation>
        </message>
        <message>
            <source>Source: {source}</source>
            <translation>数据来源：{source}</translation>
        </message>
        <message>
            <source>"{a}" and "{b}" share no border in these results.</source>
            <translation>在此结果中“{a}”与“{b}”没有共同边界。</translation>
        </message>
        <message>
            <source>Cross-city border review — {pair}</source>
            <translation>跨市边界协调审查 — {pair}</translation>
        </message>
        <message>
            <source>admin units</source>
            <translation>行政区</translation>
        </message>
        <message>
            <source>elements</source>
            <translation>要素</translation>
        </message>
        <message>
            <source>Neither round has a conflict or finding between {a} and {b}.</source>
            <translation>两轮中 {a} 与 {b} 之间均无冲突或问题。</translation>
        </message>
        <message>
            <source>An exception needs a note saying why the conflict is accepted.</source>
            <translation>标为例外需要填写说明，写明接受该冲突的理由。</translation>
        </message>
        <message>
            <source>Layer "{layer}" cannot store reviews: its format does not take new fields.</source>
            <translation>图层“{layer}”无法保存审核：其格式不能添加字段。</translation>
        </message>
        <message>
            <source>Cannot add the review fields to layer "{layer}".</source>
            <translation>无法向图层“{layer}”添加审核字段。</translation>
        </message>
        <message>
            <source>Layer "{layer}" cannot be edited.</source>
            <translation>图层“{layer}”无法编辑。</translation>
        </message>
        <message>
            <source>Cannot save the review in layer "{layer}": {errors}</source>
            <translation>无法在图层“{layer}”中保存审核：{errors}</translation>
        </message>
        <message>
            <source>Invalid geometry</source>
            <translation>几何无效</translation>
        </message>
        <message>
            <source>Base-map and input issues</source>
            <translation>底图与输入问题</translation>
        </message>
        <message>
            <source>Exception</source>
            <translation>例外</translation>
        </message>
        <message>
            <source>Agreed</source>
            <translation>已认可</translation>
        </message>
        <message>
            <source>no area</source>
            <translation>无面积</translation>
        </message>
        <message>
            <source>{ha} ha</source>
            <translation>{ha} 公顷</translation>
        </message>
        <message>
            <source>{ha} ha ({m2:.0f} m²)</source>
            <translation>{ha} 公顷（{m2:.0f} 平方米）</translation>
        </message>
        <message>
            <source>Transitions</source>
            <translation>转换矩阵</translation>
        </message>
        <message>
            <source>Status summary</source>
            <translation>政策状态汇总</translation>
        </message>
        <message>
            <source>Unknown codes</source>
            <translation>未识别的地类代码</translation>
        </message>
        <message>
            <source>before ↓ / after →</source>
            <translation>转换前 ↓ / 转换后 →</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>转换前</translation>
        </message>
        <message>
            <source>After</source>
            <translation>转换后</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <source>No overlaid area</source>
            <translation>没有叠加面积</translation>
        </message>
        <message>
            <source>Area by policy status</source>
            <translation>按政策状态统计面积</translation>
        </message>
        <message>
            <source>Policy status of the change</source>
            <translation>用途变化的政策状态</translation>
        </message>
        <message>
            <source>Transitions between policy categories (ha)</source>
            <translation>政策地类之间的转换（公顷）</translation>
        </message>
        <message>
            <source>Rows: land use before; columns: land use after. Cells are coloured by the policy status of the change.</source>
            <translation>行：转换前用途；列：转换后用途。单元格颜色表示该变化的政策状态。</translation>
        </message>
        <message>
            <source>Transitions between policy categories: list (ha)</source>
            <translation>政策类别间的转换：列表（公顷）</translation>
        </message>
        <message>
            <source>Area by zone and policy status (ha)</source>
            <translation>按分区和政策状态统计面积（公顷）</translation>
        </message>
        <message>
            <source>Land-use conversions</source>
            <translation>土地用途转换</translation>
        </message>
        <message>
            <source>Land-use conversion map (用途转用)</source>
            <translation>土地用途转换图（用途转用）</translation>
        </message>
        <message>
            <source>Share</source>
            <translation>占比</translation>
        </message>
        <message>
            <source>(outside every zone)</source>
            <translation>（不在任何分区内）</translation>
        </message>
        <message>
            <source>"{path}" has no layer "conversions"; is it the output of the land-use conversion?</source>
            <translation>“{path}”中没有图层“conversions”；它是土地用途转换的输出吗？</translation>
        </message>
        <message>
            <source>{pieces} pieces.</source>
            <translation>共 {pieces} 个图斑。</translation>
        </message>
        <message>
            <source>Standard-forest change: {dm:+,.2f} ha.</source>
            <translation>标准林面积变化：{dm:+,.2f} 公顷。</translation>
        </message>
        <message>
            <source>All zones</source>
            <translation>全部分区</translation>
        </message>
        <message>
            <source>Code "{code}" (before layer) has no category: {area:,.2f} ha.</source>
            <translation>代码“{code}”（转换前图层）没有对应的政策地类：{area:,.2f} 公顷。</translation>
        </message>
        <message>
            <source>Code "{code}" (after layer) has no category: {area:,.2f} ha.</source>
            <translation>代码“{code}”（转换后图层）没有对应的政策地类：{area:,.2f} 公顷。</translation>
        </message>
        <message>
            <source>matplotlib is not available ({error}): the matrix and the Sankey diagram are left out.</source>
            <translation>matplotlib 不可用（{error}）：报告中省略转换矩阵和桑基图。</translation>
        </message>
        <message>
            <source>prohibited or gap inside the red line or farmland</source>
            <translation>红线或永久基本农田内的禁止/空白转用</translation>
        </message>
        <message>
            <source>prohibited</source>
            <translation>禁止</translation>
        </message>
        <message>
            <source>policy gap</source>
            <translation>政策空白</translation>
        </message>
        <message>
            <source>conditional</source>
            <translation>有条件</translation>
        </message>
        <message>
            <source>legal path</source>
            <translation>合法路径</translation>
        </message>
        <message>
            <source>same (not a conversion)</source>
            <translation>未转用</translation>
        </message>
        <message>
            <source>unknown (code in no category table)</source>
            <translation>未知（代码不在任何地类对照表中）</translation>
        </message>
        <message>
            <source>gap</source>
            <translation>空白</translation>
        </message>
        <message>
            <source>same</source>
            <translation>未转用</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <source>cultivated land</source>
            <translation>耕地</translation>
        </message>
        <message>
            <source>garden land</source>
            <translation>园地</translation>
        </message>
        <message>
            <source>forest land</source>
            <translation>林地</translation>
        </message>
        <message>
            <source>grassland</source>
            <translation>草地</translation>
        </message>
        <message>
            <source>farmland water</source>
            <translation>农田水利用地</translation>
        </message>
        <message>
            <source>aquaculture water</source>
            <translation>养殖水面</translation>
        </message>
        <message>
            <source>river water</source>
            <translation>河流水面</translation>
        </message>
        <message>
            <source>other unused land</source>
            <translation>其他未利用地</translation>
        </message>
        <message>
            <source>sea area</source>
            <translation>海域</translation>
        </message>
        <message>
            <source>construction land</source>
            <translation>建设用地</translation>
        </message>
        <message>
            <source>Guotu land-use conversion style</source>
            <translation>Guotu 土地用途转换样式</translation>
        </message>
        <message>
            <source>Layer "{layer}" of "{path}" could not be opened.</source>
            <translation>无法打开“{path}”中的图层“{layer}”。</translation>
        </message>
        <message>
            <source>The category table "{path}" of the before layer cannot be used: {message}</source>
            <translation>转换前图层的地类对照表“{path}”无法使用：{message}</translation>
        </message>
        <message>
            <source>The category table "{path}" of the after layer cannot be used: {message}</source>
            <translation>转换后图层的地类对照表“{path}”无法使用：{message}</translation>
        </message>
        <message>
            <source>Layer "{layer}" is not a land-use conversion layer: it lacks the fields {fields}.</source>
            <translation>图层“{layer}”不是土地用途转换图层：缺少字段 {fields}。</translation>
        </message>
        <message>
            <source>Cannot read the table "{path}": {error}</source>
            <translation>无法读取表“{path}”：{error}</translation>
        </message>
        <message>
            <source>The policy table "{path}" cannot be used: {message}</source>
            <translation>政策表“{path}”无法使用：{message}</translation>
        </message>
        <message>
            <source>Layer "{layer}" has no zones (check its selection and filter).</source>
            <translation>图层“{layer}”中没有分区（请检查选择集和过滤条件）。</translation>
        </message>
        <message>
            <source>Layer "{layer}" has no polygons (check its selection and filter).</source>
            <translation>图层“{layer}”没有面要素（请检查其选择集和过滤条件）。</translation>
        </message>
        <message>
            <source>Unknown classification system "{system}"; known: {systems}.</source>
            <translation>未知的分类体系“{system}”；可用的有：{systems}。</translation>
        </message>
        <message>
            <source>Choose the land-use class field of layer "{layer}".</source>
            <translation>请选择图层“{layer}”的地类字段。</translation>
        </message>
        <message>
            <source>Choose the zone id field of layer "{layer}".</source>
            <translation>请选择图层“{layer}”的分区代码字段。</translation>
        </message>
        <message>
            <source>Unknown three-lines layers: {names}; known: {lines}.</source>
            <translation>未知的三区三线图层：{names}；可用：{lines}。</translation>
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
            <source>Feature {fid} of layer "{layer}" has no unit code (field "{field}").</source>
            <translation>图层“{layer}”的要素 {fid} 没有单位代码（字段“{field}”）。</translation>
        </message>
        <message>
            <source>shapefiles in different text encodings</source>
            <translation>文本编码不同的 shapefile</translation>
        </message>
        <message>
            <source>the before layer</source>
            <translation>转换前图层</translation>
        </message>
        <message>
            <source>the after layer</source>
            <translation>转换后图层</translation>
        </message>
        <message>
            <source>the zones</source>
            <translation>分区图层</translation>
        </message>
        <message>
            <source>{role}: another CRS than the before layer</source>
            <translation>{role}：坐标参照系与转换前图层不同</translation>
        </message>
        <message>
            <source>{columns} × {rows} cells of {xres:g} × {yres:g} from ({x0:g}, {y0:g}) in {crs}</source>
            <translation>{columns} × {rows} 个 {xres:g} × {yres:g} 的栅格单元，起点 ({x0:g}, {y0:g})，坐标系 {crs}</translation>
        </message>
        <message>
            <source>Raster layer "{layer}" has no valid CRS.</source>
            <translation>栅格图层“{layer}”没有有效的坐标参照系。</translation>
        </message>
        <message>
            <source>The rasters are on different grids: "{before}" is {before_grid}, "{after}" is {after_grid}. Align them first (Raster ▸ Align Rasters, nearest neighbour) or use guotu convert --resample-to.</source>
            <translation>两个栅格不在同一格网上：“{before}”为 {before_grid}，“{after}”为 {after_grid}。请先对齐（栅格 ▸ 对齐栅格，最邻近法），或使用 guotu convert --resample-to。</translation>
        </message>
        <message>
            <source>Raster layer "{layer}" has no cells.</source>
            <translation>栅格图层“{layer}”没有栅格单元。</translation>
        </message>
        <message>
            <source>Cannot create "{path}".</source>
            <translation>无法创建“{path}”。</translation>
        </message>
        <message>
            <source>Catalogue element not submitted</source>
            <translation>名录要素未报送</translation>
        </message>
        <message>
            <source>Submitted element not in the catalogue</source>
            <translation>报送要素不在名录中</translation>
        </message>
        <message>
            <source>Element submitted by a city the catalogue does not list</source>
            <translation>名录未列城市报送的要素</translation>
        </message>
        <message>
            <source>Submitted element without a city</source>
            <translation>报送要素缺少城市代码</translation>
        </message>
        <message>
            <source>Give the catalogue as a CSV file or as a table layer — not both, not neither.</source>
            <translation>请以 CSV 文件或表图层之一提供名录——不能两者都给，也不能都不给。</translation>
        </message>
        <message>
            <source>county table</source>
            <translation>县市对照表</translation>
        </message>
        <message>
            <source>{features} submitted features, {cities} cities: {detail}.</source>
            <translation>报送图斑 {features} 个，城市 {cities} 个：{detail}。</translation>
        </message>
        <message>
            <source>The catalogue layer "{layer}" lists no element.</source>
            <translation>名录图层“{layer}”未列出任何要素。</translation>
        </message>
        <message>
            <source>City {city}: {submitted} of {listed} catalogue elements submitted, {missing} missing, {unknown} features not in the catalogue</source>
            <translation>城市 {city}：名录要素 {listed} 个，已报送 {submitted} 个，未报送 {missing} 个，名录外图斑 {unknown} 个</translation>
        </message>
        <message>
            <source>The {what} "{path}" cannot be read: {error}</source>
            <translation>无法读取{what}“{path}”：{error}</translation>
        </message>
        <message>
            <source>The catalogue "{path}" cannot be read: {error}</source>
            <translation>无法读取名录“{path}”：{error}</translation>
        </message>
        <message>
            <source>Layer "{layer}", feature {fid}: {error}</source>
            <translation>图层“{layer}”，要素 {fid}：{error}</translation>
        </message>
        <message>
            <source>Raster layer "{layer}" has no cell grid (is it a web service?); use a raster file.</source>
            <translation>栅格图层“{layer}”没有像元格网（是否为网络服务？）；请使用栅格文件。</translation>
        </message>
        <message>
            <source>Raster layer "{layer}" has data type {type}, which is not read as elevations.</source>
            <translation>栅格图层“{layer}”的数据类型为 {type}，无法作为高程读取。</translation>
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
            <source>Outside the city's threshold</source>
            <translation>超出城市阈值</translation>
        </message>
        <message>
            <source>City threshold missing</source>
            <translation>城市未设阈值</translation>
        </message>
        <message>
            <source>Thresholds differ across the border</source>
            <translation>边界两侧阈值不一致</translation>
        </message>
        <message>
            <source>Indicator jumps at the border</source>
            <translation>指标在交界处跳变</translation>
        </message>
        <message>
            <source>DEM does not cover the part</source>
            <translation>DEM 未覆盖该部分</translation>
        </message>
        <message>
            <source>Land-use raster does not cover the part</source>
            <translation>土地利用栅格未覆盖该部分</translation>
        </message>
        <message>
            <source>Give the land use as polygons or as a raster, not both.</source>
            <translation>土地利用请以图斑或栅格之一给出，不能同时给出两者。</translation>
        </message>
        <message>
            <source>{zones} zones (elements, city parts, border strips); findings: {detail}.</source>
            <translation>统计范围 {zones} 个（要素、城市部分、交界带）；问题：{detail}。</translation>
        </message>
        <message>
            <source>The DEM "{layer}" is in {crs}, geographic, and is not a raster file GDAL can warp: warp it to {zone} first.</source>
            <translation>DEM“{layer}”采用地理坐标系 {crs}，且不是 GDAL 可以重采样的栅格文件：请先将其重采样到 {zone}。</translation>
        </message>
        <message>
            <source>The DEM "{layer}" cannot be warped to {zone}: {error}</source>
            <translation>DEM“{layer}”无法重采样到 {zone}：{error}</translation>
        </message>
        <message>
            <source>The DEM "{layer}" is in {dem}, not the work CRS {crs}: warp it into that CRS first.</source>
            <translation>DEM“{layer}”的坐标系为 {dem}，不是工作坐标系 {crs}：请先将其重投影到该坐标系。</translation>
        </message>
        <message>
            <source>The land-use raster "{layer}" is in {raster}, not the work CRS {crs}: warp it into that CRS first (nearest neighbour; class rasters are not resampled here).</source>
            <translation>土地利用栅格“{layer}”的坐标系为 {raster}，不是工作坐标系 {crs}：请先将其投影变换到该坐标系（最邻近法；此处不对地类栅格重采样）。</translation>
        </message>
        <message>
            <source>The thresholds "{path}" cannot be read: {error}</source>
            <translation>无法读取阈值表“{path}”：{error}</translation>
        </message>
        <message>
            <source>within</source>
            <translation>符合</translation>
        </message>
        <message>
            <source>below the minimum</source>
            <translation>低于下限</translation>
        </message>
        <message>
            <source>above the maximum</source>
            <translation>高于上限</translation>
        </message>
        <message>
            <source>no threshold set</source>
            <translation>未设阈值</translation>
        </message>
        <message>
            <source>not measured</source>
            <translation>未测算</translation>
        </message>
        <message>
            <source>new</source>
            <translation>新增</translation>
        </message>
        <message>
            <source>persisting</source>
            <translation>持续</translation>
        </message>
        <message>
            <source>Border conflict</source>
            <translation>边界冲突</translation>
        </message>
        <message>
            <source>Indicator finding</source>
            <translation>指标问题</translation>
        </message>
        <message>
            <source>Catalogue finding</source>
            <translation>名录问题</translation>
        </message>
        <message>
            <source>Give the element indicators and the threshold table together.</source>
            <translation>要素指标表与阈值表须同时提供。</translation>
        </message>
        <message>
            <source>Round status</source>
            <translation>轮次状态</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Concerns</source>
            <translation>涉及</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>说明</translation>
        </message>
        <message>
            <source>Reviewer's note</source>
            <translation>审核说明</translation>
        </message>
        <message>
            <source>Minimum</source>
            <translation>下限</translation>
        </message>
        <message>
            <source>Maximum</source>
            <translation>上限</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Finding on the return list</source>
            <translation>退回清单所列问题</translation>
        </message>
        <message>
            <source>The thresholds "{path}" lack the columns {columns}.</source>
            <translation>阈值表“{path}”缺少列 {columns}。</translation>
        </message>
        <message>
            <source>{kind} ({status})</source>
            <translation>{kind}（{status}）</translation>
        </message>
        <message>
            <source>Return list (退回清单) — city {city}</source>
            <translation>退回清单 — 城市 {city}</translation>
        </message>
        <message>
            <source>{items} items to correct: {new} new, {persisting} persisting from the previous round. Source: {source}.</source>
            <translation>需整改 {items} 项：新增 {new} 项，上一轮延续 {persisting} 项。来源：{source}。</translation>
        </message>
        <message>
            <source>Indicators of the returned elements against the thresholds of city {city}</source>
            <translation>退回要素的指标与城市 {city} 阈值对照</translation>
        </message>
        <message>
            <source>No element of the framework's indicators is on this city's return list.</source>
            <translation>本市退回清单中没有涉及框架指标的要素。</translation>
        </message>
        <message>
            <source>Layer "{layer}" is not a return list: it lacks the fields {fields}.</source>
            <translation>图层“{layer}”不是退回清单：缺少字段 {fields}。</translation>
        </message>
        <message>
            <source>Layer "{layer}" is not the framework's element indicators: it lacks the fields {fields}.</source>
            <translation>图层“{layer}”不是框架的要素指标表：缺少字段 {fields}。</translation>
        </message>
        <message>
            <source>City "{city}" has nothing on the return list "{layer}".</source>
            <translation>城市“{city}”在退回清单“{layer}”中没有退回项。</translation>
        </message>
        <message>
            <source>The thresholds "{path}", line {line}: {column} "{value}" is not a number.</source>
            <translation>阈值表“{path}”第 {line} 行：{column}“{value}”不是数字。</translation>
        </message>
        <message>
            <source>{finding}, with city {other}</source>
            <translation>{finding}，涉及城市 {other}</translation>
        </message>
        <message>
            <source>{element} (no part in this city)</source>
            <translation>{element}（本市无该要素部分）</translation>
        </message>
        <message>
            <source>resolved</source>
            <translation>已解决</translation>
        </message>
        <message>
            <source>Conflict or finding</source>
            <translation>冲突或问题</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>位置</translation>
        </message>
        <message>
            <source>Return list</source>
            <translation>退回清单</translation>
        </message>
        <message>
            <source>Review and note</source>
            <translation>审核与说明</translation>
        </message>
        <message>
            <source>returned</source>
            <translation>退回</translation>
        </message>
        <message>
            <source>major, accepted in review</source>
            <translation>重大偏差，审核已认可</translation>
        </message>
        <message>
            <source>Rounds: {resolved} resolved, {persisting} persisting, {new} new; {returned} on the return list</source>
            <translation>轮次比对：已解决 {resolved} 项，持续 {persisting} 项，新增 {new} 项；退回清单 {returned} 项</translation>
        </message>
        <message>
            <source>"{path}" does not exist.</source>
            <translation>“{path}”不存在。</translation>
        </message>
        <message>
            <source>"{path}" cannot be read as a vector file.</source>
            <translation>无法将“{path}”作为矢量文件读取。</translation>
        </message>
        <message>
            <source>"{path}" holds no round comparison: none of its tables has the fields of the round_comparison table of guotu:framerounds or guotu framework rounds ({fields}).</source>
            <translation>“{path}”中没有轮次比对结果：其中没有任何表具有 guotu:framerounds 或 guotu framework rounds 的 round_comparison 表的字段（{fields}）。</translation>
        </message>
        <message>
            <source>"{path}" has none of the layers border_conflict_lines, indicator_findings, catalogue_findings (an output of the border comparison or of the framework checks).</source>
            <translation>“{path}”不含 border_conflict_lines、indicator_findings、catalogue_findings 中的任何图层（应为边界比对或框架核查的输出）。</translation>
        </message>
        <message>
            <source>Guotu user guide</source>
            <translation>国土用户指南</translation>
        </message>
        <message>
            <source>The user guide could not be written in the QGIS profile folder.</source>
            <translation>无法在 QGIS 配置文件夹中写入用户指南。</translation>
        </message>
        <message>
            <source>Area by zone and land-use class…</source>
            <translation>按分区统计地类面积…</translation>
        </message>
        <message>
            <source>Ecological vouchers…</source>
            <translation>生态券…</translation>
        </message>
        <message>
            <source>Land-use conversion map…</source>
            <translation>土地用途转换图…</translation>
        </message>
        <message>
            <source>Land-use conversion matrix…</source>
            <translation>土地用途转换矩阵…</translation>
        </message>
        <message>
            <source>New three-lines workspace…</source>
            <translation>新建三区三线工作空间…</translation>
        </message>
        <message>
            <source>Open three-lines workspace…</source>
            <translation>打开三区三线工作空间…</translation>
        </message>
        <message>
            <source>Import delivered layers into a workspace…</source>
            <translation>将交付图层导入工作空间…</translation>
        </message>
        <message>
            <source>Three control lines check…</source>
            <translation>三区三线检查…</translation>
        </message>
        <message>
            <source>Binding plan indicators…</source>
            <translation>约束性指标检查…</translation>
        </message>
        <message>
            <source>Rectification parcel review…</source>
            <translation>整治地块审查…</translation>
        </message>
        <message>
            <source>Cross-city border review…</source>
            <translation>跨市边界冲突审查…</translation>
        </message>
        <message>
            <source>Guotu 国土 — user guide</source>
            <translation>国土 Guotu — 用户指南</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <source>Contents</source>
            <translation>目录</translation>
        </message>
        <message>
            <source>Parameters</source>
            <translation>参数</translation>
        </message>
        <message>
            <source>optional</source>
            <translation>可选</translation>
        </message>
        <message>
            <source>advanced</source>
            <translation>高级</translation>
        </message>
        <message>
            <source>Every tool below is a Processing algorithm (Processing Toolbox ▸ Guotu 国土): it runs from its dialog, in the Model Builder, as a batch and with qgis_process. The Guotu 国土 menu and toolbar also open the review docks and the ecological voucher dialog.</source>
            <translation>以下每个工具都是一个处理算法（处理工具箱 ▸ Guotu 国土）：可在其对话框中运行，也可用于图形建模器、批处理和 qgis_process。“Guotu 国土”菜单和工具栏还可打开各审查面板和生态券对话框。</translation>
        </message>
        <message>
            <source>Choose at least one target field of the admin layer.</source>
            <translation>请至少选择行政区图层的一个目标字段。</translation>
        </message>
        <message>
            <source>Feature {fid} of layer "{layer}"</source>
            <translation>图层“{layer}”的要素 {fid}</translation>
        </message>
        <message>
            <source>The admin layer "{layer}" has no features.</source>
            <translation>行政区图层“{layer}”没有要素。</translation>
        </message>
        <message>
            <source>None of the class codes of the earlier survey year (field "{field}" of layer "{layer}") is in the class table "{table}": check that the field holds 三调 codes (DLBM), not names (DLMC).</source>
            <translation>前一期调查的地类编码（图层“{layer}”的字段“{field}”）没有一个在分组表“{table}”中：请检查该字段是否为三调地类编码（DLBM），而不是地类名称（DLMC）。</translation>
        </message>
        <message>
            <source>Cannot read the class groups table "{path}": {error}</source>
            <translation>无法读取地类分组表“{path}”：{error}</translation>
        </message>
        <message>
            <source>Choose at least one target column of the targets table "{table}".</source>
            <translation>请至少选择目标表“{table}”的一个目标列。</translation>
        </message>
        <message>
            <source>The targets table "{table}" has admin code "{code}" twice (row {row}).</source>
            <translation>目标表“{table}”中行政区代码“{code}”出现两次（第 {row} 行）。</translation>
        </message>
        <message>
            <source>{where}: the admin code (field "{field}") is empty.</source>
            <translation>{where}：行政区代码（字段“{field}”）为空。</translation>
        </message>
        <message>
            <source>{where} (admin unit {code}) has no geometry.</source>
            <translation>{where}（行政区 {code}）没有几何。</translation>
        </message>
        <message>
            <source>Targets table "{table}", row {row} (admin code "{code}"), column "{field}": the target "{value}" is not a number &gt;= 0.</source>
            <translation>目标表“{table}”第 {row} 行（行政区代码“{code}”），列“{field}”：目标值“{value}”不是大于等于 0 的数。</translation>
        </message>
        <message>
            <source>{where}, field "{field}": the target "{value}" is not a number.</source>
            <translation>{where}，字段“{field}”：目标值“{value}”不是数字。</translation>
        </message>
        <message>
            <source>All binding indicators met</source>
            <translation>约束性指标全部达标</translation>
        </message>
        <message>
            <source>1 indicator failed</source>
            <translation>1 项指标未达标</translation>
        </message>
        <message>
            <source>2 indicators failed</source>
            <translation>2 项指标未达标</translation>
        </message>
        <message>
            <source>3 or more indicators failed</source>
            <translation>3 项及以上指标未达标</translation>
        </message>
        <message>
            <source>planar (in the layer's projected coordinates)</source>
            <translation>平面面积（按图层的投影坐标计算）</translation>
        </message>
        <message>
            <source>ellipsoidal: datum {datum}, ellipsoid {ellipsoid} (a = {a} m, 1/f = {f})</source>
            <translation>椭球面积：大地基准 {datum}，椭球 {ellipsoid}（a = {a} 米，1/f = {f}）</translation>
        </message>
        <message>
            <source>(unnamed layer)</source>
            <translation>（未命名图层）</translation>
        </message>
        <message>
            <source>Feature {fid} of layer "{layer}" could not be transformed to {crs}: {error}</source>
            <translation>图层“{layer}”的要素 {fid} 无法转换到 {crs}：{error}</translation>
        </message>
        <message>
            <source>Layer "{layer}" holds {expected} features but only {read} could be read: the file is damaged or unreadable (or the count is an estimate: for a PostGIS layer, switch off "use estimated table metadata"). Nothing was computed from it.</source>
            <translation>图层“{layer}”有 {expected} 个要素，但只能读取 {read} 个：文件已损坏或无法读取（或要素数只是估计值：PostGIS 图层请关闭“使用估计的表元数据”）。未据此进行任何计算。</translation>
        </message>
        <message>
            <source>{role}: not a layer of this project or a file</source>
            <translation>{role}：不是本工程的图层或文件</translation>
        </message>
        <message>
            <source>{role}: a {provider} layer</source>
            <translation>{role}：{provider} 图层</translation>
        </message>
        <message>
            <source>{role}: unsaved edits</source>
            <translation>{role}：有未保存的编辑</translation>
        </message>
        <message>
            <source>{role}: a {format} file</source>
            <translation>{role}：{format} 文件</translation>
        </message>
        <message>
            <source>{role}: no file</source>
            <translation>{role}：无对应文件</translation>
        </message>
        <message>
            <source>{role}: an SQL query as filter</source>
            <translation>{role}：以 SQL 查询作为过滤条件</translation>
        </message>
        <message>
            <source>{role}: a layer chosen by number</source>
            <translation>{role}：按序号选取的图层</translation>
        </message>
        <message>
            <source>{role}: a CRS set in QGIS, not the file's</source>
            <translation>{role}：坐标参照系是在 QGIS 中设置的，而非文件自身的</translation>
        </message>
        <message>
            <source>{role}: the field {field} is not in the file (an expression or a join)</source>
            <translation>{role}：字段 {field} 不在文件中（表达式字段或连接字段）</translation>
        </message>
        <message>
            <source>{role}: selected features only</source>
            <translation>{role}：仅所选要素</translation>
        </message>
        <message>
            <source>{role}: a feature limit</source>
            <translation>{role}：限定了要素数量</translation>
        </message>
        <message>
            <source>{role}: its own geometry check</source>
            <translation>{role}：单独设置了几何检查</translation>
        </message>
        <message>
            <source>Reprojected from {source} to {target} ({name}), the Gauss-Krüger zone of the data's centre (central meridian {cm}°E); the outputs are in {target}.</source>
            <translation>已从 {source} 投影转换到 {target}（{name}），即数据中心所在的高斯-克吕格投影带（中央经线 {cm}°E）；输出采用 {target}。</translation>
        </message>
        <message>
            <source>WGS 84 is taken as CGCS2000 (they agree to a few centimetres).</source>
            <translation>WGS 84 按 CGCS2000 处理（两者相差仅几厘米）。</translation>
        </message>
        <message>
            <source>Layer "{layer}": {error}</source>
            <translation>图层“{layer}”：{error}</translation>
        </message>
        <message>
            <source>Raster layer "{layer}" has data type {type}; a land-use raster must hold integer class codes.</source>
            <translation>栅格图层“{layer}”的数据类型为 {type}；地类栅格必须存放整数地类代码。</translation>
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
            <source>The text of layer "{layer}" ({file}) is not UTF-8 and the shapefile has no .cpg file saying its encoding, so its codes and names would be read garbled. It is most likely GBK: set Layer Properties ▸ Source ▸ Data source encoding to GBK (or put a {cpg} file containing 936 beside it) and run again.</source>
            <translation>图层“{layer}”（{file}）的文字不是 UTF-8，且该 shapefile 没有说明编码的 .cpg 文件，其代码和名称会被读成乱码。它很可能是 GBK 编码：请在 图层属性 ▸ 源 ▸ 数据源编码 中设为 GBK（或在旁边放一个内容为 936 的 {cpg} 文件），然后重新运行。</translation>
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
            <source>Planar area needs a projected CRS in metres, but layer "{layer}" is in {crs} (units: {units}). Use the ellipsoidal method or reproject the layer: CGCS2000 data to the 3-degree Gauss-Krüger zone of its central meridian (EPSG:4534–4554, e.g. EPSG:4527 for 117°E).</source>
            <translation>平面面积需要以米为单位的投影坐标系，但图层“{layer}”的坐标系为 {crs}（单位：{units}）。请改用椭球面积，或将图层重投影：CGCS2000 数据投影到其中央经线所在的 3 度带高斯-克吕格投影（EPSG:4534–4554，如东经 117° 为 EPSG:4527）。</translation>
        </message>
        <message>
            <source>(no unit)</source>
            <translation>（不在任何整治单元）</translation>
        </message>
        <message>
            <source>Cultivated land (ha)</source>
            <translation>耕地（公顷）</translation>
        </message>
        <message>
            <source>Cultivated land by grade (ha)</source>
            <translation>分等别耕地（公顷）</translation>
        </message>
        <message>
            <source>Rules</source>
            <translation>规则</translation>
        </message>
        <message>
            <source>Cultivated land, opening (net of 田坎)</source>
            <translation>耕地期初（扣除田坎）</translation>
        </message>
        <message>
            <source>− to construction land</source>
            <translation>− 转为建设用地</translation>
        </message>
        <message>
            <source>− to garden</source>
            <translation>− 转为园地</translation>
        </message>
        <message>
            <source>− to forest</source>
            <translation>− 转为林地</translation>
        </message>
        <message>
            <source>− to grassland</source>
            <translation>− 转为草地</translation>
        </message>
        <message>
            <source>− to other land</source>
            <translation>− 转为其他用地</translation>
        </message>
        <message>
            <source>+ reclaimed construction land</source>
            <translation>+ 建设用地复垦</translation>
        </message>
        <message>
            <source>+ from garden</source>
            <translation>+ 园地整理</translation>
        </message>
        <message>
            <source>+ from forest</source>
            <translation>+ 林地整理</translation>
        </message>
        <message>
            <source>+ from grassland</source>
            <translation>+ 草地开发</translation>
        </message>
        <message>
            <source>+ from other land</source>
            <translation>+ 其他土地开发</translation>
        </message>
        <message>
            <source>± change of the 田坎 deduction</source>
            <translation>± 田坎扣除变化</translation>
        </message>
        <message>
            <source>Cultivated land, closing (net of 田坎)</source>
            <translation>耕地期末（扣除田坎）</translation>
        </message>
        <message>
            <source>Unit {unit} {name}: {verdict}</source>
            <translation>单元 {unit} {name}：{verdict}</translation>
        </message>
        <message>
            <source>{parcels} parcels, {area} ha</source>
            <translation>{parcels} 个图斑，{area} 公顷</translation>
        </message>
        <message>
            <source>passed</source>
            <translation>通过</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>不通过</translation>
        </message>
        <message>
            <source>not checked</source>
            <translation>未核验</translation>
        </message>
        <message>
            <source>undetermined (a rule could not be checked)</source>
            <translation>待定（有规则无法核验）</translation>
        </message>
        <message>
            <source>Cultivated land not decreasing</source>
            <translation>耕地数量不减少</translation>
        </message>
        <message>
            <source>Quality not lower</source>
            <translation>耕地质量不降低</translation>
        </message>
        <message>
            <source>Permanent farmland in ≥ out</source>
            <translation>永久基本农田调入不少于调出</translation>
        </message>
        <message>
            <source>Farmland quality in not lower</source>
            <translation>调入永久基本农田质量不降低</translation>
        </message>
        <message>
            <source>Construction land not increasing</source>
            <translation>建设用地总量不增加</translation>
        </message>
        <message>
            <source>Linkage (增减挂钩)</source>
            <translation>增减挂钩</translation>
        </message>
        <message>
            <source>Standard forest not decreasing</source>
            <translation>标准林地不减少</translation>
        </message>
        <message>
            <source>Red line unchanged but restoration</source>
            <translation>红线内除生态修复外无变化</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>项目</translation>
        </message>
        <message>
            <source>ha</source>
            <translation>公顷</translation>
        </message>
        <message>
            <source>no grade</source>
            <translation>无等别</translation>
        </message>
        <message>
            <source>Grade</source>
            <translation>等别</translation>
        </message>
        <message>
            <source>Opening</source>
            <translation>期初</translation>
        </message>
        <message>
            <source>Closing</source>
            <translation>期末</translation>
        </message>
        <message>
            <source>Rule</source>
            <translation>规则</translation>
        </message>
        <message>
            <source>Numbers and parameters</source>
            <translation>数值与参数</translation>
        </message>
        <message>
            <source>Unit ledger</source>
            <translation>单元台账</translation>
        </message>
        <message>
            <source>The ledger has no units.</source>
            <translation>台账中没有单元。</translation>
        </message>
        <message>
            <source>{opening} → {closing} ha</source>
            <translation>{opening} → {closing} 公顷</translation>
        </message>
        <message>
            <source>mean grade {opening} → {closing} (tolerance {tolerance}); without a grade {ungraded} ha</source>
            <translation>平均等别 {opening} → {closing}（容差 {tolerance}）；无等别 {ungraded} 公顷</translation>
        </message>
        <message>
            <source>out {out} ha, in {into} ha, at least {minimum} × out</source>
            <translation>调出 {out} 公顷，调入 {into} 公顷，应不少于调出的 {minimum} 倍</translation>
        </message>
        <message>
            <source>mean grade in {into}, out {out}</source>
            <translation>调入平均等别 {into}，调出 {out}</translation>
        </message>
        <message>
            <source>{opening} → {closing} ha (reclaimed {reclaimed}, newly built {built})</source>
            <translation>{opening} → {closing} 公顷（拆旧 {reclaimed}，建新 {built}）</translation>
        </message>
        <message>
            <source>balance {balance} ha (reclaimed − {minimum} × newly built); on river beaches {count} parcels, {area} ha {ids}</source>
            <translation>结余 {balance} 公顷（拆旧 − {minimum} × 建新）；位于河道滩地 {count} 个图斑、{area} 公顷 {ids}</translation>
        </message>
        <message>
            <source>{count} parcels changed inside, {area} ha</source>
            <translation>红线内变化 {count} 个图斑，{area} 公顷</translation>
        </message>
        <message>
            <source>pass</source>
            <translation>达标</translation>
        </message>
        <message>
            <source>fail</source>
            <translation>不达标</translation>
        </message>
        <message>
            <source>undetermined</source>
            <translation>待定</translation>
        </message>
        <message>
            <source>L1 cultivated land (ha, net of 田坎)</source>
            <translation>L1 耕地数量（公顷，扣除田坎）</translation>
        </message>
        <message>
            <source>L2 quality (mean grade, 1 best)</source>
            <translation>L2 耕地质量（平均等别，1 等最好）</translation>
        </message>
        <message>
            <source>L3 permanent farmland in ÷ out</source>
            <translation>L3 永久基本农田调入 ÷ 调出</translation>
        </message>
        <message>
            <source>L3 quality of farmland in and out</source>
            <translation>L3 调入与调出永久基本农田质量</translation>
        </message>
        <message>
            <source>L4 construction land (ha)</source>
            <translation>L4 建设用地（公顷）</translation>
        </message>
        <message>
            <source>L5 linkage (增减挂钩)</source>
            <translation>L5 增减挂钩</translation>
        </message>
        <message>
            <source>L6 standard forest (ha)</source>
            <translation>L6 标准林地（公顷）</translation>
        </message>
        <message>
            <source>L7 ecological red line</source>
            <translation>L7 生态保护红线</translation>
        </message>
        <message>
            <source>Verdict</source>
            <translation>结论</translation>
        </message>
        <message>
            <source>{opening} → {closing}: lost {lost}, gained {gained} ({reclaimed} reclaimed), 田坎 {tiankan}</source>
            <translation>{opening} → {closing}：减少 {lost}，增加 {gained}（其中复垦 {reclaimed}），田坎变化 {tiankan}</translation>
        </message>
        <message>
            <source>{opening} → {closing}, may worsen by {tolerance}</source>
            <translation>{opening} → {closing}，允许降低 {tolerance}</translation>
        </message>
        <message>
            <source>{inside} ÷ {out} ha = {ratio}, at least {minimum}</source>
            <translation>{inside} ÷ {out} 公顷 = {ratio}，最低 {minimum}</translation>
        </message>
        <message>
            <source>mean grade in {inside}, out {out}</source>
            <translation>调入平均等别 {inside}，调出 {out}</translation>
        </message>
        <message>
            <source>{opening} → {closing}; reclaimed {reclaimed}, newly built {built}</source>
            <translation>{opening} → {closing}；拆旧 {reclaimed}，建新 {built}</translation>
        </message>
        <message>
            <source>{opening} → {closing}</source>
            <translation>{opening} → {closing}</translation>
        </message>
        <message>
            <source>{n} parcels changed inside, {area} ha, not restoration</source>
            <translation>红线内非修复类变化 {n} 个地块，{area} 公顷</translation>
        </message>
        <message>
            <source>balance {balance} ha (reclaimed − {minimum} × newly built); {n} reclaimed parcels on river beaches {ids}</source>
            <translation>结余 {balance} 公顷（拆旧 − {minimum} × 建新）；位于河道滩地的复垦地块 {n} 个 {ids}</translation>
        </message>
        <message>
            <source>An official area field cannot be used with two land-use layers: every piece of their overlay gets its computed area.</source>
            <translation>两个地类图层模式下不能使用图斑面积字段：叠加产生的每个碎块均采用计算面积。</translation>
        </message>
        <message>
            <source>Give the units either by a field of the parcels or by a units layer, not both.</source>
            <translation>请通过图斑的单元字段或单元图层之一给出单元，不能同时给出。</translation>
        </message>
        <message>
            <source>Permanent farmland needs both fields: inside now and inside after the adjustment plan.</source>
            <translation>永久基本农田需要两个字段：现状是否在内、调整方案实施后是否在内。</translation>
        </message>
        <message>
            <source>{n} units, {c} reclamation certificates.</source>
            <translation>{n} 个单元，{c} 张复垦券。</translation>
        </message>
        <message>
            <source>Layer "{layer}", parcel "{id}": field {field} holds "{value}"; permanent farmland flags are 1/0 (是/否).</source>
            <translation>图层“{layer}”，图斑“{id}”：字段 {field} 的值为“{value}”；永久基本农田标志应为 1/0（是/否）。</translation>
        </message>
        <message>
            <source>{unit}: {verdict}; cultivated land {opening:.4f} → {closing:.4f} ha</source>
            <translation>{unit}：{verdict}；耕地 {opening:.4f} → {closing:.4f} 公顷</translation>
        </message>
        <message>
            <source>{n} overlay slivers below {tolerance} m² left out ({area:.6f} m² in all).</source>
            <translation>已剔除小于 {tolerance} 平方米的叠加碎片 {n} 个（合计 {area:.6f} 平方米）。</translation>
        </message>
        <message>
            <source>Reprojected into the parcels' CRS: {layers}.</source>
            <translation>已投影转换到整治地块的坐标系：{layers}。</translation>
        </message>
        <message>
            <source>Layer "{layer}", parcel "{id}": field {field} holds "{value}", not a number.</source>
            <translation>图层“{layer}”，图斑“{id}”：字段 {field} 的值为“{value}”，不是数字。</translation>
        </message>
        <message>
            <source>Layer "{layer}" has no parcels.</source>
            <translation>图层“{layer}”没有整治地块。</translation>
        </message>
        <message>
            <source>Neither layer "{current}" nor layer "{planned}" has a field {field}.</source>
            <translation>图层“{current}”和图层“{planned}”均无字段 {field}。</translation>
        </message>
        <message>
            <source>"{system}" is not a classification system with a conversion preset ({systems}).</source>
            <translation>“{system}”不是带有转换预设的分类体系（{systems}）。</translation>
        </message>
        <message>
            <source>Choose the id field of layer "{layer}".</source>
            <translation>请选择图层“{layer}”的编号字段。</translation>
        </message>
        <message>
            <source>Layer "{layer}" has no features.</source>
            <translation>图层“{layer}”没有要素。</translation>
        </message>
        <message>
            <source>Feature {fid} of layer "{layer}" (parcel "{id}") has no geometry.</source>
            <translation>图层“{layer}”的要素 {fid}（地块“{id}”）没有几何图形。</translation>
        </message>
        <message>
            <source>Reclaimed to cultivated land</source>
            <translation>复垦为耕地</translation>
        </message>
        <message>
            <source>Reclaimed to garden land</source>
            <translation>复垦为园地</translation>
        </message>
        <message>
            <source>Reclaimed to forest</source>
            <translation>复垦为林地</translation>
        </message>
        <message>
            <source>Reclaimed to grassland</source>
            <translation>复垦为草地</translation>
        </message>
        <message>
            <source>On a river beach: not issuable</source>
            <translation>位于河道滩地：不可发券</translation>
        </message>
        <message>
            <source>Duplicate features</source>
            <translation>重复要素</translation>
        </message>
        <message>
            <source>Overlaps within a line</source>
            <translation>同一控制线内重叠</translation>
        </message>
        <message>
            <source>Red line overlaps farmland</source>
            <translation>红线与永久基本农田重叠</translation>
        </message>
        <message>
            <source>Red line overlaps urban boundary</source>
            <translation>红线与城镇开发边界重叠</translation>
        </message>
        <message>
            <source>Farmland overlaps urban boundary</source>
            <translation>永久基本农田与城镇开发边界重叠</translation>
        </message>
        <message>
            <source>Slivers</source>
            <translation>狭长碎片</translation>
        </message>
        <message>
            <source>Tiny patches</source>
            <translation>细小图斑</translation>
        </message>
        <message>
            <source>Narrow gaps within a line</source>
            <translation>同一控制线内的狭窄缝隙</translation>
        </message>
        <message>
            <source>Features across admin boundaries</source>
            <translation>要素跨越行政区界线</translation>
        </message>
        <message>
            <source>Urban expansion over the cap</source>
            <translation>城镇开发边界扩展倍数超限</translation>
        </message>
        <message>
            <source>Farmland below target</source>
            <translation>永久基本农田低于保护任务</translation>
        </message>
        <message>
            <source>Red line below target</source>
            <translation>生态保护红线低于保护任务</translation>
        </message>
        <message>
            <source>Farmland below the share of cultivated land</source>
            <translation>永久基本农田占耕地比例不足</translation>
        </message>
        <message>
            <source>red line</source>
            <translation>生态保护红线</translation>
        </message>
        <message>
            <source>permanent farmland</source>
            <translation>永久基本农田</translation>
        </message>
        <message>
            <source>urban boundary</source>
            <translation>城镇开发边界</translation>
        </message>
        <message>
            <source>{count} issues, {accepted} accepted as exceptions.</source>
            <translation>共 {count} 个问题，其中 {accepted} 个已确认为例外。</translation>
        </message>
        <message>
            <source>{rule} {title}: {count} (error {error}, warning {warning}, minor {minor})</source>
            <translation>{rule} {title}：{count} 个（错误 {error}，警告 {warning}，轻微 {minor}）</translation>
        </message>
        <message>
            <source>{code} {name}: red line {redline:.2f} ha, farmland {farmland:.2f} ha ({mu:.1f} mu), urban boundary {urban:.2f} ha</source>
            <translation>{code} {name}：生态保护红线 {redline:.2f} 公顷，永久基本农田 {farmland:.2f} 公顷（{mu:.1f} 亩），城镇开发边界 {urban:.2f} 公顷</translation>
        </message>
        <message>
            <source>The layers {layers} have no features: nothing to check.</source>
            <translation>图层 {layers} 中没有要素，无可检查内容。</translation>
        </message>
        <message>
            <source>The three-lines check needs the {what} layer ("{layer}" of a workspace), but it is missing. Make workspaces with "New three-lines workspace".</source>
            <translation>三区三线检查需要{what}图层（工作空间中的“{layer}”），但该图层缺失。请用“新建三区三线工作空间”创建工作空间。</translation>
        </message>
        <message>
            <source>Feature {fid} of layer "{layer}" has no admin code in field "{field}".</source>
            <translation>图层“{layer}”的要素 {fid} 在字段“{field}”中没有行政区代码。</translation>
        </message>
        <message>
            <source>Feature {fid} of layer "{layer}" (admin unit "{code}") has no geometry.</source>
            <translation>图层“{layer}”的要素 {fid}（行政区“{code}”）没有几何图形。</translation>
        </message>
        <message>
            <source>Cannot read the conversion preset "{path}": {error}</source>
            <translation>无法读取转换预设“{path}”：{error}</translation>
        </message>
        <message>
            <source>Give at least one layer to import.</source>
            <translation>请至少提供一个要导入的图层。</translation>
        </message>
        <message>
            <source>Choose the admin units' code field: the checks find each unit by it.</source>
            <translation>请选择行政区的代码字段：检查按该字段识别各行政区。</translation>
        </message>
        <message>
            <source>Cannot open "{path}" to import into it.</source>
            <translation>无法打开“{path}”进行导入。</translation>
        </message>
        <message>
            <source>Feature {fid} of layer "{layer}" has no geometry: it cannot be imported.</source>
            <translation>图层“{layer}”的要素 {fid} 没有几何，无法导入。</translation>
        </message>
        <message>
            <source>Cannot write feature {fid} of layer "{layer}" into the workspace.</source>
            <translation>无法将图层“{layer}”的要素 {fid} 写入工作空间。</translation>
        </message>
        <message>
            <source>Feature {fid} of layer "{layer}": field "{field}" is "{value}"; a number is needed.</source>
            <translation>图层“{layer}”的要素 {fid}：字段“{field}”的值为“{value}”，需要数值。</translation>
        </message>
        <message>
            <source>The workspace layer "{layer}" has no field "{field}".</source>
            <translation>工作空间图层“{layer}”没有字段“{field}”。</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>错误</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>警告</translation>
        </message>
        <message>
            <source>Minor</source>
            <translation>轻微</translation>
        </message>
        <message>
            <source>Accepted exception</source>
            <translation>已确认例外</translation>
        </message>
        <message>
            <source>Issues by rule</source>
            <translation>按规则统计问题</translation>
        </message>
        <message>
            <source>Statistics by admin unit (ha; 1 ha = 15 mu)</source>
            <translation>按行政区统计（公顷；1 公顷 = 15 亩）</translation>
        </message>
        <message>
            <source>Binding plan indicators by admin unit (约束性指标; ha, forest cover %)</source>
            <translation>行政区约束性指标（公顷，森林覆盖率为 %）</translation>
        </message>
        <message>
            <source>No font with Chinese characters is installed; Chinese text will not render (install e.g. fonts-noto-cjk).</source>
            <translation>系统未安装中文字体，中文文字无法显示（请安装例如 fonts-noto-cjk）。</translation>
        </message>
        <message>
            <source>Three control lines check (三区三线检查)</source>
            <translation>三区三线检查</translation>
        </message>
        <message>
            <source>Layer "{layer}" is not a three-lines statistics table: it has no {fields}.</source>
            <translation>图层“{layer}”不是三区三线统计表：缺少 {fields}。</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>未处理</translation>
        </message>
        <message>
            <source>Accepted</source>
            <translation>已确认</translation>
        </message>
        <message>
            <source>No issues</source>
            <translation>无问题</translation>
        </message>
        <message>
            <source>{severity}: admin unit target</source>
            <translation>{severity}：行政区指标</translation>
        </message>
        <message>
            <source>{value:.1f} m²</source>
            <translation>{value:.1f} 平方米</translation>
        </message>
        <message>
            <source>{value:.2f} ha</source>
            <translation>{value:.2f} 公顷</translation>
        </message>
        <message>
            <source>{value:.2f} m</source>
            <translation>{value:.2f} 米</translation>
        </message>
        <message>
            <source>{value:.3f} m</source>
            <translation>{value:.3f} 米</translation>
        </message>
        <message>
            <source>{value:.0f} admin units</source>
            <translation>{value:.0f} 个行政区</translation>
        </message>
        <message>
            <source>{value:.3f} times</source>
            <translation>{value:.3f} 倍</translation>
        </message>
        <message>
            <source>{value:.1f} %</source>
            <translation>{value:.1f} %</translation>
        </message>
        <message>
            <source>Area concerned (ha; under 0.01 ha in m²); L12/L13: hectares below the target</source>
            <translation>涉及面积（公顷；小于 0.01 公顷时以平方米计）；L12/L13：低于任务的公顷数</translation>
        </message>
        <message>
            <source>Mean width of the sliver (m)</source>
            <translation>狭长图斑平均宽度（米）</translation>
        </message>
        <message>
            <source>Distance between the two features (m)</source>
            <translation>两要素间距离（米）</translation>
        </message>
        <message>
            <source>Number of admin units the feature lies in</source>
            <translation>要素所在行政区个数</translation>
        </message>
        <message>
            <source>Urban expansion multiple (urban boundary ÷ 2020 urban land)</source>
            <translation>城镇开发边界扩展倍数（城镇开发边界 ÷ 2020年城镇建设用地）</translation>
        </message>
        <message>
            <source>Permanent farmland as a share of the cultivated land</source>
            <translation>永久基本农田占耕地比例</translation>
        </message>
        <message>
            <source>Ecological protection red line</source>
            <translation>生态保护红线</translation>
        </message>
        <message>
            <source>Permanent basic farmland</source>
            <translation>永久基本农田</translation>
        </message>
        <message>
            <source>Urban development boundary</source>
            <translation>城镇开发边界</translation>
        </message>
        <message>
            <source>Ecological units</source>
            <translation>生态单元</translation>
        </message>
        <message>
            <source>Accepted exceptions</source>
            <translation>已确认例外</translation>
        </message>
        <message>
            <source>Choose a valid CRS for the workspace (for example EPSG:4527, CGCS2000 / 3-degree Gauss-Kruger zone 39).</source>
            <translation>请为工作空间选择有效的坐标系（例如 EPSG:4527，CGCS2000 / 3 度高斯-克吕格 39 带）。</translation>
        </message>
        <message>
            <source>the file is damaged</source>
            <translation>文件已损坏</translation>
        </message>
        <message>
            <source>Three control lines: {name}</source>
            <translation>三区三线：{name}</translation>
        </message>
        <message>
            <source>The CRS {crs} cannot be used for a workspace.</source>
            <translation>坐标系 {crs} 不能用于工作空间。</translation>
        </message>
        <message>
            <source>A three-lines workspace is a GeoPackage: "{path}" must end in .gpkg.</source>
            <translation>三区三线工作空间是 GeoPackage 文件：“{path}”必须以 .gpkg 结尾。</translation>
        </message>
        <message>
            <source>"{path}" exists: a workspace holds drawing work, so it is never replaced; choose another name.</source>
            <translation>“{path}”已存在：工作空间保存着绘制成果，绝不会被覆盖；请换一个文件名。</translation>
        </message>
        <message>
            <source>The folder of "{path}" does not exist.</source>
            <translation>“{path}”所在的文件夹不存在。</translation>
        </message>
        <message>
            <source>A three-lines workspace needs metres, but {crs} is geographic (degrees): choose a projected CRS in metres — for CGCS2000 the 3-degree Gauss-Krüger zone of the area's central meridian (EPSG:4534–4554, e.g. EPSG:4527 for 117°E).</source>
            <translation>三线工作空间需要以米为单位，但 {crs} 是地理坐标系（度）：请选择以米为单位的投影坐标系——CGCS2000 数据选所在区域中央经线的 3 度带高斯-克吕格投影（EPSG:4534–4554，如东经 117° 为 EPSG:4527）。</translation>
        </message>
        <message>
            <source>An exceptions file is a GeoPackage: "{path}" must end in .gpkg.</source>
            <translation>例外文件须为 GeoPackage：“{path}”应以 .gpkg 结尾。</translation>
        </message>
        <message>
            <source>Cannot open the table "{table}" of "{path}".</source>
            <translation>无法打开“{path}”中的表“{table}”。</translation>
        </message>
        <message>
            <source>"{path}" cannot be read: {reason}.</source>
            <translation>无法读取“{path}”：{reason}。</translation>
        </message>
        <message>
            <source>The workspace "{path}" does not exist.</source>
            <translation>工作空间“{path}”不存在。</translation>
        </message>
        <message>
            <source>"{path}" is not a complete three-lines workspace: it has no {layers}. Make workspaces with "New three-lines workspace".</source>
            <translation>“{path}”不是完整的三区三线工作空间：缺少 {layers}。请用“新建三区三线工作空间”创建工作空间。</translation>
        </message>
        <message>
            <source>Cannot read the workspace schema {path}: {error}</source>
            <translation>无法读取工作空间结构定义 {path}：{error}</translation>
        </message>
        <message>
            <source>"{path}" has no table "{table}": choose an exceptions file, or a new name.</source>
            <translation>“{path}”没有表“{table}”：请选择例外文件，或输入新文件名。</translation>
        </message>
        <message>
            <source>Cannot create "{path}": {error}</source>
            <translation>无法创建“{path}”：{error}</translation>
        </message>
        <message>
            <source>Cannot store the style of layer "{layer}": {error}</source>
            <translation>无法保存图层“{layer}”的样式：{error}</translation>
        </message>
        <message>
            <source>not a GeoPackage</source>
            <translation>不是 GeoPackage 文件</translation>
        </message>
        <message>
            <source>Layer "{layer}" of the workspace "{path}" cannot be opened.</source>
            <translation>无法打开工作空间“{path}”中的图层“{layer}”。</translation>
        </message>
        <message>
            <source>Layer "{layer}" of the workspace is in {crs}, another CRS than {first}; the layers of a workspace share one CRS.</source>
            <translation>工作空间图层“{layer}”的坐标系为 {crs}，与 {first} 不同；工作空间的各图层应使用同一坐标系。</translation>
        </message>
        <message>
            <source>Cannot create layer "{layer}" in "{path}": {error}</source>
            <translation>无法在“{path}”中创建图层“{layer}”：{error}</translation>
        </message>
        <message>
            <source>Cannot create field "{field}" of layer "{layer}": {error}</source>
            <translation>无法创建图层“{layer}”的字段“{field}”：{error}</translation>
        </message>
        <message>
            <source>Invalid parcel geometry</source>
            <translation>地块几何无效</translation>
        </message>
        <message>
            <source>Unknown project type</source>
            <translation>未知整治类型</translation>
        </message>
        <message>
            <source>Unknown land-use code</source>
            <translation>未知地类编码</translation>
        </message>
        <message>
            <source>Inside the ecological red line</source>
            <translation>位于生态保护红线内</translation>
        </message>
        <message>
            <source>Planned construction on permanent farmland</source>
            <translation>规划建设占用永久基本农田</translation>
        </message>
        <message>
            <source>Prohibited conversion</source>
            <translation>禁止的用途转换</translation>
        </message>
        <message>
            <source>Conversion is a policy gap</source>
            <translation>用途转换为政策空白</translation>
        </message>
        <message>
            <source>Conditional conversion</source>
            <translation>有条件的用途转换</translation>
        </message>
        <message>
            <source>Conversion with a legal path</source>
            <translation>有合法路径的用途转换</translation>
        </message>
        <message>
            <source>Reclamation on a river beach</source>
            <translation>在河滩地上开垦复垦</translation>
        </message>
        <message>
            <source>New construction outside the urban boundary</source>
            <translation>城镇开发边界外新增建设</translation>
        </message>
        <message>
            <source>Parcels overlap (double counting)</source>
            <translation>地块重叠（重复计算）</translation>
        </message>
        <message>
            <source>{n} parcels: passed {p}, passed with conditions {c}, failed {f} (tolerance {t:g} m²).</source>
            <translation>{n} 个地块：通过 {p}，有条件通过 {c}，不通过 {f}（容差 {t:g} 平方米）。</translation>
        </message>
        <message>
            <source>The parcel check needs the "{layer}" layer of a three-lines workspace, but it is missing. Make workspaces with "New three-lines workspace".</source>
            <translation>整治地块审查需要三区三线工作空间的“{layer}”图层，但缺少该图层。请用“新建三区三线工作空间”创建工作空间。</translation>
        </message>
        <message>
            <source>Feature {fid} of layer "{layer}" has no parcel id in field "{field}".</source>
            <translation>图层“{layer}”的要素 {fid} 在字段“{field}”中没有地块编号。</translation>
        </message>
        <message>
            <source>parcels in no village</source>
            <translation>不在任何村的地块</translation>
        </message>
        <message>
            <source>The ecological protection red line is not drawn: it was not given (open the three-lines workspace in the project or give it to the report).</source>
            <translation>未绘制生态保护红线：未提供红线图层（请在工程中打开三区三线工作空间，或在生成报告时提供）。</translation>
        </message>
        <message>
            <source>Verdicts</source>
            <translation>审查结论</translation>
        </message>
        <message>
            <source>Parcel verdicts</source>
            <translation>地块审查结论</translation>
        </message>
        <message>
            <source>Reasons</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Parcels of the village</source>
            <translation>本村整治地块</translation>
        </message>
        <message>
            <source>Project and consolidation-unit checks (U01 new cultivated land, U02 farmland balance, U03 ecological land)</source>
            <translation>项目与整治单元检查（U01 新增耕地，U02 永久基本农田补划，U03 生态用地）</translation>
        </message>
        <message>
            <source>{type} · {current} ({current_category}) → {planned} ({planned_category}) · {area} ha · project {project}</source>
            <translation>{type} · {current}（{current_category}）→ {planned}（{planned_category}）· {area} 公顷 · 项目 {project}</translation>
        </message>
        <message>
            <source>Parcel</source>
            <translation>地块</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Current</source>
            <translation>现状</translation>
        </message>
        <message>
            <source>Planned</source>
            <translation>规划</translation>
        </message>
        <message>
            <source>Conversion</source>
            <translation>用途转换</translation>
        </message>
        <message>
            <source>Project</source>
            <translation>项目</translation>
        </message>
        <message>
            <source>Parcels</source>
            <translation>地块数</translation>
        </message>
        <message>
            <source>Original cultivated (ha)</source>
            <translation>原有耕地（公顷）</translation>
        </message>
        <message>
            <source>Net new share</source>
            <translation>净新增比例</translation>
        </message>
        <message>
            <source>Farmland added ÷ out</source>
            <translation>补划÷调出</translation>
        </message>
        <message>
            <source>Standard-forest change (ha)</source>
            <translation>标准林地变化（公顷）</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>说明</translation>
        </message>
        <message>
            <source>Parcel {id}: {verdict}</source>
            <translation>地块 {id}：{verdict}</translation>
        </message>
        <message>
            <source>Rectification parcel review — {village}</source>
            <translation>整治地块审查报告 — {village}</translation>
        </message>
        <message>
            <source>The unit ledger {ledger} has no unit {village}: the village's balance sheet is not in its report.</source>
            <translation>单元台账 {ledger} 中没有单元 {village}：该村报告不含其平衡表。</translation>
        </message>
        <message>
            <source>Explanation</source>
            <translation>说明</translation>
        </message>
        <message>
            <source>(no village)</source>
            <translation>（不在任何村）</translation>
        </message>
        <message>
            <source>No reasons: a plain pass.</source>
            <translation>无原因：直接通过。</translation>
        </message>
        <message>
            <source>passed with conditions</source>
            <translation>有条件通过</translation>
        </message>
        <message>
            <source>Condition</source>
            <translation>条件</translation>
        </message>
        <message>
            <source>Cannot write the tables in "{folder}": {error}</source>
            <translation>无法在“{folder}”中写入表格：{error}</translation>
        </message>
        <message>
            <source>Pareto ranking of candidate sites</source>
            <translation>候选地块帕累托排序</translation>
        </message>
        <message>
            <source>Front 1 (Pareto front)</source>
            <translation>第 1 前沿（帕累托前沿）</translation>
        </message>
        <message>
            <source>Front 2</source>
            <translation>第 2 前沿</translation>
        </message>
        <message>
            <source>Front 3</source>
            <translation>第 3 前沿</translation>
        </message>
        <message>
            <source>Front 4 and after</source>
            <translation>第 4 及以后前沿</translation>
        </message>
        <message>
            <source>the first front</source>
            <translation>第 1 前沿连线</translation>
        </message>
        <message>
            <source>First front</source>
            <translation>第 1 前沿</translation>
        </message>
        <message>
            <source>{name} (minimise)</source>
            <translation>{name}（越小越好）</translation>
        </message>
        <message>
            <source>{n} sites, {k} objectives: {objectives}. {first} sites on the first front (not dominated by any other site), {fronts} fronts in all.</source>
            <translation>{n} 个候选地块，{k} 个目标：{objectives}。第 1 前沿（不被任何其他地块支配）有 {first} 个地块，共 {fronts} 个前沿。</translation>
        </message>
        <message>
            <source>The plot {path} could not be written.</source>
            <translation>无法写出散点图 {path}。</translation>
        </message>
        <message>
            <source>{name} (maximise)</source>
            <translation>{name}（越大越好）</translation>
        </message>
        <message>
            <source>Crowding</source>
            <translation>拥挤距离</translation>
        </message>
        <message>
            <source>The plot objective "{name}" is not one of the ranking's objectives ({names}).</source>
            <translation>散点图目标“{name}”不是排序所用的目标之一（{names}）。</translation>
        </message>
        <message>
            <source>Site</source>
            <translation>地块</translation>
        </message>
        <message>
            <source>zone type</source>
            <translation>分区类型</translation>
        </message>
        <message>
            <source>land-use class</source>
            <translation>地类</translation>
        </message>
        <message>
            <source>deduction coefficient</source>
            <translation>扣除地类系数</translation>
        </message>
        <message>
            <source>site id</source>
            <translation>地块编号</translation>
        </message>
        <message>
            <source>Give at least one objective (NAME:min or NAME:max).</source>
            <translation>请至少给出一个目标（名称:min 或 名称:max）。</translation>
        </message>
        <message>
            <source>With a land-use layer, give the target class the sites are restored to.</source>
            <translation>给出土地利用图层时，请给出候选地块修复后的目标地类。</translation>
        </message>
        <message>
            <source>objective</source>
            <translation>目标</translation>
        </message>
        <message>
            <source>Ruling objective: {pieces} pieces of controlled land in {zones} zones, {area:.4f} ha ({net:.4f} ha net of deductions).</source>
            <translation>主导目标：{zones} 个分区内共 {pieces} 块管控地类，{area:.4f} 公顷（扣除后 {net:.4f} 公顷）。</translation>
        </message>
        <message>
            <source>Pareto ranking: {n} sites on {k} objectives, {first} on the first front, {fronts} fronts.</source>
            <translation>帕累托排序：{n} 个候选地块、{k} 个目标，第 1 前沿 {first} 个，共 {fronts} 个前沿。</translation>
        </message>
        <message>
            <source>Layer "{layer}" has no field "{field}" ({what}).</source>
            <translation>图层“{layer}”没有字段“{field}”（{what}）。</translation>
        </message>
        <message>
            <source>Layer "{layer}": the class field "{field}" is numeric, so codes such as 0101 have lost their leading zero and would match no rule; use the text field of the codes (DLBM in 三调 data).</source>
            <translation>图层“{layer}”：地类字段“{field}”为数值型，0101 等编码已丢失前导零，无法匹配任何规则；请使用存放地类编码的文本字段（三调数据中为 DLBM）。</translation>
        </message>
        <message>
            <source>admin code</source>
            <translation>行政区代码</translation>
        </message>
        <message>
            <source>admin name</source>
            <translation>行政区名称</translation>
        </message>
        <message>
            <source>Zone types the rule table does not list (nothing in them is flagged): {types}</source>
            <translation>规则表未列出的分区类型（其中不标记任何地类）：{types}</translation>
        </message>
        <message>
            <source>The table {table} cannot be read: {error}</source>
            <translation>无法读取表 {table}：{error}</translation>
        </message>
        <message>
            <source>Objective "{objective}": write NAME:min or NAME:max.</source>
            <translation>目标“{objective}”：请写成 名称:min 或 名称:max。</translation>
        </message>
        <message>
            <source>Objective "{name}" is given twice.</source>
            <translation>目标“{name}”给出了两次。</translation>
        </message>
        <message>
            <source>The lexicographic order names "{name}", which is not one of the objectives.</source>
            <translation>字典序中的“{name}”不是所列目标之一。</translation>
        </message>
        <message>
            <source>Objective "{name}" needs the land-use layer and the target class.</source>
            <translation>目标“{name}”需要土地利用图层和目标地类。</translation>
        </message>
        <message>
            <source>Objective "{name}" needs the red-line layer.</source>
            <translation>目标“{name}”需要生态保护红线图层。</translation>
        </message>
        <message>
            <source>Layer "{layer}", feature {fid}: the zone type field "{field}" is empty.</source>
            <translation>图层“{layer}”，要素 {fid}：分区类型字段“{field}”为空。</translation>
        </message>
        <message>
            <source>Layer "{layer}", feature {fid} has no geometry.</source>
            <translation>图层“{layer}”，要素 {fid} 没有几何。</translation>
        </message>
        <message>
            <source>Ruled by the zone's first objective</source>
            <translation>由分区首要目标管控</translation>
        </message>
        <message>
            <source>Ruled by a lower objective</source>
            <translation>由次级目标管控</translation>
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
            <source>&lt;p&gt;Computes the area in hectares of every land-use class inside every zone (county, township, ecological unit...), as a table with the fields &lt;b&gt;zone_id&lt;/b&gt;, &lt;b&gt;class_code&lt;/b&gt; and &lt;b&gt;area_ha&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Land use&lt;/b&gt; is either a polygon layer with a class field (integer or text; features with an empty class are reported with an empty class_code) or a categorical integer raster (band 1; nodata cells are skipped). Give exactly one of the two.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Mask&lt;/b&gt; (optional): the area inside these polygons is excluded, e.g. urban space when counting ecological land.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Area method&lt;/b&gt;: ellipsoidal area (椭球面积, as the Third National Land Survey reports it) on the ellipsoid of the CRS, or planar area in a projected CRS in metres.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Invalid geometries&lt;/b&gt;: repaired (and counted in the log) or the run stops naming the layer and feature.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Raster mode&lt;/b&gt;: exact coverage counts cells cut by a zone boundary by their covered fraction; cell centre counts a cell whole when its centre is inside the zone.&lt;/p&gt;&lt;p&gt;Vector land use and the mask are reprojected to the CRS of the zones; with raster land use the zones and the mask are reprojected to the raster's CRS instead, so cells are never resampled. Selected features, layer filters and unsaved edits are taken into account.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Area check&lt;/b&gt;: every parcel's ellipsoidal area, computed on the parcel as read (in its own CRS, whatever the area method), is compared with its official area (三调 TBMJ, m²; the field TBMJ is taken when the layer has it). A parcel differing by more than the absolute tolerance (0.1 m²) plus the relative tolerance (1e-6) times its official area was edited after the survey or is in a wrong CRS: it is a finding, listed in the optional table of findings. Parcels without an official area are counted apart.&lt;/p&gt;</source>
            <translation>&lt;p&gt;统计每个分区（县、乡镇、生态单元等）内各地类的面积（公顷），输出包含 &lt;b&gt;zone_id&lt;/b&gt;、&lt;b&gt;class_code&lt;/b&gt;、&lt;b&gt;area_ha&lt;/b&gt; 三个字段的表。&lt;/p&gt;&lt;p&gt;&lt;b&gt;地类&lt;/b&gt;可以是带地类字段的面图层（整数或文本字段；地类为空的要素以空 class_code 输出），也可以是分类整数栅格（第 1 波段；跳过无数据像元）。两者必须且只能提供一种。&lt;/p&gt;&lt;p&gt;&lt;b&gt;掩膜&lt;/b&gt;（可选）：扣除这些面内的面积，例如统计生态用地时扣除城镇空间。&lt;/p&gt;&lt;p&gt;&lt;b&gt;面积计算方法&lt;/b&gt;：按坐标系所在椭球计算椭球面积（与第三次全国国土调查一致），或在以米为单位的投影坐标系中计算平面面积。&lt;/p&gt;&lt;p&gt;&lt;b&gt;无效几何&lt;/b&gt;：自动修复（并在日志中计数），或停止运行并指明图层和要素。&lt;/p&gt;&lt;p&gt;&lt;b&gt;栅格模式&lt;/b&gt;：精确覆盖按像元被分区覆盖的比例计入被分区边界切割的像元；像元中心模式在像元中心位于分区内时计入整个像元。&lt;/p&gt;&lt;p&gt;矢量地类和掩膜会重投影到分区的坐标系；使用栅格地类时则将分区和掩膜重投影到栅格的坐标系，像元从不重采样。计算遵循所选要素、图层过滤条件和未保存的编辑。&lt;/p&gt;&lt;p&gt;&lt;b&gt;面积核查&lt;/b&gt;：按读入的图斑（在其自身坐标系中，与面积算法无关）计算每个图斑的椭球面积，并与其官方面积（三调 TBMJ，平方米；图层有 TBMJ 字段时取该字段）比较。相差超过绝对容差（0.1 平方米）加相对容差（1e-6）乘官方面积的图斑，说明调查后几何被修改或坐标系有误：列为问题图斑，写入可选的问题图斑表。无官方面积的图斑单独计数。&lt;/p&gt;</translation>
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
            <source>Deduct 田坎 (KCXS) from cultivated parcels</source>
            <translation>从耕地图斑中扣除田坎（KCXS）</translation>
        </message>
        <message>
            <source>Deduction coefficient field (empty: KCXS when the layer has it)</source>
            <translation>扣除地类系数字段（留空：图层有 KCXS 时用 KCXS）</translation>
        </message>
        <message>
            <source>Check each parcel's area against its official area (TBMJ)</source>
            <translation>核查每个图斑面积与官方面积（TBMJ）是否一致</translation>
        </message>
        <message>
            <source>Official area field, m² (empty: TBMJ when the layer has it)</source>
            <translation>官方面积字段，平方米（留空：图层有 TBMJ 时取 TBMJ）</translation>
        </message>
        <message>
            <source>Area check: absolute tolerance (m²)</source>
            <translation>面积核查：绝对容差（平方米）</translation>
        </message>
        <message>
            <source>Area check: relative tolerance (share of the official area)</source>
            <translation>面积核查：相对容差（占官方面积的比例）</translation>
        </message>
        <message>
            <source>Area by zone and class</source>
            <translation>分区地类面积</translation>
        </message>
        <message>
            <source>Parcels whose area differs from the official area</source>
            <translation>面积与官方面积不符的图斑</translation>
        </message>
        <message>
            <source>Give exactly one land-use input: a polygon layer or a raster layer.</source>
            <translation>请且仅请提供一种地类输入：面图层或栅格图层。</translation>
        </message>
        <message>
            <source>Choose the land-use class field.</source>
            <translation>请选择地类字段。</translation>
        </message>
        <message>
            <source>The area check compares each parcel's area with its official area: it needs polygon land use, not a raster.</source>
            <translation>面积核查将每个图斑的面积与其官方面积比较：需要面状土地利用图层，而非栅格。</translation>
        </message>
        <message>
            <source>Features are read through QGIS (the plugin has no I/O library).</source>
            <translation>要素经由 QGIS 读取（插件缺少 I/O 库）。</translation>
        </message>
        <message>
            <source>The core read the input files itself.</source>
            <translation>已由内核直接读取输入文件。</translation>
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
            <source>Features are read through QGIS ({reason}).</source>
            <translation>要素经由 QGIS 读取（{reason}）。</translation>
        </message>
        <message>
            <source>The Guotu core failed ({status}): {message}</source>
            <translation>国土计算核心出错（{status}）：{message}</translation>
        </message>
        <message>
            <source>County (6 characters)</source>
            <translation>县（前6位）</translation>
        </message>
        <message>
            <source>Town (9 characters)</source>
            <translation>乡镇（前9位）</translation>
        </message>
        <message>
            <source>Village (12 characters)</source>
            <translation>村（前12位）</translation>
        </message>
        <message>
            <source>The whole code</source>
            <translation>完整代码</translation>
        </message>
        <message>
            <source>Area by survey unit (ZLDWDM) and land-use class</source>
            <translation>按调查单位（坐落单位代码）统计地类面积</translation>
        </message>
        <message>
            <source>&lt;p&gt;Area in hectares of each land-use class in each county, town or village, the unit read from each parcel's own code: the first 6 (county), 9 (town) or 12 (village) characters of the 三调 field ZLDWDM. No zones layer is needed, and no overlay: each parcel lies in the unit its code names. Areas are ellipsoidal unless planar is chosen; 田坎 is deducted by KCXS as in the area by zone.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Unit names&lt;/b&gt; (optional): a layer as delivered holding the units' codes and names — XZQ (XZQDM, XZQMC) for counties and towns, CJDCQ (ZLDWDM, ZLDWMC) for villages; a code padded with zeros to 19 characters names the unit it starts with. A code named twice differently is refused; a unit without a name gets an empty name and a warning.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Area check&lt;/b&gt;: each parcel's ellipsoidal area against its official area (TBMJ), as in the area by zone.&lt;/p&gt;</source>
            <translation>&lt;p&gt;按每个图斑自身的代码统计各县、乡镇或村内各地类的面积（公顷）：取三调字段 ZLDWDM（坐落单位代码）的前 6 位（县）、9 位（乡镇）或 12 位（村）。无需分区图层，也不做叠加：每个图斑位于其代码所指的单位内。面积默认为椭球面积，可选平面面积；田坎按 KCXS 扣除，与按分区统计相同。&lt;/p&gt;&lt;p&gt;&lt;b&gt;单位名称&lt;/b&gt;（可选）：按原样提供的含单位代码和名称的图层——县、乡镇用行政区 XZQ（XZQDM、XZQMC），村用村级调查区 CJDCQ（ZLDWDM、ZLDWMC）；以 0 补足到 19 位的代码对应其前缀所指的单位。同一代码有两个不同名称时拒绝运行；无名称的单位名称为空并给出警告。&lt;/p&gt;&lt;p&gt;&lt;b&gt;面积核查&lt;/b&gt;：将每个图斑的椭球面积与其图斑面积（TBMJ）比较，与按分区统计相同。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>area,land use,county,town,village,ZLDWDM,三调,statistics,hectare</source>
            <translation>面积,土地利用,县,乡镇,村,坐落单位代码,三调,统计,公顷</translation>
        </message>
        <message>
            <source>Land use (三调 DLTB)</source>
            <translation>土地利用（三调地类图斑）</translation>
        </message>
        <message>
            <source>Unit code field</source>
            <translation>单位代码字段</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>统计单位</translation>
        </message>
        <message>
            <source>Unit names (e.g. XZQ or CJDCQ)</source>
            <translation>单位名称图层（如行政区 XZQ 或村级调查区 CJDCQ）</translation>
        </message>
        <message>
            <source>Unit names: code field</source>
            <translation>单位名称：代码字段</translation>
        </message>
        <message>
            <source>Unit names: name field</source>
            <translation>单位名称：名称字段</translation>
        </message>
        <message>
            <source>Area by unit and class</source>
            <translation>按单位和地类统计的面积</translation>
        </message>
        <message>
            <source>Choose the code and name fields of the unit names layer.</source>
            <translation>请选择单位名称图层的代码字段和名称字段。</translation>
        </message>
        <message>
            <source>{units} units, {rows} rows; tallied {ha:.4f} ha.</source>
            <translation>{units} 个单位，{rows} 行；统计面积 {ha:.4f} 公顷。</translation>
        </message>
        <message>
            <source>{count} units have no name in the names layer (the first: "{first}"): their zone_name is empty.</source>
            <translation>有 {count} 个单位在名称图层中没有名称（第一个：“{first}”），其 zone_name 为空。</translation>
        </message>
        <message>
            <source>Cannot write "{path}": the disk is full ({free} kB free), so the output may be cut short. Nothing was kept; free some space and run again.</source>
            <translation>无法写入“{path}”：磁盘已满（剩余 {free} kB），输出可能不完整。未保留任何输出；请释放磁盘空间后重新运行。</translation>
        </message>
        <message>
            <source>The output "{output}" ({path}) is the file of the input "{input}": choose another file. Guotu never writes over an input.</source>
            <translation>输出“{output}”（{path}）就是输入“{input}”的文件：请另选文件。国土从不覆盖输入数据。</translation>
        </message>
        <message>
            <source>Target: cultivated land to keep 耕地保有量 (ha)</source>
            <translation>目标：耕地保有量（公顷）</translation>
        </message>
        <message>
            <source>Target: permanent farmland protection task 永久基本农田保护任务 (ha)</source>
            <translation>目标：永久基本农田保护任务（公顷）</translation>
        </message>
        <message>
            <source>Target: total construction land 建设用地总规模 (ha, ceiling)</source>
            <translation>目标：建设用地总规模（公顷，上限）</translation>
        </message>
        <message>
            <source>Target: urban-rural construction land 城乡建设用地规模 (ha, ceiling)</source>
            <translation>目标：城乡建设用地规模（公顷，上限）</translation>
        </message>
        <message>
            <source>Target: new construction on cultivated land 新增建设占用耕地规模 (ha, ceiling)</source>
            <translation>目标：新增建设占用耕地规模（公顷，上限）</translation>
        </message>
        <message>
            <source>Target: forest cover 森林覆盖率 (%)</source>
            <translation>目标：森林覆盖率（%）</translation>
        </message>
        <message>
            <source>Target: forest land to keep 林地保有量 (ha)</source>
            <translation>目标：林地保有量（公顷）</translation>
        </message>
        <message>
            <source>Target: forest land taken 占用征收林地 (ha, ceiling)</source>
            <translation>目标：占用征收林地（公顷，上限）</translation>
        </message>
        <message>
            <source>Targets table: column of 耕地保有量 cultivated land to keep</source>
            <translation>目标表：耕地保有量所在列</translation>
        </message>
        <message>
            <source>Targets table: column of 永久基本农田保护任务 permanent farmland</source>
            <translation>目标表：永久基本农田保护任务所在列</translation>
        </message>
        <message>
            <source>Targets table: column of 建设用地总规模 total construction land</source>
            <translation>目标表：建设用地总规模所在列</translation>
        </message>
        <message>
            <source>Targets table: column of 城乡建设用地规模 urban-rural construction land</source>
            <translation>目标表：城乡建设用地规模所在列</translation>
        </message>
        <message>
            <source>Targets table: column of 新增建设占用耕地规模 new construction on cultivated land</source>
            <translation>目标表：新增建设占用耕地规模所在列</translation>
        </message>
        <message>
            <source>Targets table: column of 森林覆盖率 forest cover (%)</source>
            <translation>目标表：森林覆盖率（%）所在列</translation>
        </message>
        <message>
            <source>Targets table: column of 林地保有量 forest land to keep</source>
            <translation>目标表：林地保有量所在列</translation>
        </message>
        <message>
            <source>Targets table: column of 占用征收林地 forest land taken</source>
            <translation>目标表：占用征收林地所在列</translation>
        </message>
        <message>
            <source>Binding plan indicators per admin unit</source>
            <translation>行政区约束性指标检查</translation>
        </message>
        <message>
            <source>Three control lines</source>
            <translation>三区三线</translation>
        </message>
        <message>
            <source>&lt;p&gt;Checks every admin unit against the binding indicators (约束性指标) handed down by the higher-level plan: the measured value, the target, the difference, the ratio and pass or fail with the rule.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Floors&lt;/b&gt; (measured ≥ target): cultivated land to keep 耕地保有量, permanent farmland protection task 永久基本农田保护任务, forest cover 森林覆盖率 (%), forest land to keep 林地保有量. &lt;b&gt;Ceilings&lt;/b&gt; (measured ≤ target): total construction land 建设用地总规模, urban-rural construction land 城乡建设用地规模, new construction on cultivated land 新增建设占用耕地规模, forest land taken 占用征收林地.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Targets&lt;/b&gt; are fields of the admin layer, or columns of a targets table (a CSV file or a table layer with one row per admin unit, keyed by its admin code, as &lt;code&gt;guotu indicators --targets&lt;/code&gt; reads it); choose the field or column of each target you have. A unit whose target is empty, or that has no row in the table, skips that indicator with a note: it never passes. Area targets are in hectares or mu.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Measured&lt;/b&gt;, with ellipsoidal areas inside each unit: cultivated land (net of 田坎 with the deduction coefficient KCXS), forest land, construction land and urban-rural construction land from the land use by the class groups of the 三调 working classification; forest cover is forest land ÷ the unit's area; permanent farmland from the farmland layer; with the earlier survey year, new construction on cultivated land (cultivated → construction) and forest land taken (forest → construction) from the overlay of the two years, whole parcels (gross of 田坎). Without those layers the indicators are 'not measured'.&lt;/p&gt;&lt;p&gt;Outputs: the admin units coloured by the number of failed indicators, the table (one row per unit and indicator, Chinese column names as aliases) and optionally a CSV for the meeting. The same as &lt;code&gt;guotu indicators&lt;/code&gt; on the command line.&lt;/p&gt;</source>
            <translation>&lt;p&gt;按上级规划下达的约束性指标逐个检查行政区：实测值、目标值、差值、比值，以及按规则判定的达标与否。&lt;/p&gt;&lt;p&gt;&lt;b&gt;下限&lt;/b&gt;（实测值 ≥ 目标值）：耕地保有量、永久基本农田保护任务、森林覆盖率（%）、林地保有量。&lt;b&gt;上限&lt;/b&gt;（实测值 ≤ 目标值）：建设用地总规模、城乡建设用地规模、新增建设占用耕地规模、占用征收林地。&lt;/p&gt;&lt;p&gt;&lt;b&gt;目标值&lt;/b&gt;为行政区图层的字段，或目标表的列（CSV 文件或表图层，每个行政区一行，以行政区代码为键，与 &lt;code&gt;guotu indicators --targets&lt;/code&gt; 读取的相同）；请为已有的每项目标选择字段或列。某行政区的目标值为空、或在目标表中没有记录时，该指标不作比较并附说明：绝不判为达标。面积目标的单位为公顷或亩。&lt;/p&gt;&lt;p&gt;&lt;b&gt;实测值&lt;/b&gt;按各行政区内的椭球面积计算：耕地（按扣除系数 KCXS 扣除田坎）、林地、建设用地和城乡建设用地依三调工作分类的地类分组由土地利用数据统计；森林覆盖率为林地面积 ÷ 行政区面积；永久基本农田取自永久基本农田图层；给出前一期调查数据时，新增建设占用耕地（耕地 → 建设用地）和占用征收林地（林地 → 建设用地）由两期数据叠加得出，按整个图斑计（未扣除田坎）。未给出这些图层时，相应指标为“未测算”。&lt;/p&gt;&lt;p&gt;输出：按未达标指标数着色的行政区图、指标表（每个行政区每项指标一行，字段别名为中文列名），以及可选的会议用 CSV。与命令行 &lt;code&gt;guotu indicators&lt;/code&gt; 的结果相同。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>binding indicators,target,cultivated land,farmland,construction land,forest cover,forest land,admin unit,annual check</source>
            <translation>约束性指标,目标,耕地,永久基本农田,建设用地,森林覆盖率,林地,行政区,一年一体检</translation>
        </message>
        <message>
            <source>Admin code field</source>
            <translation>行政区代码字段</translation>
        </message>
        <message>
            <source>Admin name field</source>
            <translation>行政区名称字段</translation>
        </message>
        <message>
            <source>Targets table (CSV or table layer; empty: the targets are fields of the admin layer)</source>
            <translation>目标表（CSV 或表图层；留空：目标值为行政区图层的字段）</translation>
        </message>
        <message>
            <source>Targets table: admin code column</source>
            <translation>目标表：行政区代码列</translation>
        </message>
        <message>
            <source>Area targets in</source>
            <translation>面积目标单位</translation>
        </message>
        <message>
            <source>Land use of the earlier survey year (for the change-based indicators)</source>
            <translation>前一期调查的土地利用（用于变化类指标）</translation>
        </message>
        <message>
            <source>Class field of the earlier year</source>
            <translation>前一期地类编码字段</translation>
        </message>
        <message>
            <source>Permanent farmland</source>
            <translation>永久基本农田</translation>
        </message>
        <message>
            <source>Tolerance (share of the target)</source>
            <translation>容差（目标值的比例）</translation>
        </message>
        <message>
            <source>Admin units by failed indicators</source>
            <translation>行政区未达标指标数</translation>
        </message>
        <message>
            <source>Binding indicators</source>
            <translation>约束性指标</translation>
        </message>
        <message>
            <source>Binding indicators as CSV</source>
            <translation>约束性指标 CSV</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <source>CSV column headers</source>
            <translation>CSV 列标题</translation>
        </message>
        <message>
            <source>The targets come from the targets table or from fields of the admin layer, not both: clear the admin layer's target fields.</source>
            <translation>目标值取自目标表或行政区图层的字段，不能两者兼用：请清除行政区图层的目标字段。</translation>
        </message>
        <message>
            <source>Choose at least one target column of the targets table.</source>
            <translation>请至少选择目标表的一个目标列。</translation>
        </message>
        <message>
            <source>hectares</source>
            <translation>公顷</translation>
        </message>
        <message>
            <source>mu (15 mu = 1 ha)</source>
            <translation>亩（15 亩 = 1 公顷）</translation>
        </message>
        <message>
            <source>Chinese names</source>
            <translation>中文名称</translation>
        </message>
        <message>
            <source>field names</source>
            <translation>字段名</translation>
        </message>
        <message>
            <source>Binding indicators of {n} admin units: {passed} passed, {failed} failed (in {units} units), {skipped} not compared.</source>
            <translation>{n} 个行政区的约束性指标：{passed} 项达标，{failed} 项未达标（涉及 {units} 个行政区），{skipped} 项未比较。</translation>
        </message>
        <message>
            <source>Cannot write "{path}": {error}</source>
            <translation>无法写入“{path}”：{error}</translation>
        </message>
        <message>
            <source>Cross-city boundary conflicts</source>
            <translation>跨市边界冲突</translation>
        </message>
        <message>
            <source>Cross-city borders</source>
            <translation>跨市边界</translation>
        </message>
        <message>
            <source>&lt;p&gt;Finds where adjacent cities' (or counties') submitted ecological elements disagree along their shared borders (三下三上 coordination).&lt;/p&gt;&lt;p&gt;Shared borders are found robustly: small gaps and overlaps between neighbours within the base-map tolerance still give one border; the base map's own overlaps, gaps and invalid geometry are reported as base-map issues.&lt;/p&gt;&lt;p&gt;Within the corridor on each side of a border: &lt;b&gt;overlap&lt;/b&gt; — an element beyond its own city, or both cities' elements on the same ground; &lt;b&gt;gap&lt;/b&gt; — one side's element reaches the border, the other's stops short: an unprotected strip; &lt;b&gt;discontinuity&lt;/b&gt; — one side's element reaches the border, the other side has nothing; &lt;b&gt;category mismatch&lt;/b&gt; — both reach it with different categories (red line against farmland...).&lt;/p&gt;&lt;p&gt;Elements: one layer with a city field (the admin id) and a category field, or one layer per city named by its admin id. Elements with no city or an unknown city are reported, not compared.&lt;/p&gt;&lt;p&gt;Lengths and corridors are metres: geographic data (CGCS2000 or WGS 84) is compared in the 3-degree Gauss-Krüger zone of the admin units' and elements' centre, in which the outputs are written (the log says so). Per city pair: the length of coordinated border and of each conflict kind, and a score (weighted conflict length per 100 m of border faced by an element) to sort by.&lt;/p&gt;</source>
            <translation>&lt;p&gt;查找相邻城市（或区县）上报的生态要素在共同边界处的不一致（三下三上协调）。&lt;/p&gt;&lt;p&gt;稳健地识别共同边界：相邻行政区之间在底图容差内的小缝隙和重叠仍视为同一条边界；底图自身的重叠、缝隙和无效几何作为底图问题报告。&lt;/p&gt;&lt;p&gt;在边界两侧的缓冲带内：&lt;b&gt;重叠&lt;/b&gt;——要素越出本市范围，或两市要素覆盖同一地块；&lt;b&gt;缝隙&lt;/b&gt;——一侧要素到达边界，另一侧要素未到边界即止：形成无人保护的条带；&lt;b&gt;不连续&lt;/b&gt;——一侧要素到达边界，另一侧没有要素；&lt;b&gt;类别不一致&lt;/b&gt;——两侧要素都到达边界但类别不同（如生态保护红线对永久基本农田）。&lt;/p&gt;&lt;p&gt;要素：一个带城市字段（行政区代码）和类别字段的图层，或每个城市一个以其行政区代码命名的图层。没有城市或城市代码不在行政区图层中的要素会被报告，不参与比对。&lt;/p&gt;&lt;p&gt;长度和缓冲带以米计：地理坐标数据（CGCS2000 或 WGS 84）在行政区和要素中心所在的高斯-克吕格 3 度带中比对，输出也采用该投影带（日志会注明）。按城市对统计：已协调边界长度、各类冲突长度，以及可据以排序的冲突得分（每 100 米有要素面对的边界上的加权冲突长度）。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Search corridor on each side of a border (m)</source>
            <translation>边界两侧搜索缓冲带宽度（米）</translation>
        </message>
        <message>
            <source>An element this close to the border reaches it (m)</source>
            <translation>距边界在此范围内视为到达边界（米）</translation>
        </message>
        <message>
            <source>Tolerance of the admin base map (m)</source>
            <translation>行政区底图容差（米）</translation>
        </message>
        <message>
            <source>Shortest gap, discontinuity or mismatch reported (m)</source>
            <translation>报告的缝隙、不连续或类别不一致的最短长度（米）</translation>
        </message>
        <message>
            <source>Smallest overlap reported (m²)</source>
            <translation>报告的最小重叠面积（平方米）</translation>
        </message>
        <message>
            <source>Smallest admin overlap or gap reported (m²)</source>
            <translation>报告的最小底图重叠或缝隙面积（平方米）</translation>
        </message>
        <message>
            <source>border,boundary,cross-city,coordination,三下三上,red line,gap,overlap,conflict</source>
            <translation>边界,行政边界,跨市,协调,三下三上,生态保护红线,缝隙,重叠,冲突</translation>
        </message>
        <message>
            <source>Admin units (cities or counties)</source>
            <translation>行政区（市或区县）</translation>
        </message>
        <message>
            <source>Admin id field</source>
            <translation>行政区代码字段</translation>
        </message>
        <message>
            <source>Ecological elements (one layer with a city field)</source>
            <translation>生态要素（带城市字段的一个图层）</translation>
        </message>
        <message>
            <source>City field (admin id)</source>
            <translation>城市字段（行政区代码）</translation>
        </message>
        <message>
            <source>…or one element layer per city (layer name = admin id)</source>
            <translation>…或每个城市一个要素图层（图层名 = 行政区代码）</translation>
        </message>
        <message>
            <source>Category field</source>
            <translation>类别字段</translation>
        </message>
        <message>
            <source>Element name field</source>
            <translation>要素名称字段</translation>
        </message>
        <message>
            <source>Projected CRS of the comparison (empty: the admin layer's)</source>
            <translation>比对所用投影坐标系（留空：行政区图层的坐标系）</translation>
        </message>
        <message>
            <source>Border conflicts (areas)</source>
            <translation>边界冲突（范围）</translation>
        </message>
        <message>
            <source>Border conflicts (border lines)</source>
            <translation>边界冲突（边界线）</translation>
        </message>
        <message>
            <source>Shared borders by status</source>
            <translation>共同边界（按状态）</translation>
        </message>
        <message>
            <source>Conflicts by city pair</source>
            <translation>按城市对统计的冲突</translation>
        </message>
        <message>
            <source>Base-map issue points</source>
            <translation>底图问题点</translation>
        </message>
        <message>
            <source>Number of conflicts</source>
            <translation>冲突数</translation>
        </message>
        <message>
            <source>Number of adjacent pairs</source>
            <translation>相邻行政区对数</translation>
        </message>
        <message>
            <source>Give the elements as one layer with a city field, or as one layer per city — not both, not neither.</source>
            <translation>生态要素请给出一个带城市字段的图层，或每个城市一个图层——二者选一。</translation>
        </message>
        <message>
            <source>Choose the city field of the elements.</source>
            <translation>请选择生态要素的城市字段。</translation>
        </message>
        <message>
            <source>Choose the category field of the elements.</source>
            <translation>请选择生态要素的类别字段。</translation>
        </message>
        <message>
            <source>"{layer}" is not a vector layer.</source>
            <translation>“{layer}”不是矢量图层。</translation>
        </message>
        <message>
            <source>{parameter} needs a number &gt;= 0.</source>
            <translation>{parameter} 须为不小于 0 的数。</translation>
        </message>
        <message>
            <source>Border review reports (PDF per city pair)</source>
            <translation>边界审查报告（每个城市对一份 PDF）</translation>
        </message>
        <message>
            <source>&lt;p&gt;Prints the review report of the border comparison, one PDF per city pair with conflicts (or the pair given as &lt;i&gt;A,B&lt;/i&gt;): the border strip by status with the conflicts, the pair's numbers, and every conflict with its review. The inputs are the outputs of &lt;i&gt;Cross-city boundary conflicts&lt;/i&gt; or of &lt;i&gt;guotu border&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;With the results of &lt;i&gt;Transmission indicators of cross-city elements&lt;/i&gt; (or of &lt;i&gt;guotu framework indicators&lt;/i&gt;), the report adds the indicators of the catalogue elements both cities have a part of — each city's part and the border strips on both sides — and the findings on them.&lt;/p&gt;&lt;p&gt;With the round comparison of &lt;i&gt;Compare rounds and return list&lt;/i&gt; (or of &lt;i&gt;guotu framework rounds&lt;/i&gt;), the report adds the pair's conflicts and findings across the two rounds: resolved, persisting or new, whether each is on the return list, the review carried over, and their counts.&lt;/p&gt;</source>
            <translation>&lt;p&gt;打印边界比对的审查报告，每个有冲突的城市对（或以 &lt;i&gt;A,B&lt;/i&gt; 给出的城市对）一个 PDF：按状态显示的边界带及冲突、该城市对的统计数字，以及每处冲突及其审查意见。输入为&lt;i&gt;跨市边界冲突&lt;/i&gt;或 &lt;i&gt;guotu border&lt;/i&gt; 的输出。&lt;/p&gt;&lt;p&gt;若给出&lt;i&gt;跨市要素传导指标&lt;/i&gt;（或 &lt;i&gt;guotu framework indicators&lt;/i&gt;）的结果，报告还会列出两市都有部分的名录要素的指标——各市部分及两侧边界带——以及相关问题。&lt;/p&gt;&lt;p&gt;给出&lt;i&gt;轮次比对与退回清单&lt;/i&gt;（或 &lt;i&gt;guotu framework rounds&lt;/i&gt;）的轮次比对结果时，报告增加该城市对在两轮之间的冲突与问题：已解决、持续或新增，是否列入退回清单，沿用的审核意见，以及各类数量。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Shared borders (shared_borders)</source>
            <translation>共同边界（shared_borders）</translation>
        </message>
        <message>
            <source>Conflict lines (border_conflict_lines)</source>
            <translation>冲突边界线（border_conflict_lines）</translation>
        </message>
        <message>
            <source>Conflict areas (border_conflicts)</source>
            <translation>冲突范围（border_conflicts）</translation>
        </message>
        <message>
            <source>Pair summary (pair_summary)</source>
            <translation>城市对汇总（pair_summary）</translation>
        </message>
        <message>
            <source>Admin units compared (drawn on the map)</source>
            <translation>参与比对的行政区（绘制在地图上）</translation>
        </message>
        <message>
            <source>Elements of the cities (drawn on the map)</source>
            <translation>各市要素（绘制在地图上）</translation>
        </message>
        <message>
            <source>Transmission indicators (element_indicators)</source>
            <translation>传导指标（element_indicators）</translation>
        </message>
        <message>
            <source>Indicator findings (indicator_findings)</source>
            <translation>指标问题（indicator_findings）</translation>
        </message>
        <message>
            <source>Round comparison (round_comparison)</source>
            <translation>轮次比对（round_comparison）</translation>
        </message>
        <message>
            <source>Only this pair, as A,B (empty: every pair with conflicts)</source>
            <translation>仅此城市对，格式 A,B（留空：所有有冲突的城市对）</translation>
        </message>
        <message>
            <source>Folder for the reports</source>
            <translation>报告保存文件夹</translation>
        </message>
        <message>
            <source>Number of reports</source>
            <translation>报告数</translation>
        </message>
        <message>
            <source>Give the pair as two admin ids separated by a comma, e.g. "A,B".</source>
            <translation>请以逗号分隔的两个行政区代码给出城市对，例如“A,B”。</translation>
        </message>
        <message>
            <source>Layer "{layer}" is not a round comparison (the round_comparison table of the rounds).</source>
            <translation>图层“{layer}”不是轮次比对结果（轮次比对的 round_comparison 表）。</translation>
        </message>
        <message>
            <source>{path}: {pages} pages, {conflicts} conflicts.</source>
            <translation>{path}：{pages} 页，{conflicts} 处冲突。</translation>
        </message>
        <message>
            <source>Layer "{layer}" has no field "{field}": is it an output of the border comparison?</source>
            <translation>图层“{layer}”没有字段“{field}”：它是跨市边界比对的输出吗？</translation>
        </message>
        <message>
            <source>Layer "{layer}" is not the {table} table of the transmission indicators.</source>
            <translation>图层“{layer}”不是传导指标的 {table} 表。</translation>
        </message>
        <message>
            <source>{path}: {items} conflicts and findings across the rounds.</source>
            <translation>{path}：轮次比对中的冲突与问题 {items} 项。</translation>
        </message>
        <message>
            <source>Land-use conversion report (PDF)</source>
            <translation>土地用途转换报告（PDF）</translation>
        </message>
        <message>
            <source>Land-use conversion</source>
            <translation>土地用途转换</translation>
        </message>
        <message>
            <source>&lt;p&gt;Prints the land-use conversion report as a PDF: the conversion map by policy status with its legend and the area by status, the transition matrix between policy categories and its Sankey diagram, and (with zones) the area by zone and status. The inputs are the outputs of &lt;i&gt;Land-use conversion map&lt;/i&gt; or of &lt;i&gt;guotu convert&lt;/i&gt;. Tables not given are taken from the GeoPackage of the conversion map when they are there, else summed from the pieces.&lt;/p&gt;</source>
            <translation>&lt;p&gt;将土地用途转换报告输出为 PDF：按政策状态着色的转换图及其图例和各状态面积、政策类别间的转换矩阵及其桑基图，以及（有分区时）各分区各政策状态的面积。输入为&lt;i&gt;土地用途转换图&lt;/i&gt;或 &lt;i&gt;guotu convert&lt;/i&gt; 的输出。未给出的表若在转换图所在的 GeoPackage 中则从中读取，否则由图斑汇总。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Land-use conversions (conversions)</source>
            <translation>土地用途转换图斑（conversions）</translation>
        </message>
        <message>
            <source>Transitions (transitions)</source>
            <translation>转换矩阵（transitions）</translation>
        </message>
        <message>
            <source>Status summary (status_summary)</source>
            <translation>政策状态汇总（status_summary）</translation>
        </message>
        <message>
            <source>Unknown codes (unknown_codes)</source>
            <translation>未识别的地类代码（unknown_codes）</translation>
        </message>
        <message>
            <source>Title (empty: the default title)</source>
            <translation>标题（留空：默认标题）</translation>
        </message>
        <message>
            <source>Report (PDF)</source>
            <translation>报告（PDF）</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <source>Number of pages</source>
            <translation>页数</translation>
        </message>
        <message>
            <source>{path}: {pages} pages.</source>
            <translation>{path}：共 {pages} 页。</translation>
        </message>
        <message>
            <source>Layer "{layer}" has no fields {fields}: is it an output of the land-use conversion?</source>
            <translation>图层“{layer}”缺少字段 {fields}：它是土地用途转换的输出吗？</translation>
        </message>
        <message>
            <source>Table "{table}" taken from "{path}".</source>
            <translation>表“{table}”取自“{path}”。</translation>
        </message>
        <message>
            <source>Element catalogue check</source>
            <translation>要素名录核查</translation>
        </message>
        <message>
            <source>&lt;p&gt;Checks the elements the cities submitted against the province's catalogue of cross-city ecological elements (名录, provincial transmission framework).&lt;/p&gt;&lt;p&gt;The catalogue is a CSV file (UTF-8) or a table layer with the columns element_id, name, type, cities and indicators. The cities an element spans are admin ids separated by ; , | 、 or ；; the indicators are names of the framework: area, elevation_min, elevation_mean, elevation_max, slope_mean, slope_share, forest_share. A misspelt indicator is refused.&lt;/p&gt;&lt;p&gt;Each submitted feature names its city (admin id) and the catalogue id it stands for. Findings per city: a catalogue element listing the city that the city did not submit; a submitted feature whose element id is in no catalogue entry; a feature of an element the catalogue does not list for the city; a feature without a city. The city table counts, per city, the elements listed, submitted and missing.&lt;/p&gt;</source>
            <translation>&lt;p&gt;按省级跨市生态要素名录（省级定框架）核查各市报送的要素。&lt;/p&gt;&lt;p&gt;名录为 CSV 文件（UTF-8）或表图层，包含 element_id、name、type、cities、indicators 列。要素涉及的城市为行政区代码，以 ; , | 、 或 ； 分隔；指标须为框架中的名称：area、elevation_min、elevation_mean、elevation_max、slope_mean、slope_share、forest_share。拼写错误的指标将被拒绝。&lt;/p&gt;&lt;p&gt;每个报送图斑须注明所属城市（行政区代码）及对应的名录编号。按城市列出的问题：名录列有该市但该市未报送的要素；要素编号不在名录中的报送图斑；名录未列该市却由该市报送的要素图斑；缺少城市代码的图斑。城市表按城市统计名录要素数、已报送数和未报送数。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>catalogue,名录,framework,transmission,三下三上,cross-city,element,submission</source>
            <translation>名录,catalogue,框架,传导,三下三上,跨市,要素,报送</translation>
        </message>
        <message>
            <source>Element catalogue (CSV)</source>
            <translation>要素名录（CSV）</translation>
        </message>
        <message>
            <source>…or the catalogue as a table layer</source>
            <translation>……或以表图层提供名录</translation>
        </message>
        <message>
            <source>Submitted elements</source>
            <translation>报送要素</translation>
        </message>
        <message>
            <source>County → city table (CSV: county, city)</source>
            <translation>县市对照表（CSV：county, city）</translation>
        </message>
        <message>
            <source>Element id field (catalogue id)</source>
            <translation>要素编号字段（名录编号）</translation>
        </message>
        <message>
            <source>Catalogue findings</source>
            <translation>名录核查问题</translation>
        </message>
        <message>
            <source>Catalogue check by city</source>
            <translation>名录核查（按城市）</translation>
        </message>
        <message>
            <source>Submissions by county</source>
            <translation>按县统计报送</translation>
        </message>
        <message>
            <source>Number of findings</source>
            <translation>问题数</translation>
        </message>
        <message>
            <source>Transmission indicators of cross-city elements</source>
            <translation>跨市要素传导指标</translation>
        </message>
        <message>
            <source>&lt;p&gt;Computes the transmission indicators of the catalogue's cross-city elements per element, per city part (the city's submitted features of the element) and per border strip (each part within the strip width of another city's part), and checks each city part against the city's thresholds.&lt;/p&gt;&lt;p&gt;Indicators: area; elevation min, mean and max and slope mean and share steeper than the threshold from the DEM (slope by Horn's method on the ground size of the cells, exact cell fractions at the element boundary); forest share from the land use (the forest codes, by default the 三调 forest classes), polygons with a code field or a raster of class values (0301 matches the cell value 301; exact cell fractions at the boundary).&lt;/p&gt;&lt;p&gt;Thresholds: a CSV with the columns city, element_type, indicator, min, max (an empty bound is open; shares are fractions). Findings: a part outside its city's threshold; a threshold the city did not set; two cities holding one element to different thresholds; indicators that jump between the strips on the two sides of a border; a DEM or a land-use raster that does not cover a part. The catalogue check runs as well.&lt;/p&gt;&lt;p&gt;The work CRS is the DEM's; elements and land-use polygons are reprojected to it; a land-use raster must be in it (it is never resampled). Strips and slopes are metres: a geographic (CGCS2000 or WGS 84) work CRS becomes the 3-degree Gauss-Krüger zone of the data's centre, a geographic DEM is warped to it (bilinear), and the outputs are in that zone (the log says so).&lt;/p&gt;</source>
            <translation>&lt;p&gt;按要素、城市部分（该市提交的该要素图斑）和边界带（每个部分在另一城市部分的边界带宽度范围内的部分）计算名录中跨市生态要素的传导指标，并将各城市部分与该市阈值比对。&lt;/p&gt;&lt;p&gt;指标：面积；由 DEM 计算的最低、平均、最高高程以及平均坡度和坡度大于阈值的占比（坡度按 Horn 方法基于栅格单元的地面尺寸计算，要素边界处按单元精确覆盖比例）；由土地利用计算的森林覆盖占比（森林地类编码，默认为三调森林地类），土地利用可以是带地类编码字段的图斑，也可以是地类值栅格（0301 与栅格值 301 相匹配；边界处按单元精确覆盖比例）。&lt;/p&gt;&lt;p&gt;阈值：含 city、element_type、indicator、min、max 列的 CSV（上下限为空表示不限；占比为小数）。问题：城市部分超出该市阈值；城市未设定阈值；两市对同一要素设定的阈值不同；边界两侧边界带的指标跳变；DEM 或土地利用栅格未覆盖某部分。名录检查同时运行。&lt;/p&gt;&lt;p&gt;工作坐标系为 DEM 的坐标系；要素和土地利用图斑会重投影到该坐标系；土地利用栅格必须已在该坐标系中（不做重采样）。交界带和坡度以米计：工作坐标系为地理坐标系（CGCS2000 或 WGS 84）时改用数据中心所在的高斯-克吕格 3 度带，地理坐标的 DEM 以双线性插值重采样到该投影带，输出也采用该投影带（日志会注明）。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Steep slope threshold (degrees)</source>
            <translation>陡坡阈值（度）</translation>
        </message>
        <message>
            <source>Width of the border strips (m)</source>
            <translation>交界带宽度（米）</translation>
        </message>
        <message>
            <source>Largest elevation jump at a border (m)</source>
            <translation>交界处高程最大允许跳变（米）</translation>
        </message>
        <message>
            <source>Largest slope jump at a border (degrees)</source>
            <translation>交界处坡度最大允许跳变（度）</translation>
        </message>
        <message>
            <source>Largest forest share jump at a border (0–1)</source>
            <translation>交界处森林覆盖占比最大允许跳变（0–1）</translation>
        </message>
        <message>
            <source>indicator,transmission,framework,DEM,slope,elevation,forest,threshold,三下三上</source>
            <translation>指标,传导,框架,DEM,坡度,高程,森林,阈值,三下三上</translation>
        </message>
        <message>
            <source>City thresholds (CSV)</source>
            <translation>城市阈值表（CSV）</translation>
        </message>
        <message>
            <source>DEM (elevation raster)</source>
            <translation>DEM（高程栅格）</translation>
        </message>
        <message>
            <source>Land use (for the forest share)</source>
            <translation>土地利用（用于森林覆盖占比）</translation>
        </message>
        <message>
            <source>Land-use code field</source>
            <translation>地类编码字段</translation>
        </message>
        <message>
            <source>…or land use as a raster of class values</source>
            <translation>…或以地类值栅格给出的土地利用</translation>
        </message>
        <message>
            <source>Forest land-use codes</source>
            <translation>林地地类编码</translation>
        </message>
        <message>
            <source>Projected CRS of the work (empty: the DEM's)</source>
            <translation>工作投影坐标系（留空：采用 DEM 的坐标系）</translation>
        </message>
        <message>
            <source>Indicators by element, city part and border strip</source>
            <translation>按要素、城市部分和交界带的指标</translation>
        </message>
        <message>
            <source>Indicator findings</source>
            <translation>指标问题</translation>
        </message>
        <message>
            <source>Number of indicator findings</source>
            <translation>指标问题数</translation>
        </message>
        <message>
            <source>Choose the land-use code field.</source>
            <translation>请选择地类编码字段。</translation>
        </message>
        <message>
            <source>Compare rounds and return list</source>
            <translation>轮次比对与退回清单</translation>
        </message>
        <message>
            <source>&lt;p&gt;Compares round n with round n+1 of the three-down-three-up check (三下三上). Each round is the output GeoPackage of the border comparison and / or of the framework checks, as written or as reviewed in the review dock.&lt;/p&gt;&lt;p&gt;A conflict of round n+1 is the same as one of round n when kind and city pair agree and their border lines lie within the match distance; a finding when kind, element, cities and indicator agree. Each is resolved, persisting or new; a persisting item keeps round n's review and note.&lt;/p&gt;&lt;p&gt;The return list (退回清单) names, per responsible city, every new or persisting item that is not agreed or accepted as an exception and is a major deviation: a conflict at least the minimum length or area; findings without length or area always are.&lt;/p&gt;</source>
            <translation>&lt;p&gt;比对“三下三上”第 n 轮与第 n+1 轮的核查结果。每一轮为边界比对和／或框架核查输出的 GeoPackage（原始输出或经审核面板审核后的结果）。&lt;/p&gt;&lt;p&gt;第 n+1 轮的冲突若与第 n 轮某冲突类型和城市对相同、且边界线相距在匹配距离以内，即视为同一冲突；问题则在类型、要素、城市和指标均相同时视为同一问题。每项结果分为已解决、持续存在或新增；持续存在的项目保留第 n 轮的审核结论和说明。&lt;/p&gt;&lt;p&gt;退回清单按责任城市列出所有新增或持续存在、未被认可或未被接受为例外、且属重大偏差的项目：冲突长度或面积不低于最小值；无长度和面积的问题一律计入。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Same conflict when its border lines are within (m)</source>
            <translation>边界线相距在此距离内视为同一冲突（米）</translation>
        </message>
        <message>
            <source>Major deviation: conflicts at least this long (m)</source>
            <translation>重大偏差：冲突长度不小于（米）</translation>
        </message>
        <message>
            <source>…or at least this large (m²)</source>
            <translation>……或面积不小于（平方米）</translation>
        </message>
        <message>
            <source>round,三下三上,return list,退回清单,resolved,persisting,new,review</source>
            <translation>轮次,三下三上,退回清单,return list,已解决,持续,新增,审核</translation>
        </message>
        <message>
            <source>Round n: a check's output (GeoPackage)</source>
            <translation>第 n 轮：核查输出（GeoPackage）</translation>
        </message>
        <message>
            <source>Round n: another check's output</source>
            <translation>第 n 轮：另一核查输出</translation>
        </message>
        <message>
            <source>Round n+1: a check's output (GeoPackage)</source>
            <translation>第 n+1 轮：核查输出（GeoPackage）</translation>
        </message>
        <message>
            <source>Round n+1: another check's output</source>
            <translation>第 n+1 轮：另一核查输出</translation>
        </message>
        <message>
            <source>Round comparison</source>
            <translation>轮次比对</translation>
        </message>
        <message>
            <source>Return list (per city)</source>
            <translation>退回清单（按城市）</translation>
        </message>
        <message>
            <source>Returns by city</source>
            <translation>各城市退回项汇总</translation>
        </message>
        <message>
            <source>{resolved} resolved, {persisting} persisting, {new} new; {returns} returns to {cities} cities.</source>
            <translation>已解决 {resolved} 项，持续 {persisting} 项，新增 {new} 项；退回 {returns} 项，涉及 {cities} 个城市。</translation>
        </message>
        <message>
            <source>No code of the before layer is in the category table used ({table}): all of its area is "unknown" and the map shows no conversion. Check that the class field holds the codes, not the names (DLBM, not DLMC), and choose the classification system of its codes (三调 DLBM codes are SANDIAO_WORK) or a category table of its own; then run again.</source>
            <translation>转换前图层的地类代码都不在所用的地类对照表（{table}）中：其全部面积记为“未知”，转换图不显示任何转用。请检查地类字段是否为代码而非名称（应为 DLBM 而非 DLMC），并选择这些代码所属的分类体系（三调 DLBM 代码为 SANDIAO_WORK）或给出该图层自己的地类对照表，然后重新运行。</translation>
        </message>
        <message>
            <source>No code of the after layer is in the category table used ({table}): all of its area is "unknown" and the map shows no conversion. Check that the class field holds the codes, not the names (DLBM, not DLMC), and choose the classification system of its codes (三调 DLBM codes are SANDIAO_WORK) or a category table of its own; then run again.</source>
            <translation>转换后图层的地类代码都不在所用的地类对照表（{table}）中：其全部面积记为“未知”，转换图不显示任何转用。请检查地类字段是否为代码而非名称（应为 DLBM 而非 DLMC），并选择这些代码所属的分类体系（三调 DLBM 代码为 SANDIAO_WORK）或给出该图层自己的地类对照表，然后重新运行。</translation>
        </message>
        <message>
            <source>Land-use conversion map</source>
            <translation>土地用途转换图</translation>
        </message>
        <message>
            <source>  {status}: {area:.2f} ha</source>
            <translation>  {status}：{area:.2f} 公顷</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Unit names&lt;/b&gt; (optional) fill unit_name of the transitions per unit, as guotu convert --zone-names does: XZQ (XZQDM, XZQMC) for counties and towns, CJDCQ or the survey itself (ZLDWDM, ZLDWMC) for villages; a code padded with zeros names the unit it starts with.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;单位名称&lt;/b&gt;（可选）填写按单位统计的转换表的 unit_name，与 guotu convert --zone-names 相同：县、乡镇用 XZQ（XZQDM、XZQMC），村用 CJDCQ 或调查图层本身（ZLDWDM、ZLDWMC）；以零补足的代码为其开头部分所指单位的名称。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>{count} features of the before layer have no geometry and were skipped.</source>
            <translation>转换前图层有 {count} 个要素没有几何，已跳过。</translation>
        </message>
        <message>
            <source>{count} features of the after layer have no geometry and were skipped.</source>
            <translation>转换后图层有 {count} 个要素没有几何，已跳过。</translation>
        </message>
        <message>
            <source>Code "{code}" of the before layer has no category ({area:.2f} ha reported as "unknown").</source>
            <translation>转换前图层的代码“{code}”没有对应的政策地类（{area:.2f} 公顷记为“未知”）。</translation>
        </message>
        <message>
            <source>Code "{code}" of the after layer has no category ({area:.2f} ha reported as "unknown").</source>
            <translation>转换后图层的代码“{code}”没有对应的政策地类（{area:.2f} 公顷记为“未知”）。</translation>
        </message>
        <message>
            <source>land use,conversion,change,transition matrix,policy,prohibited,policy gap,overlay</source>
            <translation>土地利用,用途转用,变化,转移矩阵,政策,禁止,政策空白,叠加</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Transitions per unit&lt;/b&gt; without a zones layer: the unit code field of the before layer (三调 ZLDWDM) and the unit — its first 6 characters are the county, 9 the town, 12 the village. Each piece belongs to the unit of the before-year parcel it comes from (its zone_id); the table unit_transitions has the area and standard-forest change per unit, from code and to code, and its sums over the units are the whole matrix. As guotu convert --zone-code-field.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;分单位转换表&lt;/b&gt;（无需分区图层）：前期图层的单位代码字段（三调 ZLDWDM）及单位——前 6 位为县，9 位为乡镇，12 位为村。每个碎片归属于其来源前期图斑所在的单位（即其 zone_id）；unit_transitions 表给出各单位、原地类编码与新地类编码的面积和标准林变化量，各单位之和等于整体矩阵。与 guotu convert --zone-code-field 相同。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Land use before (polygons)</source>
            <translation>转换前土地利用（面图层）</translation>
        </message>
        <message>
            <source>Land-use class field (before)</source>
            <translation>地类字段（转换前）</translation>
        </message>
        <message>
            <source>Classification system (before)</source>
            <translation>分类体系（转换前）</translation>
        </message>
        <message>
            <source>Land use after (polygons)</source>
            <translation>转换后土地利用（面图层）</translation>
        </message>
        <message>
            <source>Land-use class field (after)</source>
            <translation>地类字段（转换后）</translation>
        </message>
        <message>
            <source>Classification system (after)</source>
            <translation>分类体系（转换后）</translation>
        </message>
        <message>
            <source>Zones (optional: a matrix per zone)</source>
            <translation>分区（可选：按分区生成矩阵）</translation>
        </message>
        <message>
            <source>Or a matrix per unit of the before parcels' codes: code field (三调 ZLDWDM)</source>
            <translation>或按前期图斑的单位代码分单位统计转换矩阵：代码字段（三调 ZLDWDM）</translation>
        </message>
        <message>
            <source>Unit of the codes</source>
            <translation>代码对应的单位</translation>
        </message>
        <message>
            <source>Three-lines workspace (optional GeoPackage: flag conversions inside the red line or farmland)</source>
            <translation>三区三线工作空间（可选 GeoPackage：标出位于生态保护红线或永久基本农田内的转用）</translation>
        </message>
        <message>
            <source>Policy table (CSV; empty: the provincial policy preset)</source>
            <translation>政策表（CSV；留空：省级政策预设）</translation>
        </message>
        <message>
            <source>Category table of the before layer (CSV code,category; empty: the system's preset)</source>
            <translation>转换前图层的地类对照表（CSV code,category；留空：该分类体系的预设）</translation>
        </message>
        <message>
            <source>Category table of the after layer (CSV code,category; empty: the system's preset)</source>
            <translation>转换后图层的地类对照表（CSV code,category；留空：该分类体系的预设）</translation>
        </message>
        <message>
            <source>Area by three-lines line and status</source>
            <translation>按三区三线控制线和政策状态统计的面积</translation>
        </message>
        <message>
            <source>Transitions per unit (unit × from × to)</source>
            <translation>分单位转换表（单位 × 原地类 × 新地类）</translation>
        </message>
        <message>
            <source>Choose the zone id field.</source>
            <translation>请选择分区代码字段。</translation>
        </message>
        <message>
            <source>Give zones (polygons) or the unit code field of the before layer, not both.</source>
            <translation>请给出分区（面图层）或前期图层的单位代码字段，二者只取其一。</translation>
        </message>
        <message>
            <source>The transitions per unit need the unit code field of the before layer, and the unit code field needs an output for the transitions per unit.</source>
            <translation>分单位转换表需要前期图层的单位代码字段；给出单位代码字段时也需要指定分单位转换表的输出。</translation>
        </message>
        <message>
            <source>"{layer}" is a raster: this algorithm overlays polygons. For two rasters on one grid use "Land-use conversion map (rasters)"; to compare a raster with polygons, polygonize it first (Raster ▸ Conversion ▸ Polygonize).</source>
            <translation>“{layer}”是栅格：本算法叠加的是面图层。两个同格网栅格请用“土地用途转换图（栅格）”；栅格与面比较请先矢量化（栅格 ▸ 转换 ▸ 矢量化）。</translation>
        </message>
        <message>
            <source>&lt;p&gt;Land-use conversion map (用途转用): overlays the land use &lt;b&gt;before&lt;/b&gt; and &lt;b&gt;after&lt;/b&gt; and gives every piece where the use changed, or not, its policy status.&lt;/p&gt;&lt;p&gt;Each class code maps to one of ten policy categories (cultivated, garden, forest, grassland, farm water works, aquaculture water, river/lake water, other unused land, sea, construction) through the category table of its &lt;b&gt;classification system&lt;/b&gt;, or a code,category CSV of your own. The &lt;b&gt;policy table&lt;/b&gt; (default: the provincial table, 10 × 10 pairs; or a CSV with from,to,status,paths_zh,paths_en) gives each pair a status: &lt;b&gt;same&lt;/b&gt; (not a conversion), &lt;b&gt;path&lt;/b&gt; (legal paths named), &lt;b&gt;conditional&lt;/b&gt;, &lt;b&gt;prohibited&lt;/b&gt; or &lt;b&gt;gap&lt;/b&gt; (no conversion policy exists). Codes in no category table are reported as &lt;b&gt;unknown&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Outputs: the &lt;b&gt;conversion pieces&lt;/b&gt; (from_code, to_code, categories, status, legal paths in Chinese and English, area_ha, dm_ha = change in standard-forest ha from the voucher coefficients, zone_id); the &lt;b&gt;transitions&lt;/b&gt; by category and by code, per zone and '*' for all zones; the &lt;b&gt;status summary&lt;/b&gt;; the &lt;b&gt;unknown codes&lt;/b&gt;. The pieces are styled by status when loaded.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Three-lines workspace&lt;/b&gt; (optional, a GeoPackage made with New three-lines workspace or &lt;i&gt;guotu lines init&lt;/i&gt;): the pieces are also split by the ecological protection red line, the permanent basic farmland and the urban development boundary (the red line wins where they overlap, then farmland) and get a field &lt;b&gt;line&lt;/b&gt;; the optional &lt;b&gt;line summary&lt;/b&gt; gives the area by zone, line and status (e.g. prohibited conversions inside the red line). Prohibited and policy-gap pieces inside the red line or farmland are outlined on the map.&lt;/p&gt;&lt;p&gt;Both inputs are polygon layers (two rasters: &lt;i&gt;Land-use conversion map (rasters)&lt;/i&gt;). The after layer and the zones are reprojected to the CRS of the before layer. Areas are ellipsoidal or planar.&lt;/p&gt;</source>
            <translation>&lt;p&gt;土地用途转换图（用途转用）：将&lt;b&gt;转换前&lt;/b&gt;与&lt;b&gt;转换后&lt;/b&gt;的土地利用叠加，为每个图斑（无论用途是否变化）给出其政策状态。&lt;/p&gt;&lt;p&gt;每个地类代码通过其&lt;b&gt;分类体系&lt;/b&gt;的地类对照表（或自定义的 code,category CSV）归入十个政策地类之一（耕地、园地、林地、草地、农田水利用地、养殖水面、河流水面、其他未利用地、海域、建设用地）。&lt;b&gt;政策表&lt;/b&gt;（默认：省级政策表，10 × 10 组；或含 from,to,status,paths_zh,paths_en 的 CSV）为每组转换给出状态：&lt;b&gt;same&lt;/b&gt;（未转用）、&lt;b&gt;path&lt;/b&gt;（列出合法路径）、&lt;b&gt;conditional&lt;/b&gt;（有条件）、&lt;b&gt;prohibited&lt;/b&gt;（禁止）或 &lt;b&gt;gap&lt;/b&gt;（政策空白）。不在任何对照表中的代码记为 &lt;b&gt;unknown&lt;/b&gt;（未知）。&lt;/p&gt;&lt;p&gt;输出：&lt;b&gt;转换图斑&lt;/b&gt;（from_code、to_code、政策地类、状态、中英文合法路径、area_ha、dm_ha = 按生态券系数计算的标准林面积变化、zone_id）；按政策地类和按代码的&lt;b&gt;转换矩阵&lt;/b&gt;，分区统计并以 '*' 表示全部分区；&lt;b&gt;政策状态汇总&lt;/b&gt;；&lt;b&gt;未识别的代码&lt;/b&gt;。转换图斑加载时按政策状态自动配色。&lt;/p&gt;&lt;p&gt;&lt;b&gt;三区三线工作空间&lt;/b&gt;（可选，由“新建三区三线工作空间”或 &lt;i&gt;guotu lines init&lt;/i&gt; 生成的 GeoPackage）：图斑还会按生态保护红线、永久基本农田和城镇开发边界切分（三线重叠处以红线优先，其次为永久基本农田），并带有字段 &lt;b&gt;line&lt;/b&gt;；可选的&lt;b&gt;三线汇总&lt;/b&gt;给出按分区、控制线和政策状态统计的面积（例如红线内的禁止转用面积）。位于红线或永久基本农田内的禁止转用和政策空白图斑在地图上以粗边框突出显示。&lt;/p&gt;&lt;p&gt;两个输入均为面图层（两个栅格请用&lt;i&gt;用途转用图（栅格）&lt;/i&gt;）。转换后图层和分区重投影到转换前图层的坐标参照系。面积按椭球面或平面计算。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Keeping the results&lt;/b&gt;: save the conversion map to a GeoPackage file. The tables left as temporary layers are then written into the same file (layers conversions, transitions, status_summary, unknown_codes, line_summary: the names of &lt;i&gt;guotu convert&lt;/i&gt;), and the map's style is stored in it, so the file opens styled in any QGIS. Temporary layers are lost when QGIS closes.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;保存结果&lt;/b&gt;：请将土地用途转换图保存为 GeoPackage 文件。保留为临时图层的各表随即写入同一文件（图层 conversions、transitions、status_summary、unknown_codes、line_summary，即 &lt;i&gt;guotu convert&lt;/i&gt; 所用的名称），图的样式也存入该文件，因此在任何 QGIS 中打开都带有样式。临时图层在 QGIS 关闭时丢失。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Unit names name the units of the before layer's unit code field: choose that field.</source>
            <translation>单位名称用于命名前一时相图层单位代码字段的单位：请选择该字段。</translation>
        </message>
        <message>
            <source>The conversion map and its tables are temporary layers, lost when QGIS closes. To keep them, save the conversion map to a GeoPackage file: the tables left temporary are then written into the same file.</source>
            <translation>土地用途转换图及其各表均为临时图层，QGIS 关闭时将丢失。如需保留，请将转换图保存为 GeoPackage 文件：保留为临时的各表随即写入同一文件。</translation>
        </message>
        <message>
            <source>Areas: {method}.</source>
            <translation>面积：{method}。</translation>
        </message>
        <message>
            <source>Before: {n} polygons, {area:.2f} ha; after: {m} polygons, {area2:.2f} ha.</source>
            <translation>转换前：{n} 个面，{area:.2f} 公顷；转换后：{m} 个面，{area2:.2f} 公顷。</translation>
        </message>
        <message>
            <source>Overlaid: {area:.2f} ha in {pieces} pieces.</source>
            <translation>叠加结果：{area:.2f} 公顷，共 {pieces} 个图斑。</translation>
        </message>
        <message>
            <source>Tables: {tables}</source>
            <translation>所用表：{tables}</translation>
        </message>
        <message>
            <source>The style of the conversion map could not be stored in "{path}": {error}</source>
            <translation>无法将土地用途转换图的样式存入“{path}”：{error}</translation>
        </message>
        <message>
            <source>"{path}" was replaced by the new results.</source>
            <translation>“{path}”已被新结果替换。</translation>
        </message>
        <message>
            <source>The tables {tables} were written into "{path}" beside the conversion map (layer "{layer}").</source>
            <translation>表 {tables} 已与土地用途转换图（图层“{layer}”）一起写入“{path}”。</translation>
        </message>
        <message>
            <source>Layer "{layer}" was reprojected to {crs}.</source>
            <translation>图层“{layer}”已重投影到 {crs}。</translation>
        </message>
        <message>
            <source>{count} units have no name in the names layer (the first: "{first}"): their unit_name is empty.</source>
            <translation>{count} 个单位在名称图层中没有名称（第一个：“{first}”）：其 unit_name 为空。</translation>
        </message>
        <message>
            <source>Three lines: {count} features.</source>
            <translation>三区三线：{count} 个要素。</translation>
        </message>
        <message>
            <source>{count} invalid geometries were repaired.</source>
            <translation>已修复 {count} 个无效几何。</translation>
        </message>
        <message>
            <source>The workspace "{path}" has no layer "{layer}"; make workspaces with "New three-lines workspace".</source>
            <translation>工作空间“{path}”中没有图层“{layer}”；请用“新建三区三线工作空间”创建工作空间。</translation>
        </message>
        <message>
            <source>Features are read through QGIS (the outputs do not form one new GeoPackage).</source>
            <translation>要素经由 QGIS 读取（输出不构成一个新的 GeoPackage）。</translation>
        </message>
        <message>
            <source>The core read the input files itself and wrote "{path}".</source>
            <translation>核心库直接读取了输入文件并写入“{path}”。</translation>
        </message>
        <message>
            <source>Land-use conversion map (rasters)</source>
            <translation>土地用途转换图（栅格）</translation>
        </message>
        <message>
            <source>&lt;p&gt;Land-use conversion between two categorical rasters (class codes as cell values) on the same grid: every cell counts with its own ellipsoidal (or planar) area for its (before, after) pair, whose policy status comes from the classification systems' categories and the policy table.&lt;/p&gt;&lt;p&gt;Outputs: a &lt;b&gt;status raster&lt;/b&gt; (0 nodata, 1 same, 2 path, 3 conditional, 4 prohibited, 5 policy gap, 6 unknown, with a colour table), the &lt;b&gt;transitions&lt;/b&gt; by category and by code, the &lt;b&gt;status summary&lt;/b&gt; and the &lt;b&gt;unknown codes&lt;/b&gt; — the tables of &lt;i&gt;guotu convert&lt;/i&gt; on rasters.&lt;/p&gt;&lt;p&gt;The rasters must share CRS, extent and cell size; cells are never resampled (align them first: Raster ▸ Align Rasters with nearest neighbour).&lt;/p&gt;</source>
            <translation>&lt;p&gt;两个同格网分类栅格（栅格值为地类编码）之间的土地用途转换：每个栅格单元按其自身的椭球面（或平面）面积计入其（转换前，转换后）组合，政策状态由分类体系的类别和政策表给出。&lt;/p&gt;&lt;p&gt;输出：&lt;b&gt;状态栅格&lt;/b&gt;（0 无数据，1 未转用，2 路径，3 有条件，4 禁止，5 政策空白，6 未知，带颜色表）、按类别和按编码的&lt;b&gt;转移表&lt;/b&gt;、&lt;b&gt;状态汇总&lt;/b&gt;和&lt;b&gt;未知编码&lt;/b&gt;——与 &lt;i&gt;guotu convert&lt;/i&gt; 对栅格的输出相同。&lt;/p&gt;&lt;p&gt;两个栅格须有相同的坐标系、范围和像元大小；不做重采样（请先对齐：栅格 ▸ 对齐栅格，最邻近法）。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>land use,conversion,transition matrix,raster,policy,用途转用</source>
            <translation>土地利用,用途转用,转移矩阵,栅格,政策</translation>
        </message>
        <message>
            <source>Land use before (raster)</source>
            <translation>转换前土地利用（栅格）</translation>
        </message>
        <message>
            <source>Land use after (raster)</source>
            <translation>转换后土地利用（栅格）</translation>
        </message>
        <message>
            <source>Conversion status raster</source>
            <translation>土地用途转换状态栅格</translation>
        </message>
        <message>
            <source>Code "{code}" of the before raster has no category ({area:.2f} ha reported as "unknown").</source>
            <translation>转换前栅格的编码“{code}”没有对应的政策地类（{area:.2f} 公顷记为“未知”）。</translation>
        </message>
        <message>
            <source>Code "{code}" of the after raster has no category ({area:.2f} ha reported as "unknown").</source>
            <translation>转换后栅格的编码“{code}”没有对应的政策地类（{area:.2f} 公顷记为“未知”）。</translation>
        </message>
        <message>
            <source>Cells counted: {cells}; nodata on either side: {nodata}.</source>
            <translation>计入栅格单元 {cells} 个；任一侧无数据 {nodata} 个。</translation>
        </message>
        <message>
            <source>Rectification parcel check</source>
            <translation>整治地块审查</translation>
        </message>
        <message>
            <source>Land consolidation</source>
            <translation>全域土地综合整治</translation>
        </message>
        <message>
            <source>&lt;p&gt;Checks the rectification parcels (整治地块) of a comprehensive land consolidation project against the three control lines, the conversion policy and the consolidation rules, and gives every parcel a verdict: 通过 pass, 有条件通过 pass with conditions or 不通过 fail, with every reason, its rule, area and share.&lt;/p&gt;&lt;p&gt;Parcel rules: P01 invalid geometry, P02 unknown project type, P03 unknown land-use code, P10 inside the red line (allowed for ecological restoration), P11 planned construction on permanent farmland, P12 prohibited / P13 policy gap / P14 conditional / P15 path of the current → planned conversion, P16 reclamation on a river beach, P17 new construction outside the urban boundary, P18 parcels overlapping each other. Overlaps below the tolerance are ignored.&lt;/p&gt;&lt;p&gt;Per consolidation unit (the unit holding most of a parcel) or project (the project field; otherwise one project '*'): U01 net new cultivated land at least 5 % of the original, U02 new cultivated land outside farmland at least 105 % of the farmland adjusted out, U03 standard-forest land does not decrease. Per village: totals.&lt;/p&gt;&lt;p&gt;River beaches come from the river-beach layer and from the current codes of the system (e.g. 1106 内陆滩涂). Other layers are reprojected into the parcels' CRS.&lt;/p&gt;</source>
            <translation>&lt;p&gt;按三区三线、用途转换政策和土地整治规则审查全域土地综合整治的整治地块，给出每个地块的审查结论：通过、有条件通过或不通过，并列出每条原因及其规则、面积和占比。&lt;/p&gt;&lt;p&gt;地块规则：P01 几何无效，P02 未知整治类型，P03 未知地类编码，P10 位于生态保护红线内（生态保护修复除外），P11 规划建设占用永久基本农田，P12 禁止 / P13 政策空白 / P14 有条件 / P15 有路径的现状→规划用途转换，P16 在河滩地上开垦复垦，P17 城镇开发边界外新增建设，P18 地块相互重叠。小于容差的重叠忽略不计。&lt;/p&gt;&lt;p&gt;按整治单元（地块面积最大所在单元）或项目（项目字段；未选时全部为一个项目“*”）：U01 净新增耕地不少于原有耕地的 5%，U02 永久基本农田外新增耕地不少于调出永久基本农田的 105%，U03 标准林地当量不减少。按村汇总。&lt;/p&gt;&lt;p&gt;河滩地来自河滩地图层和现状地类编码（如 1106 内陆滩涂）。其他图层投影转换到整治地块的坐标系。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>land consolidation,rectification parcel,整治地块,reclamation,red line,farmland,verdict,review</source>
            <translation>土地整治,整治地块,全域土地综合整治,复垦,生态保护红线,永久基本农田,审查结论,审查</translation>
        </message>
        <message>
            <source>Rectification parcels</source>
            <translation>整治地块</translation>
        </message>
        <message>
            <source>Parcel id field</source>
            <translation>地块编号字段</translation>
        </message>
        <message>
            <source>Project type field</source>
            <translation>整治类型字段</translation>
        </message>
        <message>
            <source>Project field (groups parcels)</source>
            <translation>项目字段（用于分组）</translation>
        </message>
        <message>
            <source>Current land-use code field</source>
            <translation>现状地类编码字段</translation>
        </message>
        <message>
            <source>Current classification system</source>
            <translation>现状分类体系</translation>
        </message>
        <message>
            <source>Planned land-use code field</source>
            <translation>规划地类编码字段</translation>
        </message>
        <message>
            <source>Planned classification system</source>
            <translation>规划分类体系</translation>
        </message>
        <message>
            <source>Three-lines workspace GeoPackage (for the lines not given below)</source>
            <translation>三区三线工作空间 GeoPackage（用于下面未给出的控制线）</translation>
        </message>
        <message>
            <source>River beaches (optional)</source>
            <translation>河滩地（可选）</translation>
        </message>
        <message>
            <source>Villages (optional)</source>
            <translation>村界（可选）</translation>
        </message>
        <message>
            <source>Consolidation units (optional)</source>
            <translation>整治单元（可选）</translation>
        </message>
        <message>
            <source>Unit id field</source>
            <translation>单元编号字段</translation>
        </message>
        <message>
            <source>Unit name field</source>
            <translation>单元名称字段</translation>
        </message>
        <message>
            <source>Unit original cultivated land field (ha)</source>
            <translation>单元原有耕地字段（公顷）</translation>
        </message>
        <message>
            <source>Project types table (value,kind; empty: preset)</source>
            <translation>整治类型表（value,kind；留空用预设）</translation>
        </message>
        <message>
            <source>Conversion policy table (empty: preset)</source>
            <translation>用途转换政策表（留空用预设）</translation>
        </message>
        <message>
            <source>River-beach codes (space separated; empty: the system's preset)</source>
            <translation>河滩地地类编码（空格分隔；留空用分类体系预设）</translation>
        </message>
        <message>
            <source>Ignore overlaps below (m²)</source>
            <translation>忽略小于此面积的重叠（平方米）</translation>
        </message>
        <message>
            <source>New cultivated land, at least (share of original)</source>
            <translation>新增耕地不少于（原有耕地的比例）</translation>
        </message>
        <message>
            <source>Farmland added ÷ adjusted out, at least</source>
            <translation>补划永久基本农田÷调出，不少于</translation>
        </message>
        <message>
            <source>Parcel reasons</source>
            <translation>地块审查原因</translation>
        </message>
        <message>
            <source>Project checks</source>
            <translation>项目检查</translation>
        </message>
        <message>
            <source>Village totals</source>
            <translation>村汇总</translation>
        </message>
        <message>
            <source>Tables for the review meeting (XLSX)</source>
            <translation>审查会表格（XLSX）</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>Tables for the review meeting (CSV folder)</source>
            <translation>审查会表格（CSV 文件夹）</translation>
        </message>
        <message>
            <source>Parcels passed</source>
            <translation>通过的地块</translation>
        </message>
        <message>
            <source>Parcels passed with conditions</source>
            <translation>有条件通过的地块</translation>
        </message>
        <message>
            <source>Parcels failed</source>
            <translation>不通过的地块</translation>
        </message>
        <message>
            <source>Give a three-lines workspace GeoPackage, or the red line, farmland and urban boundary layers.</source>
            <translation>请给出三区三线工作空间 GeoPackage，或生态保护红线、永久基本农田和城镇开发边界图层。</translation>
        </message>
        <message>
            <source>Choose the village id field.</source>
            <translation>请选择村编号字段。</translation>
        </message>
        <message>
            <source>Choose the consolidation unit id field.</source>
            <translation>请选择整治单元编号字段。</translation>
        </message>
        <message>
            <source>Village id field</source>
            <translation>村编号字段</translation>
        </message>
        <message>
            <source>Village name field</source>
            <translation>村名字段</translation>
        </message>
        <message>
            <source>Parcel review reports (PDF per village)</source>
            <translation>整治地块审查报告（每村一份 PDF）</translation>
        </message>
        <message>
            <source>&lt;p&gt;Prints the review report of the rectification parcel check, one PDF per village: an overview map, one page per parcel that is not a plain pass (its map and every reason), the parcels and the project checks. The inputs are the outputs of &lt;i&gt;Rectification parcel check&lt;/i&gt; or of &lt;i&gt;guotu parcels check&lt;/i&gt;.&lt;/p&gt;</source>
            <translation>&lt;p&gt;打印整治地块审查报告，每村一份 PDF：总览图、每个非直接通过地块一页（地图及全部原因）、地块表和项目检查表。输入为&lt;i&gt;整治地块审查&lt;/i&gt;或 &lt;i&gt;guotu parcels check&lt;/i&gt; 的输出。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Parcel verdicts (parcel_checks)</source>
            <translation>地块审查结论（parcel_checks）</translation>
        </message>
        <message>
            <source>Parcel reasons (parcel_reasons)</source>
            <translation>地块审查原因（parcel_reasons）</translation>
        </message>
        <message>
            <source>Project checks (project_checks)</source>
            <translation>项目检查（project_checks）</translation>
        </message>
        <message>
            <source>Village totals (village_totals)</source>
            <translation>村汇总（village_totals）</translation>
        </message>
        <message>
            <source>Three-lines workspace GeoPackage (drawn for context; the red line on P10 pages)</source>
            <translation>三区三线工作空间 GeoPackage（作为底图绘制；P10 地块页绘制生态保护红线）</translation>
        </message>
        <message>
            <source>Only this village id (empty: every village)</source>
            <translation>仅此村编号（留空：所有村）</translation>
        </message>
        <message>
            <source>Cancelled: the reports finished before are kept, none is left half written.</source>
            <translation>已取消：此前已完成的报告予以保留，不会留下未写完的报告。</translation>
        </message>
        <message>
            <source>"{path}" has none of the layers {layers}: is it a three-lines workspace?</source>
            <translation>“{path}”不含图层 {layers} 中的任何一个：它是三区三线工作空间吗？</translation>
        </message>
        <message>
            <source>{path}: {pages} pages, {parcels} parcels to review.</source>
            <translation>{path}：{pages} 页，{parcels} 个待审地块。</translation>
        </message>
        <message>
            <source>Layer "{layer}" has no field "{field}": is it an output of the parcel check?</source>
            <translation>图层“{layer}”没有字段“{field}”：它是整治地块审查的输出吗？</translation>
        </message>
        <message>
            <source>No parcel of "{layer}" is in village "{village}" (village ids: {ids}).</source>
            <translation>图层“{layer}”中没有地块属于村“{village}”（村代码：{ids}）。</translation>
        </message>
        <message>
            <source>Priorities between objectives</source>
            <translation>多目标优先次序</translation>
        </message>
        <message>
            <source>&lt;p&gt;Where objectives have no order (帕累托最优), keep the options no other option beats on every objective. Candidate restoration or consolidation sites are scored on objectives, each to minimise or maximise, written as NAME:min or NAME:max separated by commas.&lt;/p&gt;&lt;p&gt;Objectives the core computes: area_ha; forest_gain_ha — standard-forest ha gained if the site is restored to the target class (the voucher coefficients of the land-use classification); cultivated_change_ha — cultivated land gained when the target is cultivated, otherwise cultivated land lost (negative, net of 田坎); redline_distance_m and redline_contact_m — distance to the red line and length of boundary on or inside it (geographic data is measured in the 3-degree Gauss-Krüger zone of the layers' centre). Any other name is a numeric field of the sites (e.g. cost). A site without a value is refused, never ranked last silently.&lt;/p&gt;&lt;p&gt;Every site gets its front (1 = the Pareto front: not dominated by any site; 2 = dominated only by front 1 …) and its crowding distance within the front (larger = a more isolated trade-off; the ends of a front are infinite). Sites with equal scores share a front. A lexicographic order (objective names separated by commas) adds lex_rank, equal scores sharing a rank.&lt;/p&gt;&lt;p&gt;The report plots two objectives (the first two unless chosen) with the first front drawn.&lt;/p&gt;</source>
            <translation>&lt;p&gt;当各目标之间没有先后次序（帕累托最优）时，保留在所有目标上都不被其他方案全面超越的方案。候选修复或整治地块按若干目标打分，每个目标写成 名称:min（越小越好）或 名称:max（越大越好），以逗号分隔。&lt;/p&gt;&lt;p&gt;由核心计算的目标：area_ha 面积；forest_gain_ha 修复为目标地类后增加的标准林面积（公顷，采用该土地分类的生态券系数）；cultivated_change_ha 目标地类为耕地时新增的耕地，否则为减少的耕地（负值，扣除田坎）；redline_distance_m 与 redline_contact_m 到生态保护红线的距离及位于红线上或红线内的边界长度（地理坐标数据在各图层中心所在的高斯-克吕格 3 度带中量算）。其他名称为候选地块图层的数值字段（如成本 cost）。缺少取值的地块会被拒绝，绝不会被悄悄排在最后。&lt;/p&gt;&lt;p&gt;每个地块得到其前沿序号（1 为帕累托前沿：不被任何地块支配；2 为只被第 1 前沿支配……）以及在前沿内的拥挤距离（越大表示权衡越独特；前沿两端为无穷大）。得分完全相同的地块位于同一前沿。给出字典序（以逗号分隔的目标名称）时增加 lex_rank 名次，得分相同者名次相同。&lt;/p&gt;&lt;p&gt;报告绘制两个目标的散点图（默认为前两个目标），并画出第 1 前沿。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>pareto,帕累托最优,non-dominated,front,restoration,consolidation,site,ranking</source>
            <translation>帕累托,帕累托最优,非支配,前沿,修复,整治,地块,排序</translation>
        </message>
        <message>
            <source>Candidate sites</source>
            <translation>候选地块</translation>
        </message>
        <message>
            <source>Site id field (copied to the output)</source>
            <translation>地块编号字段（复制到输出）</translation>
        </message>
        <message>
            <source>Objectives (NAME:min or NAME:max, separated by commas)</source>
            <translation>目标（名称:min 或 名称:max，以逗号分隔）</translation>
        </message>
        <message>
            <source>Lexicographic order (objective names, first = most important; empty: none)</source>
            <translation>字典序（目标名称，第一个最重要；留空则不排字典序）</translation>
        </message>
        <message>
            <source>Land use</source>
            <translation>土地利用</translation>
        </message>
        <message>
            <source>Deduction coefficient field (田坎)</source>
            <translation>扣除地类系数字段（田坎）</translation>
        </message>
        <message>
            <source>Target class of the sites (e.g. 0301)</source>
            <translation>候选地块的目标地类（如 0301）</translation>
        </message>
        <message>
            <source>Classification of the land use</source>
            <translation>土地利用分类体系</translation>
        </message>
        <message>
            <source>Cultivated land codes or prefixes</source>
            <translation>耕地地类编码或编码前缀</translation>
        </message>
        <message>
            <source>Ecological red line</source>
            <translation>生态保护红线</translation>
        </message>
        <message>
            <source>Objective across the plot (empty: the first)</source>
            <translation>散点图横轴目标（留空则为第一个目标）</translation>
        </message>
        <message>
            <source>Objective up the plot (empty: the second)</source>
            <translation>散点图纵轴目标（留空则为第二个目标）</translation>
        </message>
        <message>
            <source>Ranked sites</source>
            <translation>排序后的候选地块</translation>
        </message>
        <message>
            <source>Sites on the first front</source>
            <translation>第 1 前沿地块数</translation>
        </message>
        <message>
            <source>Partitioned run by county (Dask cluster)</source>
            <translation>分县并行运行（Dask 集群）</translation>
        </message>
        <message>
            <source>Province and nation</source>
            <translation>全省与全国</translation>
        </message>
        <message>
            <source>&lt;p&gt;Runs an ecological voucher accounting, a land-use conversion, an area by zone and class, a unit ledger, a three control lines check or a rectification parcel check of a province or the nation county by county on a Dask cluster, and merges the results into one GeoPackage equal to one run over all counties: voucher accounts per county with the market run once on the merged accounts; conversion pieces appended and the matrices summed; areas by zone and class summed; units, parcels, projects, villages and issues appended with their county in the column 'partition' (ids stay the county's own). A unit, project, village or admin unit found in two counties is refused. The lines check sees one county at a time: overlaps and gaps between two counties' features are the border check's.&lt;/p&gt;&lt;p&gt;&lt;b&gt;County packages&lt;/b&gt;: a folder holding one folder (or File Geodatabase) per county.&lt;/p&gt;&lt;p&gt;&lt;b&gt;guotu options&lt;/b&gt;: the options of &lt;code&gt;guotu voucher&lt;/code&gt;, &lt;code&gt;convert&lt;/code&gt;, &lt;code&gt;tally&lt;/code&gt;, &lt;code&gt;ledger&lt;/code&gt;, &lt;code&gt;lines check&lt;/code&gt; or &lt;code&gt;parcels check&lt;/code&gt; (see the README), where {partition} stands for a county's folder, e.g. &lt;code&gt;--zones {partition}/XZQ.gpkg --zone-id XZQDM ...&lt;/code&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Scheduler&lt;/b&gt;: the address of a running &lt;code&gt;dask-scheduler&lt;/code&gt; (tcp://host:8786); empty: a local cluster with one worker per core of this machine. Workers need the same paths (a shared folder) and the guotu tool.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Cross-city borders, by pair of neighbouring cities&lt;/b&gt;: no county packages; the options are those of &lt;code&gt;guotu border&lt;/code&gt; with the whole admin and elements files. One partition per pair of admin units that share a border (found from the admin layer, or the pairs given as A-B,B-C) runs on those two units and their two cities' elements only; one more gives the base map's own issues. The merged pair summary, conflicts and shared borders equal one run over all cities. A pair meeting only at a point is skipped with a note.&lt;/p&gt;&lt;p&gt;The log shows a line per county (its time, memory and worker); the GeoPackage has a partitions table with the same. Cancel stops the run.&lt;/p&gt;&lt;p&gt;&lt;b&gt;PostGIS connection&lt;/b&gt; and &lt;b&gt;schema&lt;/b&gt; (optional): the merged tables and geometries are also written to that schema, replacing the tables of the same names from an earlier run in one transaction; a failure or a cancel leaves the schema as it was.&lt;/p&gt;</source>
            <translation>&lt;p&gt;在 Dask 集群上按县对全省或全国运行生态券核算、土地利用转换、分区地类面积、单元台账、三区三线检查或整治地块审查，并将结果合并为一个 GeoPackage，与对全部县一次运行的结果相同：生态券按县核算，交易市场在合并后的账户上统一运行一次；转换图斑追加，转换矩阵相加；分区地类面积相加；单元、地块、项目、村和问题按县追加，所属县记在“partition”列（编号保持各县自己的编号）。同一单元、项目、村或行政区出现在两个县中将被拒绝。三区三线检查每次只看一个县：两个县要素之间的重叠和缝隙由接边检查负责。&lt;/p&gt;&lt;p&gt;&lt;b&gt;县级数据包&lt;/b&gt;：一个文件夹，每个县一个子文件夹（或 File Geodatabase）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;guotu 选项&lt;/b&gt;：&lt;code&gt;guotu voucher&lt;/code&gt;、&lt;code&gt;convert&lt;/code&gt;、&lt;code&gt;tally&lt;/code&gt;、&lt;code&gt;ledger&lt;/code&gt;、&lt;code&gt;lines check&lt;/code&gt; 或 &lt;code&gt;parcels check&lt;/code&gt; 的选项（见 README），其中 {partition} 表示一个县的文件夹，例如 &lt;code&gt;--zones {partition}/XZQ.gpkg --zone-id XZQDM ...&lt;/code&gt;。&lt;/p&gt;&lt;p&gt;&lt;b&gt;调度器&lt;/b&gt;：正在运行的 &lt;code&gt;dask-scheduler&lt;/code&gt; 的地址（tcp://host:8786）；留空则在本机启动本地集群，每个 CPU 核心一个工作进程。各工作进程需要相同的路径（共享文件夹）和 guotu 工具。&lt;/p&gt;&lt;p&gt;&lt;b&gt;跨市接边检查（按相邻城市对）&lt;/b&gt;：无需县级数据包；选项为 &lt;code&gt;guotu border&lt;/code&gt; 的选项，给出完整的行政区和要素文件。每对有共同边界的行政单元（由行政区图层求得，或以 A-B,B-C 形式给出）为一个分区，只对这两个单元及两市的要素运行；另有一个分区给出底图自身的问题。合并后的城市对汇总、冲突和共同边界与对全部城市运行一次的结果相同。仅在一点相接的城市对将被跳过并附说明。&lt;/p&gt;&lt;p&gt;日志中每个县一行（耗时、内存和工作进程）；GeoPackage 中的 partitions 表记录相同内容。点击取消可停止运行。&lt;/p&gt;&lt;p&gt;&lt;b&gt;PostGIS 连接&lt;/b&gt;和&lt;b&gt;模式&lt;/b&gt;（可选）：合并后的表和几何同时写入该模式，在一个事务中替换此前运行留下的同名表；运行失败或取消时该模式保持原样。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>province,nation,county,partition,cluster,dask,parallel</source>
            <translation>省,全国,县,分区,集群,dask,并行</translation>
        </message>
        <message>
            <source>Job</source>
            <translation>任务</translation>
        </message>
        <message>
            <source>County packages (a folder with one folder or .gdb per county)</source>
            <translation>县级数据包（每县一个文件夹或 .gdb 所在的文件夹）</translation>
        </message>
        <message>
            <source>City pairs of the border check, e.g. A-B,B-C (empty: every pair of neighbours)</source>
            <translation>接边检查的城市对，如 A-B,B-C（留空：所有相邻城市对）</translation>
        </message>
        <message>
            <source>guotu options ({partition} is a county's folder)</source>
            <translation>guotu 选项（{partition} 代表各县的文件夹）</translation>
        </message>
        <message>
            <source>Dask scheduler address (empty: a local cluster on this machine)</source>
            <translation>Dask 调度器地址（留空：在本机启动本地集群）</translation>
        </message>
        <message>
            <source>Workers of the local cluster (empty: one per core)</source>
            <translation>本地集群的工作进程数（留空：每个 CPU 核一个）</translation>
        </message>
        <message>
            <source>guotu tool (empty: GUOTU_CLI or guotu on PATH)</source>
            <translation>guotu 命令行工具（留空：使用 GUOTU_CLI 或 PATH 中的 guotu）</translation>
        </message>
        <message>
            <source>Merged GeoPackage</source>
            <translation>合并后的 GeoPackage</translation>
        </message>
        <message>
            <source>GeoPackage (*.gpkg)</source>
            <translation>GeoPackage (*.gpkg)</translation>
        </message>
        <message>
            <source>PostGIS connection for the merged tables (optional)</source>
            <translation>合并结果表的 PostGIS 连接（可选）</translation>
        </message>
        <message>
            <source>Schema of the merged tables</source>
            <translation>合并结果表的模式</translation>
        </message>
        <message>
            <source>The PostGIS connection '{name}' was not found.</source>
            <translation>未找到 PostGIS 连接“{name}”。</translation>
        </message>
        <message>
            <source>Ecological voucher accounting and market</source>
            <translation>生态券核算与交易</translation>
        </message>
        <message>
            <source>Unit ledger (balance sheet per unit)</source>
            <translation>单元台账（各单元资源平衡表）</translation>
        </message>
        <message>
            <source>Three control lines check</source>
            <translation>三区三线检查</translation>
        </message>
        <message>
            <source>Cross-city borders, by pair of neighbouring cities</source>
            <translation>跨市接边检查（按相邻城市对）</translation>
        </message>
        <message>
            <source>Choose the schema of the merged tables in PostGIS.</source>
            <translation>请选择合并结果表在 PostGIS 中的模式。</translation>
        </message>
        <message>
            <source>The partitioned run was cancelled.</source>
            <translation>分县并行运行已取消。</translation>
        </message>
        <message>
            <source>{n} counties merged into {path} in {seconds:.1f} s on {workers} workers.</source>
            <translation>已将 {n} 个县的结果合并到 {path}，用时 {seconds:.1f} 秒，使用 {workers} 个工作进程。</translation>
        </message>
        <message>
            <source>Choose the folder of the county packages.</source>
            <translation>请选择县级数据包所在的文件夹。</translation>
        </message>
        <message>
            <source>City pairs are the border check's: leave them empty for this job.</source>
            <translation>城市对仅用于接边检查：此作业请留空。</translation>
        </message>
        <message>
            <source>{n} city pairs merged into {path}: {conflicts} conflicts.</source>
            <translation>{n} 个城市对已合并到 {path}：{conflicts} 处冲突。</translation>
        </message>
        <message>
            <source>The guotu options cannot be read: {error}</source>
            <translation>无法解析 guotu 选项：{error}</translation>
        </message>
        <message>
            <source>The partitioned run failed: {error}</source>
            <translation>分县并行运行失败：{error}</translation>
        </message>
        <message>
            <source>Pair {pair} skipped: the two units share no border.</source>
            <translation>城市对 {pair} 已跳过：两个单元没有共同边界。</translation>
        </message>
        <message>
            <source>Guotu 国土 — territorial spatial planning tools</source>
            <translation>国土 Guotu — 国土空间规划工具</translation>
        </message>
        <message>
            <source>Return lists (PDF per city)</source>
            <translation>退回清单（每市一份 PDF）</translation>
        </message>
        <message>
            <source>&lt;p&gt;Prints the return list (退回清单) of a round comparison, one PDF per city (or for the city given): every new or persisting major deviation the city must correct, with its length or area and the reviewers' note. The input is the return list of &lt;i&gt;Compare rounds and return list&lt;/i&gt; or of &lt;i&gt;guotu framework rounds&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;With the round's element indicators (element_indicators of &lt;i&gt;Transmission indicators&lt;/i&gt; or &lt;i&gt;guotu framework indicators&lt;/i&gt;) and the threshold table they were checked against, each returned element's indicators in the city are set out against the city's thresholds (value, minimum, maximum, within or outside), with the finding on the return list stated on the indicator it concerns.&lt;/p&gt;</source>
            <translation>&lt;p&gt;打印轮次比对的退回清单，每个城市一份 PDF（或仅打印指定城市）：列出该市须整改的所有新增或持续存在的重大偏差，附长度或面积及审核说明。输入为&lt;i&gt;轮次比对与退回清单&lt;/i&gt;或 &lt;i&gt;guotu framework rounds&lt;/i&gt; 输出的退回清单。&lt;/p&gt;&lt;p&gt;给出该轮的要素指标（&lt;i&gt;传导指标&lt;/i&gt;或 &lt;i&gt;guotu framework indicators&lt;/i&gt; 输出的 element_indicators）及其所依据的阈值表时，每个退回要素在该市的各项指标与该市阈值逐项对照（数值、最小值、最大值、在阈值内或超出），退回清单上的问题写在其所涉及的指标上。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Return list (return_list)</source>
            <translation>退回清单（return_list）</translation>
        </message>
        <message>
            <source>Only this city (empty: every city)</source>
            <translation>仅此城市（留空：全部城市）</translation>
        </message>
        <message>
            <source>Element indicators of the round (element_indicators), optional</source>
            <translation>本轮要素指标（element_indicators），可选</translation>
        </message>
        <message>
            <source>Threshold table of the cities (CSV), with the element indicators</source>
            <translation>各市阈值表（CSV），与要素指标一同提供</translation>
        </message>
        <message>
            <source>{path}: {pages} pages, {items} items.</source>
            <translation>{path}：{pages} 页，{items} 项。</translation>
        </message>
        <message>
            <source>Ruling objective per zone</source>
            <translation>分区主导目标（次序最优）</translation>
        </message>
        <message>
            <source>&lt;p&gt;Where the objectives of an area have an order (次序最优), the highest-preference objective rules: in a water-conservation zone water conservation comes first, and cultivated or garden land inside it is to be controlled.&lt;/p&gt;&lt;p&gt;A rule table gives, per zone type, the objectives in order (rank 1 first) and the land-use codes or code prefixes each puts under control (columns zone_type, rank, objective, controls, rule). Every piece of land of a controlled class inside a zone is flagged with the objective that rules it — the highest-ranked objective of the zone's type that controls its class — with the rule and its area in ha (ellipsoidal by default; net of the deduction coefficient 田坎 in net_ha), and summed per zone and per admin unit.&lt;/p&gt;&lt;p&gt;Without a table, the preset for the red line's function types is used (水源涵养, 生物多样性维护, 水土保持, 防风固沙, 海岸生态稳定 and the sensitive-area types): every row of it is a judgement call, to be checked against the local rules. Zone types the table does not list are named in the log; nothing in them is flagged.&lt;/p&gt;</source>
            <translation>&lt;p&gt;当一个区域的各目标有先后次序（次序最优）时，由优先级最高的目标主导：例如在水源涵养区内水源涵养居首，区内的耕地、园地应予管控。&lt;/p&gt;&lt;p&gt;规则表按分区类型给出各目标的次序（次序 1 为首要目标）以及每个目标管控的地类编码或编码前缀（列 zone_type、rank、objective、controls、rule）。分区内每一块管控地类都标记其主导目标——该分区类型中管控此地类、次序最高的目标——以及管控规则和面积（公顷；默认为椭球面积，net_ha 为扣除田坎系数后的面积），并按分区和行政区汇总。&lt;/p&gt;&lt;p&gt;未给规则表时，使用生态保护红线功能类型的预设表（水源涵养、生物多样性维护、水土保持、防风固沙、海岸生态稳定及各生态敏感类型）：其中每一行都是判断性设定，须对照当地规定核实。规则表未列出的分区类型会在日志中列出，其中不标记任何地类。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>priority,objective,次序最优,red line,water conservation,zone,control,ruling</source>
            <translation>优先,目标,次序最优,生态保护红线,水源涵养,分区,管控,主导</translation>
        </message>
        <message>
            <source>Zones (e.g. the red line)</source>
            <translation>分区（如生态保护红线）</translation>
        </message>
        <message>
            <source>Zone type field</source>
            <translation>分区类型字段</translation>
        </message>
        <message>
            <source>Rule table (CSV; empty: the red-line preset)</source>
            <translation>规则表（CSV；留空则用生态保护红线预设表）</translation>
        </message>
        <message>
            <source>Controlled land</source>
            <translation>管控地类图斑</translation>
        </message>
        <message>
            <source>Controlled land by zone</source>
            <translation>按分区汇总的管控地类</translation>
        </message>
        <message>
            <source>Controlled land by admin unit</source>
            <translation>按行政区汇总的管控地类</translation>
        </message>
        <message>
            <source>Number of controlled pieces</source>
            <translation>管控图斑块数</translation>
        </message>
        <message>
            <source>Choose the zone type field.</source>
            <translation>请选择分区类型字段。</translation>
        </message>
        <message>
            <source>Choose the admin code field.</source>
            <translation>请选择行政区代码字段。</translation>
        </message>
        <message>
            <source>No admin units were given: the table of controlled land by admin unit is empty and is not added to the project.</source>
            <translation>未给出行政单元：按行政单元汇总的管控地类表为空，未添加到项目中。</translation>
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
            <source>Area check against {field} ({method}; tolerance {tolerance}): parcels checked: {checked}, findings: {findings}.</source>
            <translation>按 {field} 核查面积（{method}；容差 {tolerance}）：核查图斑 {checked} 个，问题图斑 {findings} 个。</translation>
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
            <source>{pairs} pairs of zones overlap ({area:.4f} ha in all; the largest: "{a}" and "{b}", {largest:.4f} ha): each zone's rows are right, but a total over the zones counts that ground twice.</source>
            <translation>{pairs} 对分区相互重叠（共 {area:.4f} 公顷；最大的一对：“{a}”与“{b}”，{largest:.4f} 公顷）：各分区自身的结果正确，但跨分区汇总时重叠部分会被重复计算。</translation>
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
        <message>
            <source>Largest difference from {field}: {area:.3f} m² (feature {fid}).</source>
            <translation>与 {field} 的最大差值：{area:.3f} 平方米（要素 {fid}）。</translation>
        </message>
        <message>
            <source>Parcels whose area differs from {field} by more than the tolerance: {count} (edited after the survey, or in a wrong CRS; see the table of findings).</source>
            <translation>面积与 {field} 之差超过容差的图斑：{count} 个（调查后被修改，或坐标系有误；见问题图斑表）。</translation>
        </message>
        <message>
            <source>Parcels without an official area ({field} NULL or not a number), not checked: {count} (features {fids}).</source>
            <translation>无官方面积（{field} 为空或非数值）、未核查的图斑：{count} 个（要素 {fids}）。</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;No field&lt;/b&gt;: emptying the admin name or a target field of a chosen admin layer means none, even when the layer has a field of the known name; the rule is then not checked and the notes say so.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;不使用字段&lt;/b&gt;：将所选行政区图层的名称字段或任务字段清空，即表示不使用该字段，即使图层有同名的默认字段；相应规则不检查，并在说明中注明。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>three control lines,red line,farmland,urban development boundary,overlap,sliver,target,check,quality</source>
            <translation>三区三线,生态保护红线,永久基本农田,城镇开发边界,重叠,碎片,保护任务,检查,质量</translation>
        </message>
        <message>
            <source>&lt;p&gt;Checks the three control lines (三区三线) of a workspace: the ecological protection red line, permanent basic farmland and the urban development boundary.&lt;/p&gt;&lt;p&gt;Rules: L01 invalid geometry, L02 duplicate features, L03 overlaps within a line, L04–L06 overlaps between lines (with the resolution of the 2019 guideline: the urban boundary yields to both, farmland to the red line), L07 slivers, L08 tiny patches, L09 narrow gaps between features of one line, L10 features across admin boundaries; per admin unit L11 the urban expansion multiple over its cap, L12 farmland and L13 red line below target, L14 farmland below the share of cultivated land.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Layers&lt;/b&gt;: the workspace's layers as they are in the project (unsaved edits count), your own layers as delivered (a planning database, a File Geodatabase, shapefiles), or a workspace GeoPackage for the layers not given. Line layers in another CRS than the admin units are reprojected to theirs (the log and the notes say so). Widths and gaps are metres: with geographic (CGCS2000 or WGS 84) admin units every layer is read in the 3-degree Gauss-Krüger zone of all the layers' centre and the outputs are in that zone, as &lt;i&gt;guotu lines check&lt;/i&gt; does (the notes say so).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Admin fields&lt;/b&gt;: the admin code and name and the targets, matched in any case (defaults: XZQDM, XZQMC, erl_target_ha, pbf_target_ha, urban_2020_ha, expansion_cap). A rule whose target is missing is not checked: L11 without 2020 urban land, L12 without a farmland target, L13 without a red line target, L14 without land use; the notes table says which and why, and the statistics show no value there. Without a cap field the expansion cap below applies to every unit.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Land use&lt;/b&gt; (optional): cultivated land for L14 is the area of the codes whose category in the classification system's conversion preset is cultivated. &lt;b&gt;2020 urban land&lt;/b&gt; (optional): its area in each admin unit replaces the admin layer's urban_2020_ha.&lt;/p&gt;&lt;p&gt;Defaults follow the specification: sliver width 1 m, minimum patch 50 m², expansion cap 1.3, farmland share 0.8; overlaps under 1 m² are minor. Issues whose fingerprint is in the workspace's exceptions table are marked accepted; the exception lapses when the features involved change.&lt;/p&gt;&lt;p&gt;Outputs: issues (areas), issue points (invalid geometry) and statistics by admin unit, with the fields and numbers of &lt;i&gt;guotu lines check&lt;/i&gt;.&lt;/p&gt;</source>
            <translation>&lt;p&gt;检查工作空间中的三区三线：生态保护红线、永久基本农田和城镇开发边界。&lt;/p&gt;&lt;p&gt;规则：L01 几何无效，L02 重复要素，L03 同一控制线内重叠，L04–L06 控制线之间重叠（按 2019 年指导意见给出处理建议：城镇开发边界避让另两条线，永久基本农田避让生态保护红线），L07 狭长碎片，L08 细小图斑，L09 同一控制线要素间的狭窄缝隙，L10 要素跨越行政区界线；按行政区检查 L11 城镇开发边界扩展倍数超限，L12 永久基本农田与 L13 生态保护红线低于保护任务，L14 永久基本农田占耕地比例不足。&lt;/p&gt;&lt;p&gt;&lt;b&gt;图层&lt;/b&gt;：工程中的工作空间图层（含未保存的编辑）、按原样交付的自有图层（规划数据库、File Geodatabase、shapefile），未指定的图层从工作空间 GeoPackage 读取。坐标系与行政区不同的控制线图层投影转换到行政区的坐标系（日志和说明表会注明）。宽度和缝隙以米计：行政区为地理坐标系（CGCS2000 或 WGS 84）时，所有图层都投影转换到全部图层中心所在的高斯-克吕格 3 度带，输出也采用该投影带，与 &lt;i&gt;guotu lines check&lt;/i&gt; 相同（说明表会注明）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;行政区字段&lt;/b&gt;：行政区代码、名称和各项任务字段，不区分大小写匹配（默认：XZQDM、XZQMC、erl_target_ha、pbf_target_ha、urban_2020_ha、expansion_cap）。缺少任务字段的规则不予检查：L11 缺少2020年城镇建设用地，L12 缺少永久基本农田保护任务，L13 缺少生态保护红线保护任务，L14 缺少土地利用；说明表列出未检查的规则及原因，统计表中相应数值留空。没有扩展倍数上限字段时，各行政区均采用下面的扩展倍数上限。&lt;/p&gt;&lt;p&gt;&lt;b&gt;土地利用&lt;/b&gt;（可选）：L14 所用耕地面积为分类体系转换预设中类别为耕地的地类编码的面积。&lt;b&gt;2020 年城镇建设用地&lt;/b&gt;（可选）：以其在各行政区内的面积代替行政区图层的 urban_2020_ha。&lt;/p&gt;&lt;p&gt;默认值依据规范：狭长碎片宽度 1 米，最小图斑 50 平方米，扩展倍数上限 1.3，农田占比 0.8；小于 1 平方米的重叠为轻微问题。指纹已登记在工作空间例外表中的问题标为已确认；所涉要素一旦改动，例外即失效。&lt;/p&gt;&lt;p&gt;输出：问题（面）、问题点（几何无效的位置）和按行政区的统计，字段与数值同 &lt;i&gt;guotu lines check&lt;/i&gt;。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;田坎&lt;/b&gt;: cultivated land for L14 is net of 田坎 when the land use has the deduction coefficient (KCXS of a 三调 layer, or the field chosen): the deducted share of each parcel is left out, as &lt;i&gt;guotu lines check --deduction&lt;/i&gt; does. Untick the option to count gross areas.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;田坎&lt;/b&gt;：土地利用图层有扣除系数（三调图层的 KCXS，或所选字段）时，L14 的耕地为扣除田坎后的面积：每个图斑扣除的部分不计入，与 &lt;i&gt;guotu lines check --deduction&lt;/i&gt; 相同。取消勾选该选项则按毛面积统计。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Workspace GeoPackage (for the layers not given below)</source>
            <translation>工作空间 GeoPackage（用于下方未指定的图层）</translation>
        </message>
        <message>
            <source>Admin units with targets</source>
            <translation>行政区（含保护任务）</translation>
        </message>
        <message>
            <source>Red line target field (ha)</source>
            <translation>生态保护红线保护任务字段（公顷）</translation>
        </message>
        <message>
            <source>Farmland target field (ha)</source>
            <translation>永久基本农田保护任务字段（公顷）</translation>
        </message>
        <message>
            <source>2020 urban construction land field (ha)</source>
            <translation>2020年城镇建设用地字段（公顷）</translation>
        </message>
        <message>
            <source>Expansion cap field</source>
            <translation>扩展倍数上限字段</translation>
        </message>
        <message>
            <source>Accepted exceptions (empty: the workspace's table)</source>
            <translation>已确认例外（留空：使用工作空间中的例外表）</translation>
        </message>
        <message>
            <source>Land use, for cultivated land (L14)</source>
            <translation>土地利用，用于计算耕地（L14）</translation>
        </message>
        <message>
            <source>Or admin units from the land use's unit codes: code field (三调 ZLDWDM)</source>
            <translation>或按土地利用的单位代码生成行政单位：代码字段（三调 ZLDWDM）</translation>
        </message>
        <message>
            <source>Classification system</source>
            <translation>分类体系</translation>
        </message>
        <message>
            <source>2020 urban construction land (empty: the admin units' urban_2020_ha)</source>
            <translation>2020 年城镇建设用地（留空：使用行政区的 urban_2020_ha）</translation>
        </message>
        <message>
            <source>Sliver: mean width below (m)</source>
            <translation>狭长碎片：平均宽度小于（米）</translation>
        </message>
        <message>
            <source>Tiny patch: area below (m²)</source>
            <translation>细小图斑：面积小于（平方米）</translation>
        </message>
        <message>
            <source>Minor overlap: area below (m²)</source>
            <translation>轻微重叠：面积小于（平方米）</translation>
        </message>
        <message>
            <source>Narrow gap: wider than (m)</source>
            <translation>狭窄缝隙：宽度大于（米）</translation>
        </message>
        <message>
            <source>Narrow gap: at most (m)</source>
            <translation>狭窄缝隙：宽度不超过（米）</translation>
        </message>
        <message>
            <source>Urban expansion cap (urban boundary ÷ 2020 urban land)</source>
            <translation>扩展倍数上限（城镇开发边界 ÷ 2020 年城镇建设用地）</translation>
        </message>
        <message>
            <source>Farmland share of cultivated land, at least</source>
            <translation>永久基本农田占耕地比例下限</translation>
        </message>
        <message>
            <source>Rules to run (none chosen: all)</source>
            <translation>要检查的规则（不选：全部）</translation>
        </message>
        <message>
            <source>Three-lines issues</source>
            <translation>三区三线问题</translation>
        </message>
        <message>
            <source>Three-lines issue points</source>
            <translation>三区三线问题点</translation>
        </message>
        <message>
            <source>Three-lines statistics</source>
            <translation>三区三线统计</translation>
        </message>
        <message>
            <source>Statistics as CSV</source>
            <translation>统计表（CSV）</translation>
        </message>
        <message>
            <source>Three-lines notes (rules not checked, layers reprojected)</source>
            <translation>三线检查说明（未检查的规则、已投影转换的图层）</translation>
        </message>
        <message>
            <source>Number of issues</source>
            <translation>问题数</translation>
        </message>
        <message>
            <source>Number of accepted exceptions</source>
            <translation>已确认例外数</translation>
        </message>
        <message>
            <source>Give the admin units as a layer or by the land use's unit codes, not both.</source>
            <translation>请以图层或按土地利用的单位代码给出行政单位，二者只取其一。</translation>
        </message>
        <message>
            <source>Admin units from unit codes need the land use whose codes they are.</source>
            <translation>按单位代码生成行政单位需要给出这些代码所属的土地利用图层。</translation>
        </message>
        <message>
            <source>The narrow-gap band is empty: its upper width is below its lower width.</source>
            <translation>狭窄缝隙的宽度区间为空：上限小于下限。</translation>
        </message>
        <message>
            <source>Give a workspace GeoPackage, or all four layers (red line, farmland, urban boundary and admin units).</source>
            <translation>请指定工作空间 GeoPackage，或全部四个图层（生态保护红线、永久基本农田、城镇开发边界和行政区）。</translation>
        </message>
        <message>
            <source>Import delivered layers into a three-lines workspace</source>
            <translation>将交付图层导入三区三线工作空间</translation>
        </message>
        <message>
            <source>&lt;p&gt;Copies the three lines as delivered — the red line, permanent farmland, urban development boundary, ecological units and admin units, each a layer of its own with its own field names — into a new three-lines workspace, for drawing, review and accepted exceptions. Each workspace field takes the field you map to it (a field left empty stays empty: nothing is guessed); fields with the names of delivered data (HXBH, JBNTBH, XZQDM …) are preselected when a layer has them. Every imported feature keeps its source layer, feature id and all its attributes (src_layer, src_fid, src_attrs). Areas are filled on the ellipsoid of the workspace CRS, and each feature's admin code from the imported admin unit holding it. The layers given are reprojected to the workspace CRS (by default the CRS of the first layer given). An existing file is never replaced.&lt;/p&gt;</source>
            <translation>&lt;p&gt;将按原样交付的三条控制线——生态保护红线、永久基本农田、城镇开发边界、生态单元和行政区，各为独立图层、各有字段名——复制到新的三区三线工作空间，用于绘制、审查和记录已接受的例外。工作空间的每个字段取您映射给它的字段（留空的字段保持为空：不作任何猜测）；图层含有交付数据常用字段名（HXBH、JBNTBH、XZQDM 等）时自动预选。每个导入的要素保留其来源图层、要素编号及全部属性（src_layer、src_fid、src_attrs）。面积按工作空间坐标系的椭球计算，行政区代码取包含该要素的已导入行政区。输入图层重投影到工作空间坐标系（默认为第一个输入图层的坐标系）。已有文件绝不覆盖。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Red line: code field</source>
            <translation>生态保护红线：编码字段</translation>
        </message>
        <message>
            <source>Red line: name field</source>
            <translation>生态保护红线：名称字段</translation>
        </message>
        <message>
            <source>Red line: type field</source>
            <translation>生态保护红线：类型字段</translation>
        </message>
        <message>
            <source>Farmland: patch code field</source>
            <translation>永久基本农田：图斑编号字段</translation>
        </message>
        <message>
            <source>Farmland: land-use class field</source>
            <translation>永久基本农田：地类编码字段</translation>
        </message>
        <message>
            <source>Farmland: quality grade field</source>
            <translation>永久基本农田：耕地质量等别字段</translation>
        </message>
        <message>
            <source>Urban boundary: code field</source>
            <translation>城镇开发边界：编号字段</translation>
        </message>
        <message>
            <source>Urban boundary: zone type field</source>
            <translation>城镇开发边界：分区类型字段</translation>
        </message>
        <message>
            <source>Ecological units: code field</source>
            <translation>生态单元：编码字段</translation>
        </message>
        <message>
            <source>Ecological units: name field</source>
            <translation>生态单元：名称字段</translation>
        </message>
        <message>
            <source>Ecological units: type field</source>
            <translation>生态单元：类型字段</translation>
        </message>
        <message>
            <source>Admin units: code field</source>
            <translation>行政区：代码字段</translation>
        </message>
        <message>
            <source>Admin units: name field</source>
            <translation>行政区：名称字段</translation>
        </message>
        <message>
            <source>Admin units: red-line target field (ha)</source>
            <translation>行政区：生态保护红线保护任务字段（公顷）</translation>
        </message>
        <message>
            <source>Admin units: farmland protection target field (ha)</source>
            <translation>行政区：永久基本农田保护任务字段（公顷）</translation>
        </message>
        <message>
            <source>Admin units: 2020 urban land field (ha)</source>
            <translation>行政区：2020年城镇建设用地字段（公顷）</translation>
        </message>
        <message>
            <source>Admin units: expansion cap field</source>
            <translation>行政区：扩展倍数上限字段</translation>
        </message>
        <message>
            <source>三区三线,import,workspace,red line,farmland,urban boundary,field mapping</source>
            <translation>三区三线,导入,工作空间,生态保护红线,永久基本农田,城镇开发边界,字段映射</translation>
        </message>
        <message>
            <source>CRS of the workspace (empty: the first layer's)</source>
            <translation>工作空间坐标系（留空：第一个图层的坐标系）</translation>
        </message>
        <message>
            <source>Workspace GeoPackage</source>
            <translation>工作空间 GeoPackage</translation>
        </message>
        <message>
            <source>Features imported per layer</source>
            <translation>各图层导入的要素数</translation>
        </message>
        <message>
            <source>Imported into {path}: {summary}.</source>
            <translation>已导入 {path}：{summary}。</translation>
        </message>
        <message>
            <source>New three-lines workspace</source>
            <translation>新建三区三线工作空间</translation>
        </message>
        <message>
            <source>&lt;p&gt;Creates a three-lines workspace (三区三线工作空间): one GeoPackage with the layers ecological_redline, permanent_farmland, urban_boundary, eco_units and admin_units (multipolygons in the chosen CRS) and the table exceptions, with the fields and Chinese field names of the workspace schema and each layer's default style stored in the file.&lt;/p&gt;&lt;p&gt;An existing file is never replaced: a workspace holds drawing work.&lt;/p&gt;</source>
            <translation>&lt;p&gt;新建三区三线工作空间：一个 GeoPackage 文件，含图层 ecological_redline、permanent_farmland、urban_boundary、eco_units 和 admin_units（所选坐标系下的多面）以及例外表 exceptions，字段及其中文名称来自工作空间结构定义，各图层的默认样式保存在文件中。&lt;/p&gt;&lt;p&gt;已存在的文件绝不会被覆盖：工作空间保存着绘制成果。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;Widths and gaps are metres: for a geographic CRS (CGCS2000 or WGS 84, e.g. EPSG:4490) give the data the workspace is for; the workspace is then made in the 3-degree Gauss-Krüger zone of that data's centre (EPSG:4534–4554, central meridian 3·round(lon/3)), as &lt;i&gt;guotu lines init --zone-from&lt;/i&gt; does, and the log says so.&lt;/p&gt;</source>
            <translation>&lt;p&gt;宽度和缝隙以米计：选择地理坐标系（CGCS2000 或 WGS 84，如 EPSG:4490）时，请给出工作空间所对应的数据；工作空间将建在该数据中心所在的高斯-克吕格 3 度带中（EPSG:4534–4554，中央经线 3·round(经度/3)），与 &lt;i&gt;guotu lines init --zone-from&lt;/i&gt; 相同，日志会注明。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>three control lines,red line,farmland,urban development boundary,workspace,GeoPackage</source>
            <translation>三区三线,生态保护红线,永久基本农田,城镇开发边界,工作空间,GeoPackage</translation>
        </message>
        <message>
            <source>CRS of the workspace</source>
            <translation>工作空间坐标系</translation>
        </message>
        <message>
            <source>Data the workspace is for (a geographic CRS becomes its Gauss-Krüger zone)</source>
            <translation>工作空间所对应的数据（地理坐标系将改为其所在的高斯-克吕格投影带）</translation>
        </message>
        <message>
            <source>Layers of the workspace</source>
            <translation>工作空间图层</translation>
        </message>
        <message>
            <source>Or give the data the workspace is for: it is then made in the Gauss-Krüger zone of that data's centre.</source>
            <translation>也可以给出工作空间所对应的数据：工作空间将建在该数据中心所在的高斯-克吕格投影带中。</translation>
        </message>
        <message>
            <source>Three-lines workspace {path} ({crs}): {layers}</source>
            <translation>三区三线工作空间 {path}（{crs}）：{layers}</translation>
        </message>
        <message>
            <source>&lt;p&gt;The balance sheet of every planning or consolidation unit between the current and the planned land use of each parcel (or two survey years). Units come from a field of the parcels (a unit code, or ZLDWDM) or from a units layer (each parcel in the unit it overlaps most).&lt;/p&gt;&lt;p&gt;L1 cultivated land (耕地 codes: 设施农用地 and 田坎 are not) net of 田坎 (KCXS): opening, lost by cause, gained by cause, 田坎 change, closing; not decreasing. L2 quality (GDDB, 1 best … 15): area by grade and area-weighted mean grade, not worse. L3 permanent farmland adjusted in at least 105 % of what is adjusted out, with a mean grade not worse. L4 construction land reclaimed (拆旧) and newly built (建新): total not increasing. L5 linkage (增减挂钩): reclaimed at least the newly built, no reclaimed parcel on a river beach. L6 standard forest (the voucher coefficients) not decreasing. L7 nothing changed inside the ecological red line except ecological restoration.&lt;/p&gt;&lt;p&gt;Two survey years (or a plan) as separate layers: give the later land use as its own layer. The parcels layer is then the current land use; the two are overlaid and every piece carries both years' codes, 田坎 coefficients, grades and farmland flags, with its computed area. The layers must cover the same land.&lt;/p&gt;&lt;p&gt;A unit passes when every rule passes, fails when one fails, and is undetermined when a rule could not be checked (no grade, no red-line layer, a code without a coefficient). Every threshold is a parameter and is written into the table.&lt;/p&gt;&lt;p&gt;Reclaimed parcels planned as cultivated, garden, forest or grassland get reclamation certificates (复垦券) numbered per project, with the area reclaimed to each and its standard-forest hectares; a parcel on a river beach is not issuable.&lt;/p&gt;</source>
            <translation>&lt;p&gt;在每个图斑的现状用途与规划用途之间（或两个调查年份之间），编制每个规划单元或整治单元的资源平衡表。单元取自图斑的字段（单元代码或 ZLDWDM），或取自单元图层（图斑归入与其重叠面积最大的单元）。&lt;/p&gt;&lt;p&gt;L1 耕地数量（耕地编码；设施农用地和田坎不计入），扣除田坎（KCXS）：期初、按原因减少、按原因增加、田坎变化、期末；不减少。L2 耕地质量（GDDB，1 等最好 … 15）：分等别面积和面积加权平均等别，不降低。L3 永久基本农田调入不少于调出的 105%，调入平均等别不低于调出。L4 建设用地拆旧与建新：总量不增加。L5 增减挂钩：拆旧不少于建新，复垦图斑不得位于河道滩地。L6 标准林地（生态券系数）不减少。L7 生态保护红线内除生态保护修复外无变化。&lt;/p&gt;&lt;p&gt;两个调查年份（或规划）分别为独立图层时：将后期地类作为单独图层给出，此时图斑图层即为现状地类；两者叠加后每个碎块都带有两个年份的地类编码、田坎系数、耕地等别和永久基本农田标志，面积按计算面积。两个图层必须覆盖相同的范围。&lt;/p&gt;&lt;p&gt;所有规则通过则单元通过，任一规则不通过则单元不通过；没有规则不通过但有规则无法核验（无等别、未提供红线图层、编码无系数）时为待定。所有阈值均为参数，并写入结果表。&lt;/p&gt;&lt;p&gt;规划为耕地、园地、林地或草地的拆旧复垦图斑生成复垦券，按项目编号，记录复垦为各类用地的面积及其标准林地公顷数；位于河道滩地的图斑不可发券。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>unit ledger,balance sheet,双挂钩,增减挂钩,占补平衡,cultivated land,permanent farmland,reclamation,certificate,复垦券</source>
            <translation>单元台账,平衡表,双挂钩,增减挂钩,占补平衡,耕地,永久基本农田,复垦,券,复垦券</translation>
        </message>
        <message>
            <source>Parcels (current and planned land use)</source>
            <translation>图斑（现状与规划用途）</translation>
        </message>
        <message>
            <source>Planned or later land use as a layer of its own (two survey years; optional)</source>
            <translation>规划或后期地类的独立图层（两个调查年份；可选）</translation>
        </message>
        <message>
            <source>Parcel id field of the later layer</source>
            <translation>后期图层的图斑编号字段</translation>
        </message>
        <message>
            <source>Land-use code field of the later layer</source>
            <translation>后期图层的地类编码字段</translation>
        </message>
        <message>
            <source>田坎 coefficient field of the later layer</source>
            <translation>后期图层的田坎系数字段</translation>
        </message>
        <message>
            <source>Cultivated land grade field of the later layer</source>
            <translation>后期图层的耕地等别字段</translation>
        </message>
        <message>
            <source>In permanent farmland in the later layer (1/0 field)</source>
            <translation>后期图层中位于永久基本农田（1/0 字段）</translation>
        </message>
        <message>
            <source>Project field of the later layer</source>
            <translation>后期图层的项目字段</translation>
        </message>
        <message>
            <source>Project type field of the later layer</source>
            <translation>后期图层的项目类型字段</translation>
        </message>
        <message>
            <source>Unit field of the parcels (or a units layer below)</source>
            <translation>图斑的单元字段（或使用下方的单元图层）</translation>
        </message>
        <message>
            <source>Unit: the first N characters of the unit field (ZLDWDM: 12 village, 9 town; 0: all)</source>
            <translation>单元：取单元字段的前 N 个字符（ZLDWDM：12 位为村，9 位为乡镇；0：全部）</translation>
        </message>
        <message>
            <source>Units layer (optional)</source>
            <translation>单元图层（可选）</translation>
        </message>
        <message>
            <source>田坎 coefficient field (current)</source>
            <translation>田坎系数字段（现状）</translation>
        </message>
        <message>
            <source>田坎 coefficient field (planned; empty: the current one)</source>
            <translation>田坎系数字段（规划；留空：沿用现状）</translation>
        </message>
        <message>
            <source>Cultivated land grade field (current)</source>
            <translation>耕地等别字段（现状）</translation>
        </message>
        <message>
            <source>Cultivated land grade field (planned)</source>
            <translation>耕地等别字段（规划）</translation>
        </message>
        <message>
            <source>In permanent farmland now (1/0 field)</source>
            <translation>现状位于永久基本农田（1/0 字段）</translation>
        </message>
        <message>
            <source>In permanent farmland after the adjustment plan (1/0 field)</source>
            <translation>调整方案实施后位于永久基本农田（1/0 字段）</translation>
        </message>
        <message>
            <source>Project field (numbers the certificates)</source>
            <translation>项目字段（用于复垦券编号）</translation>
        </message>
        <message>
            <source>Project type field (ecological restoration may change the red line)</source>
            <translation>整治类型字段（生态保护修复可在红线内变化）</translation>
        </message>
        <message>
            <source>Official area field (m²; empty: computed)</source>
            <translation>图斑面积字段（平方米；留空：计算面积）</translation>
        </message>
        <message>
            <source>Farmland adjusted in ÷ out, at least</source>
            <translation>永久基本农田调入 ÷ 调出，不少于</translation>
        </message>
        <message>
            <source>Construction land reclaimed ÷ newly built, at least</source>
            <translation>拆旧面积 ÷ 建新面积，不少于</translation>
        </message>
        <message>
            <source>Mean grade may worsen by at most</source>
            <translation>平均等别最多允许下降</translation>
        </message>
        <message>
            <source>Ignore red-line and river-beach overlaps below (m²)</source>
            <translation>忽略小于此面积的红线、河道滩地重叠（平方米）</translation>
        </message>
        <message>
            <source>Unit balance sheets</source>
            <translation>单元平衡表</translation>
        </message>
        <message>
            <source>Cultivated land by grade</source>
            <translation>分等别耕地</translation>
        </message>
        <message>
            <source>Reclamation certificates</source>
            <translation>复垦券</translation>
        </message>
        <message>
            <source>Reclamation certificates per project</source>
            <translation>各项目复垦券</translation>
        </message>
        <message>
            <source>Ledger tables (XLSX)</source>
            <translation>台账表格（XLSX）</translation>
        </message>
        <message>
            <source>Ledger report, a page per unit (PDF)</source>
            <translation>台账报告，每个单元一页（PDF）</translation>
        </message>
        <message>
            <source>Units passed</source>
            <translation>通过的单元</translation>
        </message>
        <message>
            <source>Units failed</source>
            <translation>不通过的单元</translation>
        </message>
        <message>
            <source>Units undetermined</source>
            <translation>待定的单元</translation>
        </message>
        <message>
            <source>Choose the unit id field.</source>
            <translation>请选择单元编号字段。</translation>
        </message>
        <message>
            <source>Choose the land-use code field of the later layer.</source>
            <translation>请选择后期图层的地类编码字段。</translation>
        </message>
        <message>
            <source>Choose the planned land-use code field, or give the later land use as a layer of its own.</source>
            <translation>请选择规划地类编码字段，或将后期地类作为独立图层给出。</translation>
        </message>
        <message>
            <source>The ledger report needs the unit balance sheets as a layer.</source>
            <translation>台账报告需要以图层形式输出的单元平衡表。</translation>
        </message>
        <message>
            <source>Ecological voucher accounting</source>
            <translation>生态券核算</translation>
        </message>
        <message>
            <source>Ecological vouchers</source>
            <translation>生态券</translation>
        </message>
        <message>
            <source>A violation, left out of E (not demand to buy)</source>
            <translation>视为违规，不计入 E（不是可购买的需求）</translation>
        </message>
        <message>
            <source>Counted in E and flagged</source>
            <translation>计入 E 并标记</translation>
        </message>
        <message>
            <source>Out of the market (fiscal transfers)</source>
            <translation>不参与交易（财政转移支付）</translation>
        </message>
        <message>
            <source>In the market</source>
            <translation>参与交易</translation>
        </message>
        <message>
            <source>National values of the target year (table)</source>
            <translation>目标年份全国值（参照表）</translation>
        </message>
        <message>
            <source>Computed over all zones</source>
            <translation>按全部分区计算</translation>
        </message>
        <message>
            <source>Entered values</source>
            <translation>输入值</translation>
        </message>
        <message>
            <source>&lt;p&gt;Ecological vouchers (生态券): the change of each zone's ecological land between a base year and a target year, in standard-forest hectares, weighted by the zone's wealth and density.&lt;/p&gt;&lt;p&gt;&lt;b&gt;M&lt;sub&gt;t&lt;/sub&gt; = Σ A&lt;sub&gt;i&lt;/sub&gt; · k&lt;sub&gt;i&lt;/sub&gt;&lt;/b&gt;: hectares A of each land-use class outside the mask (e.g. urban space) times its standard-forest coefficient k.&lt;br/&gt;&lt;b&gt;E = (M&lt;sub&gt;t&lt;/sub&gt; − M&lt;sub&gt;0&lt;/sub&gt;) · G · P&lt;/b&gt;: G = GDP per capita ÷ reference GDP per capita, P = population density ÷ reference density. E &amp;gt; 0: the zone can sell vouchers (supply); E &amp;lt; 0: it must buy |E| (demand).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Zones&lt;/b&gt;: counties or ecological units with an id, GDP (yuan) and population (persons) of the target year, or a zone table joined by id. Land area is the zone's area with the chosen method.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Land use&lt;/b&gt; of each year: a polygon layer with a class field or a categorical raster, with its classification system. &lt;b&gt;Coefficients&lt;/b&gt;: the system's preset, or a CSV table (code,k; or code,esv scaled by the esv of a reference class, 21 for CAS, 0301 otherwise).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Reference values&lt;/b&gt; (G and P are ratios to them): the &lt;b&gt;national values&lt;/b&gt; of the target year (default), from the national reference table (default: the preset national_reference.csv, one row per year with its source; add years from each year's NBS statistical communiqué; a year the table lacks is an error); or computed over all zones; or entered. &lt;b&gt;Baseline&lt;/b&gt; M&lt;sub&gt;0&lt;/sub&gt;: the base year, or zone area × protection rate (empty rate: the rate of all zones at the base year).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Price&lt;/b&gt; (optional): amount = E × price, yuan. &lt;b&gt;Counties&lt;/b&gt; (optional): the zones are ecological units whose E is split over the counties by area share.&lt;/p&gt;&lt;p&gt;Inputs in different CRSs are refused unless reprojection is allowed. The summary table records the totals, the reference values used with their source and every input and parameter. E is not conserved: the summary gives the raw change ΣΔM beside ΣE of supply and of demand, and by how much demand exceeds supply (a market inside these zones cannot meet it).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Within the plan's bottom lines&lt;/b&gt; (optional): a three-lines workspace (GeoPackage with ecological_redline and permanent_farmland) or the red line and farmland layers as delivered. ΔM inside the red line and inside farmland is reported per zone. A loss of ecological land inside the red line is a &lt;b&gt;violation&lt;/b&gt; (the violations layer lists the pieces with their classes before and after), not demand a zone may buy away: by default E is computed without it; the other choice counts it in E and flags it. Raster land use is cut by the lines cell by cell (its cells as polygons, no-data cells left out).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Key ecological function zones&lt;/b&gt; (国家重点生态功能区; a field with 1/0 of the zones, or of the counties when units are attributed, or a list of ids): marked, their accounts computed, and kept out of the market by default (they receive fiscal transfers).&lt;/p&gt;</source>
            <translation>&lt;p&gt;生态券：各分区生态用地在基期与目标年之间的变化量，以标准林面积（公顷）计，并按分区的经济水平和人口密度加权。&lt;/p&gt;&lt;p&gt;&lt;b&gt;M&lt;sub&gt;t&lt;/sub&gt; = Σ A&lt;sub&gt;i&lt;/sub&gt; · k&lt;sub&gt;i&lt;/sub&gt;&lt;/b&gt;：掩膜（如城镇空间）以外各地类的面积 A（公顷）乘以其标准林折算系数 k。&lt;br/&gt;&lt;b&gt;E = (M&lt;sub&gt;t&lt;/sub&gt; − M&lt;sub&gt;0&lt;/sub&gt;) · G · P&lt;/b&gt;：G = 人均 GDP ÷ 参照人均 GDP，P = 人口密度 ÷ 参照人口密度。E &amp;gt; 0：该分区可出售生态券（供给）；E &amp;lt; 0：该分区须购买 |E|（需求）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;分区&lt;/b&gt;：县或生态单元，含目标年的代码、GDP（元）和人口（人），或通过代码关联的分区属性表。土地面积按所选方法计算。&lt;/p&gt;&lt;p&gt;每一年的&lt;b&gt;土地利用&lt;/b&gt;：带地类字段的面图层或分类栅格，以及其分类体系。&lt;b&gt;系数&lt;/b&gt;：该分类体系的预设，或 CSV 表（code,k；或 code,esv，按参照地类的 esv 折算，CAS 为 21，其他为 0301）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;参照值&lt;/b&gt;（G 和 P 是相对它们的比值）：默认为目标年份的&lt;b&gt;全国值&lt;/b&gt;，取自全国参照值表（默认为预设表 national_reference.csv，每年一行并注明来源；可根据当年国家统计局统计公报增加年份；表中没有的年份会报错）；也可以按全部分区计算，或手动输入。&lt;b&gt;基线&lt;/b&gt; M&lt;sub&gt;0&lt;/sub&gt;：基期，或分区面积 × 保护率（保护率留空：全部分区基期的保护率）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;价格&lt;/b&gt;（可选）：金额 = E × 价格（元）。&lt;b&gt;县域&lt;/b&gt;（可选）：分区为生态单元，其 E 按面积比例分配到各县。&lt;/p&gt;&lt;p&gt;输入图层坐标参照系不一致时将拒绝计算，除非允许重投影。汇总表记录各项合计、所用参照值及其来源以及全部输入和参数。E 不守恒：汇总表给出原始变化 ΣΔM，以及供给与需求各自的 ΣE，并给出需求超过供给的数量（这些分区内部的市场无法满足）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;在规划底线内核算&lt;/b&gt;（可选）：三区三线工作空间（含 ecological_redline 和 permanent_farmland 的 GeoPackage）或原样交付的生态保护红线、永久基本农田图层。按分区报告红线内和永久基本农田内的 ΔM。生态保护红线内生态用地的损失属于&lt;b&gt;违规&lt;/b&gt;（违规图层列出各图斑及其变化前后地类），不是分区可以购买抵消的需求：默认计算 E 时不含该损失；另一选项将其计入 E 并标记。栅格土地利用按像元与控制线叠加（像元转为面，无数据像元不计）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;国家重点生态功能区&lt;/b&gt;（取值 1/0 的分区字段，单元归属到县时为县图层字段，或编码列表）：予以标记，账户照常核算，默认不参与交易（已获财政转移支付）。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Zones from unit codes&lt;/b&gt; (no zones layer): the code field of the base year's land use (三调 ZLDWDM) and the unit — its first 6 characters are the county, 9 the town, 12 the village. Each unit is the union of its base-year parcels; GDP and population come from the zone table, joined by the unit code; names from a layer as delivered (XZQ: XZQDM → XZQMC; CJDCQ or the survey itself: ZLDWDM → ZLDWMC, a code padded with zeros names the unit it starts with). As guotu voucher --zone-code-field.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;按单位代码划分分区&lt;/b&gt;（无需分区图层）：基期土地利用的代码字段（三调 ZLDWDM）及单位——前 6 位为县，9 位为乡镇，12 位为村。每个单位为其基期图斑的并集；GDP 和人口取自分区表，按单位代码关联；名称取自原样交付的图层（XZQ：XZQDM → XZQMC；CJDCQ 或调查图层本身：ZLDWDM → ZLDWMC，以零补齐的代码对应其前缀所指的单位）。与 guotu voucher --zone-code-field 相同。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Vouchers by county</source>
            <translation>县域生态券</translation>
        </message>
        <message>
            <source>ecological voucher,standard forest,ecological land,compensation,GDP,population,supply,demand</source>
            <translation>生态券,标准林,生态用地,生态补偿,GDP,人口,供给,需求</translation>
        </message>
        <message>
            <source>Zones (counties or ecological units; empty: the units of the base year's codes)</source>
            <translation>分区（县或生态单元；留空：按基期单位代码划分的单位）</translation>
        </message>
        <message>
            <source>Zone name field</source>
            <translation>分区名称字段</translation>
        </message>
        <message>
            <source>GDP field (yuan)</source>
            <translation>GDP 字段（元）</translation>
        </message>
        <message>
            <source>Population field (persons)</source>
            <translation>人口字段（人）</translation>
        </message>
        <message>
            <source>Zone table with GDP and population (joined by zone id)</source>
            <translation>含 GDP 和人口的分区属性表（按分区代码关联）</translation>
        </message>
        <message>
            <source>Zone table: zone id field</source>
            <translation>分区属性表：分区代码字段</translation>
        </message>
        <message>
            <source>Zone table: GDP field (yuan)</source>
            <translation>分区属性表：GDP 字段（元）</translation>
        </message>
        <message>
            <source>Zone table: population field (persons)</source>
            <translation>分区属性表：人口字段（人）</translation>
        </message>
        <message>
            <source>Base year</source>
            <translation>基期</translation>
        </message>
        <message>
            <source>Target year</source>
            <translation>目标年</translation>
        </message>
        <message>
            <source>Coefficient table (CSV; empty: the systems' presets)</source>
            <translation>系数表（CSV；留空则使用分类体系的预设）</translation>
        </message>
        <message>
            <source>Base year: coefficient table (CSV)</source>
            <translation>基期：系数表（CSV）</translation>
        </message>
        <message>
            <source>Target year: coefficient table (CSV)</source>
            <translation>目标年：系数表（CSV）</translation>
        </message>
        <message>
            <source>Reference class of esv tables (empty: 21 for CAS, 0301 otherwise)</source>
            <translation>esv 表的参照地类（留空：CAS 为 21，其他为 0301）</translation>
        </message>
        <message>
            <source>Reference values</source>
            <translation>参照值</translation>
        </message>
        <message>
            <source>Target year of the national reference values</source>
            <translation>全国参照值的目标年份</translation>
        </message>
        <message>
            <source>National reference table (CSV; empty: the preset)</source>
            <translation>全国参照值表（CSV；空：预设表）</translation>
        </message>
        <message>
            <source>Entered reference GDP per capita (yuan/person)</source>
            <translation>输入的参照人均 GDP（元/人）</translation>
        </message>
        <message>
            <source>Entered reference population density (persons/km²)</source>
            <translation>输入的参照人口密度（人/平方千米）</translation>
        </message>
        <message>
            <source>Baseline M0</source>
            <translation>基线 M0</translation>
        </message>
        <message>
            <source>Protection rate (standard-forest ha per ha; empty: over all zones)</source>
            <translation>保护率（每公顷土地的标准林公顷数；留空：按全部分区计算）</translation>
        </message>
        <message>
            <source>Or the mask from the target survey's 城镇村属性码 CZCSXM (e.g. 201,202)</source>
            <translation>或按目标年调查的城镇村属性码 CZCSXM 生成掩膜（如 201,202）</translation>
        </message>
        <message>
            <source>Price (yuan per standard-forest ha; empty: no amounts)</source>
            <translation>价格（元/标准林公顷；留空则不计算金额）</translation>
        </message>
        <message>
            <source>Inputs in different CRSs</source>
            <translation>输入图层坐标参照系不一致时</translation>
        </message>
        <message>
            <source>Counties the units are attributed to (trading subjects)</source>
            <translation>生态单元所归属的县域（交易主体）</translation>
        </message>
        <message>
            <source>County id field</source>
            <translation>县域代码字段</translation>
        </message>
        <message>
            <source>County name field</source>
            <translation>县域名称字段</translation>
        </message>
        <message>
            <source>Bottom lines: three-lines workspace (GeoPackage)</source>
            <translation>底线：三区三线工作空间（GeoPackage）</translation>
        </message>
        <message>
            <source>Bottom lines: ecological red line (replaces the workspace's)</source>
            <translation>底线：生态保护红线（替代工作空间中的图层）</translation>
        </message>
        <message>
            <source>Bottom lines: permanent farmland (replaces the workspace's)</source>
            <translation>底线：永久基本农田（替代工作空间中的图层）</translation>
        </message>
        <message>
            <source>Loss of ecological land inside the red line</source>
            <translation>生态保护红线内生态用地的损失</translation>
        </message>
        <message>
            <source>Key ecological function zones: field with 1/0 (of the trading subjects)</source>
            <translation>重点生态功能区：取值 1/0 的字段（交易主体图层）</translation>
        </message>
        <message>
            <source>Key ecological function zones: ids (comma-separated)</source>
            <translation>重点生态功能区：编码（逗号分隔）</translation>
        </message>
        <message>
            <source>Key ecological function zones in the market</source>
            <translation>重点生态功能区是否参与交易</translation>
        </message>
        <message>
            <source>Vouchers</source>
            <translation>生态券</translation>
        </message>
        <message>
            <source>Voucher classes</source>
            <translation>生态券分地类明细</translation>
        </message>
        <message>
            <source>Voucher summary</source>
            <translation>生态券汇总</translation>
        </message>
        <message>
            <source>Class codes without coefficient</source>
            <translation>无系数的地类代码</translation>
        </message>
        <message>
            <source>Violations inside the red line</source>
            <translation>生态保护红线内违规图斑</translation>
        </message>
        <message>
            <source>Or zones from the base year's unit codes: code field (三调 ZLDWDM)</source>
            <translation>或按基期单位代码划分分区：代码字段（三调 ZLDWDM）</translation>
        </message>
        <message>
            <source>base-year</source>
            <translation>基期</translation>
        </message>
        <message>
            <source>target-year</source>
            <translation>目标年</translation>
        </message>
        <message>
            <source>Zones from unit codes need the base year's land use as polygons.</source>
            <translation>按单位代码划分分区需要基期土地利用的面图层。</translation>
        </message>
        <message>
            <source>Zones from unit codes have no GDP or population fields: give a zone table with them, joined by the unit code.</source>
            <translation>按单位代码划分的分区没有 GDP 和人口字段：请给出含这些字段的分区表，按单位代码关联。</translation>
        </message>
        <message>
            <source>Enter both reference values (GDP per capita and population density), or neither to compute them over the zones.</source>
            <translation>请同时输入两个参照值（人均 GDP 和人口密度），或都留空以按全部分区计算。</translation>
        </message>
        <message>
            <source>Entered reference values: enter the GDP per capita and the population density.</source>
            <translation>输入参照值：请输入人均 GDP 和人口密度。</translation>
        </message>
        <message>
            <source>The national reference table is used with the national reference values only.</source>
            <translation>全国参照值表只在采用全国参照值时使用。</translation>
        </message>
        <message>
            <source>Choose the county id field.</source>
            <translation>请选择县域代码字段。</translation>
        </message>
        <message>
            <source>The bottom lines need the ecological red line and the permanent farmland: give a three-lines workspace, or both layers.</source>
            <translation>底线核算需要生态保护红线和永久基本农田：请提供三区三线工作空间，或同时提供两个图层。</translation>
        </message>
        <message>
            <source>Protection rate</source>
            <translation>保护率</translation>
        </message>
        <message>
            <source>Reproject</source>
            <translation>重投影</translation>
        </message>
        <message>
            <source>Give the zones as a layer, or the code field of the base year's units (三调 ZLDWDM), not both.</source>
            <translation>请以图层给出分区，或给出基期单位代码字段（三调 ZLDWDM），二者只取其一。</translation>
        </message>
        <message>
            <source>Give the zones: a layer, or the code field of the base year's units (三调 ZLDWDM).</source>
            <translation>请给出分区：一个图层，或基期单位代码字段（三调 ZLDWDM）。</translation>
        </message>
        <message>
            <source>Give the mask as a layer or as 城镇村属性码 of the target survey, not both.</source>
            <translation>请以图层或目标年调查的城镇村属性码给出掩膜，二者只取其一。</translation>
        </message>
        <message>
            <source>Choose the zone id, GDP and population fields of the zone table.</source>
            <translation>请选择分区属性表的分区代码、GDP 和人口字段。</translation>
        </message>
        <message>
            <source>Choose the GDP and population fields of the zones, or a zone table with them.</source>
            <translation>请选择分区的 GDP 字段和人口字段，或选择包含这两项的分区属性表。</translation>
        </message>
        <message>
            <source>Standard forest: {m0:.2f} ha (base) → {mt:.2f} ha (target); supply {supply:.2f} ha, demand {demand:.2f} ha, net {net:.2f} ha.</source>
            <translation>标准林面积：{m0:.2f} 公顷（基期）→ {mt:.2f} 公顷（目标年）；供给 {supply:.2f} 公顷，需求 {demand:.2f} 公顷，净值 {net:.2f} 公顷。</translation>
        </message>
        <message>
            <source>Reference values were entered, but the reference is {reference}: choose entered values to use them, or leave them empty.</source>
            <translation>已输入参照值，但参照方式为{reference}：要使用这些值请选择“输入值”，否则请留空。</translation>
        </message>
        <message>
            <source>Zones: {n} units from the first {length} characters of {field} of the base year.</source>
            <translation>分区：按基期 {field} 的前 {length} 位得到 {n} 个单位。</translation>
        </message>
        <message>
            <source>Class code "{code}" ({year} year, {area:.2f} ha) is not in the coefficient table; counted as k = 0.</source>
            <translation>地类代码“{code}”（{year}，{area:.2f} 公顷）不在系数表中；按 k = 0 计。</translation>
        </message>
        <message>
            <source>Units attributed to {count} counties by area share; E outside every county: {outside:.2f} ha.</source>
            <translation>生态单元已按面积比例分配到 {count} 个县；不在任何县内的 E：{outside:.2f} 公顷。</translation>
        </message>
        <message>
            <source>{year}: land use (polygons)</source>
            <translation>{year}：土地利用（面）</translation>
        </message>
        <message>
            <source>{year}: land-use class field</source>
            <translation>{year}：地类字段</translation>
        </message>
        <message>
            <source>{year}: land use (raster)</source>
            <translation>{year}：土地利用（栅格）</translation>
        </message>
        <message>
            <source>{year}: classification system</source>
            <translation>{year}：分类体系</translation>
        </message>
        <message>
            <source>Give exactly one {year} land-use input: a polygon layer or a raster layer.</source>
            <translation>{year}土地利用输入只能给出一个：面图层或栅格图层。</translation>
        </message>
        <message>
            <source>Choose the {year} land-use class field.</source>
            <translation>请选择{year}土地利用的地类字段。</translation>
        </message>
        <message>
            <source>target</source>
            <translation>目标年</translation>
        </message>
        <message>
            <source>base</source>
            <translation>基期</translation>
        </message>
        <message>
            <source>The workspace "{path}" has no layer "{layer}"; make workspaces with "New three-lines workspace" or guotu lines init.</source>
            <translation>工作空间“{path}”中没有图层“{layer}”；请用“新建三区三线工作空间”或 guotu lines init 创建工作空间。</translation>
        </message>
        <message>
            <source>Voucher accounts over years</source>
            <translation>生态券多年账户</translation>
        </message>
        <message>
            <source>&lt;p&gt;Voucher accounts over years: an account per zone over several surveys (e.g. the 2019 base of 三调 and the annual change surveys of 2020, 2021 and 2022). Every period runs the voucher accounting from the previous survey to its own, with the national reference values of its own year, then a market clears under that period's cap.&lt;/p&gt;&lt;p&gt;Per zone and period the &lt;b&gt;ledger&lt;/b&gt; gives the opening balance, ΔM, E, the position (opening + E: what the zone brings to the period's market; above 0 it sells, below 0 it buys), bought, sold and the &lt;b&gt;closing balance&lt;/b&gt; = position + bought − sold, which opens the next period. Zones kept out of the market (key ecological function zones) neither buy nor sell.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Later surveys&lt;/b&gt;: polygon layers in order of year, with their years (comma-separated, one per layer), one class field and one classification system. &lt;b&gt;Base year&lt;/b&gt;: empty takes the year every feature's SJNF states (三调: 2019, its standard time 2019-12-31). GDP and population of each year: comma-separated field names, one per later survey (empty: the zones' fields).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Market&lt;/b&gt;: a fixed or a floor price, pro rata, paid; caps one per period (comma-separated) or none. &lt;b&gt;Opening balances&lt;/b&gt; (optional): a CSV zone_id,balance_ha, or an earlier run's GeoPackage or ledger CSV (its latest closing balances), so that runs can be chained.&lt;/p&gt;&lt;p&gt;Besides the ledger and the trades of every period, the vouchers, classes and summary of the last period are written as the accounting writes them. The bottom lines and key ecological function zones work as in the accounting.&lt;/p&gt;</source>
            <translation>&lt;p&gt;生态券多年账户：按多期调查为每个分区建立账户（例如三调 2019 年基期及 2020、2021、2022 年度变更调查）。每一期从上一期调查到本期调查进行生态券核算，采用本期年份的全国参考值，然后在本期交易上限内出清市场。&lt;/p&gt;&lt;p&gt;每个分区每一期的&lt;b&gt;台账&lt;/b&gt;给出期初余额、ΔM、E、头寸（期初 + E：分区带入本期交易的数量；大于 0 出售，小于 0 购买）、购入、售出和&lt;b&gt;期末余额&lt;/b&gt; = 头寸 + 购入 − 售出，作为下一期的期初。不参与交易的分区（重点生态功能区）既不购买也不出售。&lt;/p&gt;&lt;p&gt;&lt;b&gt;后续调查&lt;/b&gt;：按年份排列的面图层及其年份（逗号分隔，每个图层一个），一个地类字段和一个分类体系。&lt;b&gt;基期年份&lt;/b&gt;：留空时取全部要素 SJNF 所载年份（三调：2019 年，标准时点 2019-12-31）。各年份的 GDP 和人口：逗号分隔的字段名，每期后续调查一个（留空：分区的字段）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;交易&lt;/b&gt;：固定价格或最低限价，按比例分配，直接支付；每期一个上限（逗号分隔）或不设。&lt;b&gt;期初余额&lt;/b&gt;（可选）：CSV 文件 zone_id,balance_ha，或此前运行的 GeoPackage 或台账 CSV（取其最近的期末余额），以便多次运行相衔接。&lt;/p&gt;&lt;p&gt;除台账和各期交易外，最后一期的生态券、地类和汇总表与核算算法的输出相同。底线和重点生态功能区的处理与核算算法相同。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>ecological voucher,ledger,account,balance,annual change survey,years,market</source>
            <translation>生态券,台账,账户,余额,年度变更调查,多年,交易</translation>
        </message>
        <message>
            <source>Later surveys: land use (polygons, in order of year)</source>
            <translation>后续调查：土地利用（面图层，按年份排列）</translation>
        </message>
        <message>
            <source>Years of the later surveys (comma-separated, e.g. 2020,2021,2022)</source>
            <translation>后续调查的年份（逗号分隔，如 2020,2021,2022）</translation>
        </message>
        <message>
            <source>Later surveys: land-use class field</source>
            <translation>后续调查：地类字段</translation>
        </message>
        <message>
            <source>Later surveys: classification system</source>
            <translation>后续调查：分类体系</translation>
        </message>
        <message>
            <source>Base year (empty: the year of the data, SJNF)</source>
            <translation>基期年份（留空：取数据年份 SJNF）</translation>
        </message>
        <message>
            <source>GDP field of each later year (comma-separated; empty: the zones' field)</source>
            <translation>各后续年份的 GDP 字段（逗号分隔；留空：分区的 GDP 字段）</translation>
        </message>
        <message>
            <source>Population field of each later year (comma-separated; empty: the zones' field)</source>
            <translation>各后续年份的人口字段（逗号分隔；留空：分区的人口字段）</translation>
        </message>
        <message>
            <source>Fixed price (yuan/ha)</source>
            <translation>固定价格（元/公顷）</translation>
        </message>
        <message>
            <source>Floor price (yuan/ha), instead of a fixed price</source>
            <translation>最低限价（元/公顷），代替固定价格</translation>
        </message>
        <message>
            <source>Cap of each period (ha, comma-separated; empty: no cap)</source>
            <translation>各期交易上限（公顷，逗号分隔；留空：不设上限）</translation>
        </message>
        <message>
            <source>Opening balances (CSV: zone_id,balance_ha, or an earlier ledger)</source>
            <translation>期初余额（CSV：zone_id,balance_ha，或此前运行的台账）</translation>
        </message>
        <message>
            <source>Voucher ledger</source>
            <translation>生态券台账</translation>
        </message>
        <message>
            <source>Voucher trades by period</source>
            <translation>分期生态券交易</translation>
        </message>
        <message>
            <source>Voucher ledger (CSV)</source>
            <translation>生态券台账（CSV）</translation>
        </message>
        <message>
            <source>Choose the later surveys (polygon layers in order of year).</source>
            <translation>请选择后续调查（按年份排列的面图层）。</translation>
        </message>
        <message>
            <source>Give either a fixed price or a floor price, not both.</source>
            <translation>请给出固定价格或最低限价，不能同时给出。</translation>
        </message>
        <message>
            <source>Ledgers and balances (*.csv *.gpkg)</source>
            <translation>台账和余额表（*.csv *.gpkg）</translation>
        </message>
        <message>
            <source>Give one year per later survey ({count}), comma-separated, e.g. 2020,2021,2022.</source>
            <translation>请为每期后续调查给出一个年份（共 {count} 个），逗号分隔，如 2020,2021,2022。</translation>
        </message>
        <message>
            <source>Give one cap per period ({count}; ha, numbers of 0 or more), comma-separated, or none.</source>
            <translation>请为每期给出一个上限（共 {count} 个；公顷，不小于 0 的数），逗号分隔，或都不给。</translation>
        </message>
        <message>
            <source>Give one field per later survey ({count}), comma-separated, or none.</source>
            <translation>请为每期后续调查给出一个字段（共 {count} 个），逗号分隔，或都不给。</translation>
        </message>
        <message>
            <source>The opening balances "{path}" need the columns zone_id and balance_ha (or a ledger with zone_id, year_to and closing_ha).</source>
            <translation>期初余额“{path}”需要 zone_id 和 balance_ha 两列（或含 zone_id、year_to 和 closing_ha 的台账）。</translation>
        </message>
        <message>
            <source>"{path}" has no table "ledger"; give the GeoPackage of an earlier run over years, or a CSV.</source>
            <translation>“{path}”中没有“ledger”表；请给出此前多年账户运行的 GeoPackage，或 CSV 文件。</translation>
        </message>
        <message>
            <source>Period {period} ({start} → {end}): traded {traded:.2f} ha.</source>
            <translation>第 {period} 期（{start} → {end}）：成交 {traded:.2f} 公顷。</translation>
        </message>
        <message>
            <source>  {zone}: opening {opening:.2f}, E {e:.2f}, bought {bought:.2f}, sold {sold:.2f}, closing {closing:.2f} ha.</source>
            <translation>  {zone}：期初 {opening:.2f}，E {e:.2f}，购入 {bought:.2f}，售出 {sold:.2f}，期末 {closing:.2f} 公顷。</translation>
        </message>
        <message>
            <source>Cannot read the opening balances "{path}": {error}</source>
            <translation>无法读取期初余额“{path}”：{error}</translation>
        </message>
        <message>
            <source>The opening balances "{path}", line {line}: zone "{zone}" has the balance "{value}"; a number of hectares is needed.</source>
            <translation>期初余额“{path}”第 {line} 行：分区“{zone}”的余额为“{value}”，需要公顷数。</translation>
        </message>
        <message>
            <source>Ecological voucher market</source>
            <translation>生态券交易</translation>
        </message>
        <message>
            <source>&lt;p&gt;Trades ecological vouchers between zones: zones with E &amp;gt; 0 sell, zones with E &amp;lt; 0 buy |E|. The input is the voucher layer of &lt;i&gt;Ecological voucher accounting&lt;/i&gt;, or any layer with a zone id and an E field in hectares.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Price&lt;/b&gt;: a fixed price for every trade; or a government &lt;b&gt;floor price&lt;/b&gt;, where the zones' optional ask (sellers) and bid (buyers) fields, in yuan/ha, set one clearing price at or above the floor that trades the most.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Cap&lt;/b&gt;: the annual limit on the traded volume (ha); empty for none. The volume traded is min(supply, demand, cap) at the clearing price.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Allocation&lt;/b&gt;: pro rata (every seller and buyer in proportion to its volume) or nearest (closest seller-buyer pairs first, between points inside the zones).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Settlement&lt;/b&gt;: payment (direct sale), or enclave (飞地): the amounts are the value of the seller's equity share in a joint development in the buyer's urban area.&lt;/p&gt;&lt;p&gt;Trades are lines from a point inside the seller to a point inside the buyer, with seller_id, buyer_id, volume_ha, price_yuan_per_ha and amount_yuan. The summary records the totals and every parameter.&lt;/p&gt;&lt;p&gt;E is not conserved, so the market need not clear: the summary and the log give the &lt;b&gt;unmet demand&lt;/b&gt; (demand − traded) and the &lt;b&gt;unsold supply&lt;/b&gt; (supply − traded), supply and demand at the floor price, and what happens to the price when demand exceeds supply there (price_effect).&lt;/p&gt;</source>
            <translation>&lt;p&gt;在分区之间交易生态券：E &amp;gt; 0 的分区出售，E &amp;lt; 0 的分区购买 |E|。输入为&lt;i&gt;生态券核算&lt;/i&gt;得到的生态券图层，或任何含分区代码和 E（公顷）字段的图层。&lt;/p&gt;&lt;p&gt;&lt;b&gt;价格&lt;/b&gt;：所有交易采用同一固定价格；或采用政府&lt;b&gt;最低限价&lt;/b&gt;，此时各分区可选的卖方要价和买方出价字段（元/公顷）共同决定一个不低于最低限价、成交量最大的统一出清价格。&lt;/p&gt;&lt;p&gt;&lt;b&gt;上限&lt;/b&gt;：年度交易总量上限（公顷）；留空表示不设上限。成交量为出清价格下的 min(供给, 需求, 上限)。&lt;/p&gt;&lt;p&gt;&lt;b&gt;分配方式&lt;/b&gt;：按比例（各买卖方按其数量比例成交）或就近优先（距离最近的买卖双方优先成交，距离按分区内部的点计算）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;结算方式&lt;/b&gt;：直接支付（直接出售），或飞地：金额为卖方在买方城镇空间内共建项目中所占股权的价值。&lt;/p&gt;&lt;p&gt;交易以从卖方内部点到买方内部点的线表示，字段为 seller_id、buyer_id、volume_ha、price_yuan_per_ha 和 amount_yuan。汇总表记录各项合计和全部参数。&lt;/p&gt;&lt;p&gt;E 不守恒，所以市场不一定出清：汇总表和日志给出&lt;b&gt;未满足需求&lt;/b&gt;（需求 − 成交）和&lt;b&gt;未售出供给&lt;/b&gt;（供给 − 成交）、底价下的供给与需求，以及需求在底价下超过供给时价格如何变化（price_effect）。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>ecological voucher,market,trade,price,cap,enclave,supply,demand</source>
            <translation>生态券,市场,交易,价格,上限,飞地,供给,需求</translation>
        </message>
        <message>
            <source>Vouchers (zones with E)</source>
            <translation>生态券（含 E 的分区）</translation>
        </message>
        <message>
            <source>Voucher field E (ha)</source>
            <translation>生态券字段 E（公顷）</translation>
        </message>
        <message>
            <source>Cap on the traded volume (ha; empty: no cap)</source>
            <translation>交易总量上限（公顷；留空：不设上限）</translation>
        </message>
        <message>
            <source>Allocation</source>
            <translation>分配方式</translation>
        </message>
        <message>
            <source>Settlement</source>
            <translation>结算方式</translation>
        </message>
        <message>
            <source>Ask price field of sellers (yuan/ha; floor-price mode)</source>
            <translation>卖方要价字段（元/公顷；最低限价模式）</translation>
        </message>
        <message>
            <source>Bid price field of buyers (yuan/ha; floor-price mode)</source>
            <translation>买方出价字段（元/公顷；最低限价模式）</translation>
        </message>
        <message>
            <source>Voucher trades</source>
            <translation>生态券交易</translation>
        </message>
        <message>
            <source>Market summary</source>
            <translation>交易汇总</translation>
        </message>
        <message>
            <source>Give either a fixed price or a floor price, not both and not neither.</source>
            <translation>请给出固定价格或最低限价之一，不能两者都给，也不能都不给。</translation>
        </message>
        <message>
            <source>Ask and bid prices need a floor price: with a fixed price every trade is at that price.</source>
            <translation>卖方要价和买方出价需要最低限价模式：采用固定价格时，所有交易都按该价格成交。</translation>
        </message>
        <message>
            <source>Enclave settlement: the amounts are the value of equity shares, not payments.</source>
            <translation>飞地结算：金额为股权价值，而非支付金额。</translation>
        </message>
        <message>
            <source>Pro rata</source>
            <translation>按比例</translation>
        </message>
        <message>
            <source>Nearest first</source>
            <translation>就近优先</translation>
        </message>
        <message>
            <source>Payment</source>
            <translation>直接支付</translation>
        </message>
        <message>
            <source>Enclave (equity share)</source>
            <translation>飞地（股权）</translation>
        </message>
        <message>
            <source>Market: {traded:.2f} ha traded at {price:.2f} yuan/ha = {amount:.2f} yuan ({settlement}, {allocation}; {sellers} sellers, {buyers} buyers, {trades} trades).</source>
            <translation>交易：以 {price:.2f} 元/公顷成交 {traded:.2f} 公顷，金额 {amount:.2f} 元（{settlement}，{allocation}；卖方 {sellers} 个，买方 {buyers} 个，交易 {trades} 笔）。</translation>
        </message>
        <message>
            <source>Offered {supply:.2f} ha, asked {demand:.2f} ha at the clearing price.</source>
            <translation>在出清价格下，供给 {supply:.2f} 公顷，需求 {demand:.2f} 公顷。</translation>
        </message>
        <message>
            <source>Kept out of the market (in_market 0: key ecological function zones): {ids}.</source>
            <translation>未参与交易（in_market 为 0：重点生态功能区）：{ids}。</translation>
        </message>
        <message>
            <source>Results written to {path}</source>
            <translation>结果已写入 {path}</translation>
        </message>
        <message>
            <source>The algorithm {id} is not available; is the Guotu provider loaded?</source>
            <translation>算法 {id} 不可用；国土处理工具是否已加载？</translation>
        </message>
        <message>
            <source>The style of layer "{layer}" was not saved in the GeoPackage: {error}</source>
            <translation>图层“{layer}”的样式未能保存到 GeoPackage：{error}</translation>
        </message>
        <message>
            <source>The algorithm {id} failed.</source>
            <translation>算法 {id} 运行失败。</translation>
        </message>
        <message>
            <source>The workspace "{path}" is missing the layer "{layer}"; make workspaces with "New three-lines workspace".</source>
            <translation>工作空间“{path}”缺少图层“{layer}”；请用“新建三区三线工作空间”创建工作空间。</translation>
        </message>
        <message>
            <source>the file could not be written</source>
            <translation>无法写入文件</translation>
        </message>
        <message>
            <source>out of memory</source>
            <translation>内存不足</translation>
        </message>
        <message>
            <source>the page could not be printed</source>
            <translation>页面无法打印</translation>
        </message>
        <message>
            <source>an SVG layer could not be made</source>
            <translation>无法生成 SVG 图层</translation>
        </message>
        <message>
            <source>the atlas could not be iterated</source>
            <translation>无法遍历图集</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>error {code}</source>
            <translation>错误 {code}</translation>
        </message>
        <message>
            <source>Exporting the PDF {path} failed: {error}</source>
            <translation>导出 PDF {path} 失败：{error}</translation>
        </message>
        <message>
            <source>Exporting the image {path} failed: {error}</source>
            <translation>导出图片 {path} 失败：{error}</translation>
        </message>
        <message>
            <source>Page {page} of {pages}</source>
            <translation>第 {page} 页，共 {pages} 页</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Writing the village reports…</source>
            <translation>正在生成村级审查报告…</translation>
        </message>
        <message>
            <source>{n} village reports written to {folder}.</source>
            <translation>已将 {n} 份分村审查报告写入 {folder}。</translation>
        </message>
        <message>
            <source>Cancelled: {n} village reports written to {folder} before; none is left half written.</source>
            <translation>已取消：取消前已有 {n} 份村级报告写入 {folder}；不会留下未写完的报告。</translation>
        </message>
        <message>
            <source>Each has the balance sheet of its village from the unit ledger {ledger}.</source>
            <translation>每份报告均附有单元台账 {ledger} 中本村的平衡表。</translation>
        </message>
        <message>
            <source>{k} of them have the balance sheet of their village from the unit ledger {ledger}; it has no unit for the other {rest}.</source>
            <translation>其中 {k} 份附有单元台账 {ledger} 中本村的平衡表；其余 {rest} 份的村在该台账中没有对应单元。</translation>
        </message>
        <message>
            <source>Cannot create the workbook "{path}".</source>
            <translation>无法创建工作簿“{path}”。</translation>
        </message>
        <message>
            <source>Cannot write the workbook "{path}".</source>
            <translation>无法写入工作簿“{path}”。</translation>
        </message>
        <message>
            <source>Units of {field}</source>
            <translation>{field} 的单位</translation>
        </message>
        <message>
            <source>Feature {fid} of layer "{layer}": the unit code "{code}" of field "{field}" has {have} characters; {want} are needed.</source>
            <translation>图层“{layer}”的要素 {fid}：字段“{field}”的单位代码“{code}”只有 {have} 位，需要 {want} 位。</translation>
        </message>
        <message>
            <source>Layer "{layer}" has no parcel with a geometry to make units of.</source>
            <translation>图层“{layer}”中没有带几何的图斑，无法生成单位。</translation>
        </message>
        <message>
            <source>The parcels of unit "{unit}" of layer "{layer}" could not be merged into one polygon.</source>
            <translation>图层“{layer}”中单位“{unit}”的图斑无法合并为一个面。</translation>
        </message>
        <message>
            <source>The area check compares each parcel's area with its field "{field}", but the land use "{layer}" is a raster: give a polygon layer, or leave the official area field empty.</source>
            <translation>面积核查将每个图斑的面积与其字段“{field}”比较，但土地利用“{layer}”是栅格：请提供面状图层，或将官方面积字段留空。</translation>
        </message>
        <message>
            <source>Feature {fid} of layer "{layer}": the deduction coefficient field "{field}" is "{value}"; a number is needed.</source>
            <translation>图层“{layer}”的要素 {fid}：扣除地类系数字段“{field}”的值为“{value}”，需要数字。</translation>
        </message>
        <message>
            <source>the land use</source>
            <translation>土地利用图层</translation>
        </message>
        <message>
            <source>the plugin has no I/O library</source>
            <translation>插件缺少输入输出库</translation>
        </message>
        <message>
            <source>Layer "{layer}": {field} "{code}" is named both "{a}" and "{b}"; one name per code is needed.</source>
            <translation>图层“{layer}”：{field}“{code}”同时名为“{a}”和“{b}”；每个代码只能有一个名称。</translation>
        </message>
        <message>
            <source>the land use is a raster</source>
            <translation>土地利用为栅格</translation>
        </message>
        <message>
            <source>the mask</source>
            <translation>掩膜图层</translation>
        </message>
        <message>
            <source>{role}: another CRS than the zones</source>
            <translation>{role}：坐标系与分区图层不同</translation>
        </message>
        <message>
            <source>Cross-city border review (跨市边界冲突审查)</source>
            <translation>跨市边界冲突审查</translation>
        </message>
        <message>
            <source>Border conflicts</source>
            <translation>边界冲突</translation>
        </message>
        <message>
            <source>Mark agreed</source>
            <translation>标为已认可</translation>
        </message>
        <message>
            <source>Mark exception…</source>
            <translation>标为例外…</translation>
        </message>
        <message>
            <source>Reopen</source>
            <translation>重新打开</translation>
        </message>
        <message>
            <source>Compare borders…</source>
            <translation>比对边界…</translation>
        </message>
        <message>
            <source>Pair report (PDF)…</source>
            <translation>城市对报告（PDF）…</translation>
        </message>
        <message>
            <source>Open round comparison…</source>
            <translation>打开轮次比对…</translation>
        </message>
        <message>
            <source>Adds the round comparison of a GeoPackage (guotu:framerounds or guotu framework rounds), and its element indicators when the file holds them, to the project and shows it here.</source>
            <translation>将 GeoPackage 中的轮次比对结果（guotu:framerounds 或 guotu framework rounds 的输出）及同一文件中的要素指标加入项目，并在此显示。</translation>
        </message>
        <message>
            <source>These conflicts are in temporary layers: the review is lost when QGIS closes. Save them to a GeoPackage to keep it.</source>
            <translation>这些冲突位于临时图层中：关闭 QGIS 后审核结果将丢失。请保存到 GeoPackage 以保留审核结果。</translation>
        </message>
        <message>
            <source>Save review…</source>
            <translation>保存审核结果…</translation>
        </message>
        <message>
            <source>Choose a city pair, with the shared borders of the same comparison loaded.</source>
            <translation>请选择一个城市对，并加载同一次比对的共同边界图层。</translation>
        </message>
        <message>
            <source>These conflicts are in temporary layers: a review written into them is lost when QGIS closes. Save the comparison to a GeoPackage first?</source>
            <translation>这些冲突位于临时图层中：写入其中的审核结果在关闭 QGIS 后将丢失。是否先将比对结果保存到 GeoPackage？</translation>
        </message>
        <message>
            <source>Conflict</source>
            <translation>冲突</translation>
        </message>
        <message>
            <source>All conflicts</source>
            <translation>全部冲突</translation>
        </message>
        <message>
            <source>Open round comparison</source>
            <translation>打开轮次比对</translation>
        </message>
        <message>
            <source>Round comparison {layer} opened from {path}.</source>
            <translation>已从 {path} 打开轮次比对 {layer}。</translation>
        </message>
        <message>
            <source>Conflict #{id}: {status}.</source>
            <translation>冲突 #{id}：{status}。</translation>
        </message>
        <message>
            <source>Pair report</source>
            <translation>城市对报告</translation>
        </message>
        <message>
            <source>Report written to {path}.</source>
            <translation>报告已写入 {path}。</translation>
        </message>
        <message>
            <source>Save the border review</source>
            <translation>保存边界审核结果</translation>
        </message>
        <message>
            <source>Review saved to {path}; later reviews are saved there too.</source>
            <translation>审核结果已保存到 {path}；之后的审核也将保存在该文件中。</translation>
        </message>
        <message>
            <source>The border review in temporary layers has not been saved and will be lost. Save it to a GeoPackage now?</source>
            <translation>临时图层中的边界审核结果尚未保存，将会丢失。是否现在保存到 GeoPackage？</translation>
        </message>
        <message>
            <source>{n} conflicts on {pairs} borders</source>
            <translation>{pairs} 条边界上共 {n} 处冲突</translation>
        </message>
        <message>
            <source>Border {length} m, area {area}, side {side}</source>
            <translation>边界 {length} 米，面积 {area}，责任方 {side}</translation>
        </message>
        <message>
            <source>Mark exception</source>
            <translation>标为例外</translation>
        </message>
        <message>
            <source> — score {score:.1f}</source>
            <translation> — 得分 {score:.1f}</translation>
        </message>
        <message>
            <source>Note: {note}</source>
            <translation>说明：{note}</translation>
        </message>
        <message>
            <source>{open} open</source>
            <translation>{open} 处待审</translation>
        </message>
        <message>
            <source>Why is conflict #{id} accepted?</source>
            <translation>为什么接受冲突 #{id}？</translation>
        </message>
        <message>
            <source>Land-use conversion matrix</source>
            <translation>土地用途转换矩阵</translation>
        </message>
        <message>
            <source>Conversions layer</source>
            <translation>转换图层</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <source>Sum the layer again (after it was edited or filtered)</source>
            <translation>重新汇总图层（图层编辑或过滤之后）</translation>
        </message>
        <message>
            <source>Zoom to selection</source>
            <translation>缩放到所选</translation>
        </message>
        <message>
            <source>Report (PDF)…</source>
            <translation>报告（PDF）…</translation>
        </message>
        <message>
            <source>Print the conversion report of this layer (map, matrix, Sankey diagram, zones) to a PDF</source>
            <translation>将本图层的土地用途转换报告（地图、矩阵、桑基图、分区）输出为 PDF</translation>
        </message>
        <message>
            <source>Rows: land use before; columns: land use after; hectares. Click a cell to select its pieces on the map (a total selects the whole row or column).</source>
            <translation>行：转换前用途；列：转换后用途；单位：公顷。单击单元格可在地图上选中相应图斑（单击合计则选中整行或整列）。</translation>
        </message>
        <message>
            <source>Shade: area of the change (darker = larger); square: policy status</source>
            <translation>底色：转换面积（越深越大）；方块：政策状态</translation>
        </message>
        <message>
            <source>* (all zones)</source>
            <translation>*（全部分区）</translation>
        </message>
        <message>
            <source>{count} pieces selected in "{layer}": {expression}</source>
            <translation>已在“{layer}”中选中 {count} 个图斑：{expression}</translation>
        </message>
        <message>
            <source>Balance sheet</source>
            <translation>平衡表</translation>
        </message>
        <message>
            <source>Reclamation certificates of the unit</source>
            <translation>本单元复垦券</translation>
        </message>
        <message>
            <source>Zoom to reclaimed parcels</source>
            <translation>缩放至复垦地块</translation>
        </message>
        <message>
            <source>Run the unit ledger…</source>
            <translation>运行单元台账…</translation>
        </message>
        <message>
            <source>Ledger unit</source>
            <translation>单元</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Rule and numbers</source>
            <translation>规则与数据</translation>
        </message>
        <message>
            <source>Certificate</source>
            <translation>复垦券</translation>
        </message>
        <message>
            <source>Cultivated (ha)</source>
            <translation>复垦为耕地（公顷）</translation>
        </message>
        <message>
            <source>Issuable</source>
            <translation>可发券</translation>
        </message>
        <message>
            <source>No unit ledger is loaded: run the unit ledger, or load its unit_ledger table.</source>
            <translation>尚未加载单元台账：请运行单元台账，或加载其 unit_ledger 表。</translation>
        </message>
        <message>
            <source>Reclamation certificates of the unit: {n}</source>
            <translation>本单元复垦券：{n} 张</translation>
        </message>
        <message>
            <source>{n} units. Choose one in the list or select it on the map.</source>
            <translation>共 {n} 个单元。请在列表中选择，或在地图上选中。</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>no (river beach)</source>
            <translation>否（河道滩地）</translation>
        </message>
        <message>
            <source>Cultivated land to keep</source>
            <translation>耕地保有量</translation>
        </message>
        <message>
            <source>Permanent farmland task</source>
            <translation>永久基本农田保护任务</translation>
        </message>
        <message>
            <source>Total construction land</source>
            <translation>建设用地总规模</translation>
        </message>
        <message>
            <source>Urban-rural construction land</source>
            <translation>城乡建设用地规模</translation>
        </message>
        <message>
            <source>New construction on cultivated land</source>
            <translation>新增建设占用耕地规模</translation>
        </message>
        <message>
            <source>Forest cover (%)</source>
            <translation>森林覆盖率（%）</translation>
        </message>
        <message>
            <source>Forest land to keep</source>
            <translation>林地保有量</translation>
        </message>
        <message>
            <source>Forest land taken</source>
            <translation>占用征收林地</translation>
        </message>
        <message>
            <source>no target</source>
            <translation>无目标值</translation>
        </message>
        <message>
            <source>Open three-lines workspace</source>
            <translation>打开三区三线工作空间</translation>
        </message>
        <message>
            <source>Layers from</source>
            <translation>图层来源</translation>
        </message>
        <message>
            <source>Workspace</source>
            <translation>工作空间</translation>
        </message>
        <message>
            <source>Layers and fields</source>
            <translation>图层与字段</translation>
        </message>
        <message>
            <source>Issues</source>
            <translation>问题</translation>
        </message>
        <message>
            <source>Areas of the three lines by admin unit (ellipsoidal, ha)</source>
            <translation>各行政区三条控制线面积（椭球面积，公顷）</translation>
        </message>
        <message>
            <source>Binding plan indicators (约束性指标)</source>
            <translation>约束性指标</translation>
        </message>
        <message>
            <source>Binding indicators…</source>
            <translation>约束性指标…</translation>
        </message>
        <message>
            <source>Opens the binding indicators algorithm with this dock's admin units, land use and farmland; its table is shown here.</source>
            <translation>以本面板的行政区、土地利用和永久基本农田打开约束性指标算法；其结果表显示在此处。</translation>
        </message>
        <message>
            <source>Options</source>
            <translation>选项</translation>
        </message>
        <message>
            <source>Land use (for L14)</source>
            <translation>土地利用（用于 L14）</translation>
        </message>
        <message>
            <source>2020 urban construction land</source>
            <translation>2020 年城镇建设用地</translation>
        </message>
        <message>
            <source>Re-check</source>
            <translation>重新检查</translation>
        </message>
        <message>
            <source>Accept as exception…</source>
            <translation>确认为例外…</translation>
        </message>
        <message>
            <source>Export statistics…</source>
            <translation>导出统计…</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>正在检查…</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <source>Keep the exceptions in</source>
            <translation>例外保存到</translation>
        </message>
        <message>
            <source>Export statistics</source>
            <translation>导出统计</translation>
        </message>
        <message>
            <source>Indicators page of the report</source>
            <translation>报告的约束性指标页</translation>
        </message>
        <message>
            <source>A three-lines workspace</source>
            <translation>三区三线工作空间</translation>
        </message>
        <message>
            <source>Project layers (as delivered)</source>
            <translation>项目中的图层（按交付原样）</translation>
        </message>
        <message>
            <source>Indicators page of the report…</source>
            <translation>报告的约束性指标页…</translation>
        </message>
        <message>
            <source>Admin code</source>
            <translation>行政区代码</translation>
        </message>
        <message>
            <source>Red line</source>
            <translation>生态保护红线</translation>
        </message>
        <message>
            <source>Farmland</source>
            <translation>永久基本农田</translation>
        </message>
        <message>
            <source>Urban boundary</source>
            <translation>城镇开发边界</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>目标值</translation>
        </message>
        <message>
            <source>Issue</source>
            <translation>问题</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>严重程度</translation>
        </message>
        <message>
            <source>Review status</source>
            <translation>处理状态</translation>
        </message>
        <message>
            <source>The re-check was cancelled; the previous results are kept.</source>
            <translation>重新检查已取消，保留上一次的结果。</translation>
        </message>
        <message>
            <source>Accept as exception</source>
            <translation>确认为例外</translation>
        </message>
        <message>
            <source>An exception needs a reason.</source>
            <translation>确认例外须填写理由。</translation>
        </message>
        <message>
            <source>The exception could not be written to the exceptions table.</source>
            <translation>无法将例外写入例外表。</translation>
        </message>
        <message>
            <source>Run the check first.</source>
            <translation>请先运行检查。</translation>
        </message>
        <message>
            <source>No binding indicators of these admin units in the project: run “Binding indicators…”.</source>
            <translation>项目中没有这些行政区的约束性指标：请运行“约束性指标…”。</translation>
        </message>
        <message>
            <source>Exceptions of project layers are kept in a GeoPackage beside the project: you choose it when you accept the first issue.</source>
            <translation>项目图层的例外保存在项目旁的 GeoPackage 中：接受第一个问题时选择该文件。</translation>
        </message>
        <message>
            <source>The three-lines check failed.</source>
            <translation>三区三线检查失败。</translation>
        </message>
        <message>
            <source>Check results: {name}</source>
            <translation>检查结果：{name}</translation>
        </message>
        <message>
            <source>(outside every admin unit)</source>
            <translation>（不在任何行政区内）</translation>
        </message>
        <message>
            <source>The workspace has no exceptions table.</source>
            <translation>工作空间中没有例外表。</translation>
        </message>
        <message>
            <source>Accepted as exception: {rule} ({fingerprint}).</source>
            <translation>已确认为例外：{rule}（{fingerprint}）。</translation>
        </message>
        <message>
            <source>Statistics written to {paths}.</source>
            <translation>统计已写入 {paths}。</translation>
        </message>
        <message>
            <source>Report written to {path} (the indicators from page {page}).</source>
            <translation>报告已写入 {path}（约束性指标自第 {page} 页起）。</translation>
        </message>
        <message>
            <source>The workspace's layers {layers} are not in the project; open the workspace again.</source>
            <translation>工作空间图层 {layers} 不在工程中；请重新打开工作空间。</translation>
        </message>
        <message>
            <source>Choose the layers of the {layers} from the project.</source>
            <translation>请从项目中选择{layers}图层。</translation>
        </message>
        <message>
            <source>Choose the admin code field of layer "{layer}".</source>
            <translation>请选择图层“{layer}”的行政区代码字段。</translation>
        </message>
        <message>
            <source>Error: {message}</source>
            <translation>错误：{message}</translation>
        </message>
        <message>
            <source>Suggestion: {text}</source>
            <translation>建议：{text}</translation>
        </message>
        <message>
            <source>Why is this {rule} issue acceptable (e.g. linear infrastructure approved in the red line)?</source>
            <translation>为什么可以接受这个 {rule} 问题（例如经论证允许穿越红线的线性基础设施）？</translation>
        </message>
        <message>
            <source>From the table “{layer}”.</source>
            <translation>取自表“{layer}”。</translation>
        </message>
        <message>
            <source>Exceptions are kept in {path}.</source>
            <translation>例外保存在 {path}。</translation>
        </message>
        <message>
            <source>The three-lines check returned no {output} layer.</source>
            <translation>三区三线检查没有返回 {output} 图层。</translation>
        </message>
        <message>
            <source>Cannot open the exceptions of "{path}".</source>
            <translation>无法打开“{path}”中的例外。</translation>
        </message>
        <message>
            <source>The algorithm {id} is not available: {error}</source>
            <translation>算法 {id} 不可用：{error}</translation>
        </message>
        <message>
            <source>Rectification parcel review (整治地块审查)</source>
            <translation>整治地块审查</translation>
        </message>
        <message>
            <source>Parcel findings</source>
            <translation>地块审查结果</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>村</translation>
        </message>
        <message>
            <source>Check parcels…</source>
            <translation>审查地块…</translation>
        </message>
        <message>
            <source>Select on map</source>
            <translation>在地图上选中</translation>
        </message>
        <message>
            <source>Village reports (PDF)…</source>
            <translation>分村审查报告（PDF）…</translation>
        </message>
        <message>
            <source>All verdicts</source>
            <translation>全部结论</translation>
        </message>
        <message>
            <source>All villages</source>
            <translation>全部村</translation>
        </message>
        <message>
            <source>Load the parcel reasons of the same check (parcel_reasons) to make reports.</source>
            <translation>请加载同一次审查的地块审查原因图层（parcel_reasons）后再生成报告。</translation>
        </message>
        <message>
            <source>Folder for the village reports</source>
            <translation>分村审查报告的保存文件夹</translation>
        </message>
        <message>
            <source>{total} parcels: {fail} fail, {conditional} with conditions, {passed} pass</source>
            <translation>{total} 个地块：不通过 {fail}，有条件通过 {conditional}，通过 {passed}</translation>
        </message>
        <message>
            <source>Ecological vouchers (生态券)</source>
            <translation>生态券（Ecological vouchers）</translation>
        </message>
        <message>
            <source>Accounting</source>
            <translation>核算</translation>
        </message>
        <message>
            <source>Market</source>
            <translation>交易</translation>
        </message>
        <message>
            <source>Accounts over years: later surveys in place of the target year</source>
            <translation>多年账户：以后续调查代替目标年</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <source>from the data (SJNF)</source>
            <translation>取自数据（SJNF）</translation>
        </message>
        <message>
            <source>Protection rate (empty: over all zones)</source>
            <translation>保护率（不勾选：按全部分区计算）</translation>
        </message>
        <message>
            <source>Cap on the traded volume (ha)</source>
            <translation>交易总量上限（公顷）</translation>
        </message>
        <message>
            <source>Inputs in different CRSs: reproject (otherwise refused)</source>
            <translation>输入图层坐标参照系不同时：重投影（否则拒绝运行）</translation>
        </message>
        <message>
            <source>Trade the vouchers</source>
            <translation>交易生态券</translation>
        </message>
        <message>
            <source>Export report (PDF)…</source>
            <translation>导出报告（PDF）…</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>运行</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>CSV tables (*.csv)</source>
            <translation>CSV 表格 (*.csv)</translation>
        </message>
        <message>
            <source>Choose the zones layer.</source>
            <translation>请选择分区图层。</translation>
        </message>
        <message>
            <source>Choose the land use of both years.</source>
            <translation>请选择两个年份的土地利用。</translation>
        </message>
        <message>
            <source>Choose the land use of the base year.</source>
            <translation>请选择基期的土地利用。</translation>
        </message>
        <message>
            <source>Add the later surveys with their years (at least one).</source>
            <translation>请添加后续调查及其年份（至少一期）。</translation>
        </message>
        <message>
            <source>Two later surveys have the same year; every survey needs its own year.</source>
            <translation>两期后续调查年份相同；每期调查须有各自的年份。</translation>
        </message>
        <message>
            <source>Enter the land-use class field of the later surveys.</source>
            <translation>请输入后续调查的地类字段。</translation>
        </message>
        <message>
            <source>Enter the reference GDP per capita and population density (above 0), or choose another reference.</source>
            <translation>请输入大于 0 的参照人均 GDP 和人口密度，或选择其他参照值。</translation>
        </message>
        <message>
            <source>Enter a price above 0 to trade the vouchers, or switch the market off.</source>
            <translation>请输入大于 0 的价格以交易生态券，或关闭交易。</translation>
        </message>
        <message>
            <source>Choose an existing output folder.</source>
            <translation>请选择一个已存在的输出文件夹。</translation>
        </message>
        <message>
            <source>Export report (PDF)</source>
            <translation>导出报告（PDF）</translation>
        </message>
        <message>
            <source>Zones (counties or ecological units)</source>
            <translation>分区（县或生态单元）</translation>
        </message>
        <message>
            <source>Counties the units are attributed to (optional)</source>
            <translation>生态单元所归属的县域（可选）</translation>
        </message>
        <message>
            <source>Land use (polygons or raster)</source>
            <translation>土地利用（面或栅格）</translation>
        </message>
        <message>
            <source>Target year of the national values</source>
            <translation>全国值的目标年份</translation>
        </message>
        <message>
            <source>GDP per capita (yuan/person)</source>
            <translation>人均 GDP（元/人）</translation>
        </message>
        <message>
            <source>Population density (persons/km²)</source>
            <translation>人口密度（人/平方公里）</translation>
        </message>
        <message>
            <source>Price (yuan per standard-forest ha)</source>
            <translation>价格（元/标准林公顷）</translation>
        </message>
        <message>
            <source>Price rule</source>
            <translation>定价方式</translation>
        </message>
        <message>
            <source>Output folder</source>
            <translation>输出文件夹</translation>
        </message>
        <message>
            <source>Ask price field of sellers (yuan/ha; floor price)</source>
            <translation>卖方报价字段（元/公顷；底价模式）</translation>
        </message>
        <message>
            <source>Bid price field of buyers (yuan/ha; floor price)</source>
            <translation>买方出价字段（元/公顷；底价模式）</translation>
        </message>
        <message>
            <source>Within the plan's bottom lines (optional)</source>
            <translation>在规划底线内核算（可选）</translation>
        </message>
        <message>
            <source>Three-lines workspace (GeoPackage)</source>
            <translation>三区三线工作空间（GeoPackage）</translation>
        </message>
        <message>
            <source>Ecological red line (replaces the workspace's)</source>
            <translation>生态保护红线（替代工作空间中的图层）</translation>
        </message>
        <message>
            <source>Permanent farmland (replaces the workspace's)</source>
            <translation>永久基本农田（替代工作空间中的图层）</translation>
        </message>
        <message>
            <source>Key ecological function zones: field with 1/0</source>
            <translation>重点生态功能区：取值 1/0 的字段</translation>
        </message>
        <message>
            <source>Later survey and its year</source>
            <translation>后续调查及其年份</translation>
        </message>
        <message>
            <source>Cap of each period (ha, comma-separated; empty: the cap of the market)</source>
            <translation>各期交易上限（公顷，逗号分隔；留空：取交易总量上限）</translation>
        </message>
        <message>
            <source>The zones layer "{layer}" has {count} features: zones are counties or ecological units, usually far fewer. Is it really the zones layer?</source>
            <translation>分区图层“{layer}”有 {count} 个要素：分区应为县或生态单元，数量通常少得多。确定这是分区图层吗？</translation>
        </message>
        <message>
            <source>Fixed price</source>
            <translation>固定价格</translation>
        </message>
        <message>
            <source>Floor price</source>
            <translation>最低限价</translation>
        </message>
        <message>
            <source>{year}: {layer}</source>
            <translation>{year}：{layer}</translation>
        </message>
        <message>
            <source>GDP and population are the same field "{field}" of "{layer}": choose the GDP field and the population field.</source>
            <translation>GDP 与人口选的是“{layer}”的同一字段“{field}”：请分别选择 GDP 字段和人口字段。</translation>
        </message>
        <message>
            <source>The zones layer "{layer}" is also chosen as land use: choose the zones (counties or ecological units) and the land use of each year.</source>
            <translation>分区图层“{layer}”同时被选为土地利用：请分别选择分区（县或生态单元）和各年份的土地利用。</translation>
        </message>
        <message>
            <source>Choose the county id field of "{layer}".</source>
            <translation>请选择“{layer}”的县代码字段。</translation>
        </message>
        <message>
            <source>Choose the land-use class field of "{layer}" ({year}).</source>
            <translation>请选择“{layer}”（{year}）的地类字段。</translation>
        </message>
        <message>
            <source>Give one cap per period ({count}), comma-separated, or none.</source>
            <translation>请为每期给出一个上限（共 {count} 个），逗号分隔，或都不给。</translation>
        </message>
        <message>
            <source>The national reference table "{path}" is not a file.</source>
            <translation>全国参照值表“{path}”不是文件。</translation>
        </message>
        <message>
            <source>Writing {path}</source>
            <translation>正在写入 {path}</translation>
        </message>
        <message>
            <source>Report written to {path} ({pages} pages).</source>
            <translation>报告已写入 {path}（共 {pages} 页）。</translation>
        </message>
        <message>
            <source>Warning: </source>
            <translation>警告：</translation>
        </message>
        <message>
            <source>Error: </source>
            <translation>错误：</translation>
        </message>
        <message>
            <source>Choose the "{field}" of the zones layer "{layer}".</source>
            <translation>请选择分区图层“{layer}”的“{field}”。</translation>
        </message>
        <message>
            <source>The later survey "{layer}" has no field "{field}".</source>
            <translation>后续调查“{layer}”没有字段“{field}”。</translation>
        </message>
        <message>
            <source>The bottom lines need the ecological red line and the permanent farmland.</source>
            <translation>底线核算需要生态保护红线和永久基本农田。</translation>
        </message>
        <message>
            <source>The bottom lines need land use as polygons with a class field; a raster cannot be cut by the lines.</source>
            <translation>底线核算需要带地类字段的面状土地利用数据；栅格无法按控制线切分。</translation>
        </message>
        <message>
            <source>The cells of raster layer "{layer}" could not be turned into polygons for the bottom lines: {error}</source>
            <translation>栅格图层“{layer}”的像元无法转为面以叠加底线：{error}</translation>
        </message>
        <message>
            <source>Feature {fid} of layer "{layer}": key function field "{field}" is "{value}"; use 1 or 0 (yes/no, true/false, 是/否).</source>
            <translation>图层“{layer}”的要素 {fid}：重点生态功能区字段“{field}”的值为“{value}”；请使用 1 或 0（是/否、yes/no、true/false）。</translation>
        </message>
        <message>
            <source>Key ecological function zone "{id}" is not a zone of layer "{layer}".</source>
            <translation>重点生态功能区“{id}”不是图层“{layer}”中的分区。</translation>
        </message>
        <message>
            <source>Accounts over years need at least one later survey with its year.</source>
            <translation>多年账户至少需要一期后续调查及其年份。</translation>
        </message>
        <message>
            <source>Accounts over years are kept for zones that trade themselves; with counties run each period on its own.</source>
            <translation>多年账户只为自身参与交易的分区建立；使用县级归属时，请逐期分别运行。</translation>
        </message>
        <message>
            <source>The base year of "{layer}" is not in the data (no SJNF field): enter the base year.</source>
            <translation>“{layer}”的数据中没有基期年份（无 SJNF 字段）：请输入基期年份。</translation>
        </message>
        <message>
            <source>Give one cap per later survey ({periods}), or none.</source>
            <translation>请为每期后续调查给出一个上限（共 {periods} 个），或都不给。</translation>
        </message>
        <message>
            <source>The later survey "{layer}" is given the year {year}, but its data year (SJNF) is {stated}.</source>
            <translation>后续调查“{layer}”标注为 {year} 年，但其数据年份（SJNF）为 {stated} 年。</translation>
        </message>
        <message>
            <source>The later surveys must come in order of year, each after the one before (and after the base year {base}).</source>
            <translation>后续调查须按年份排列，每期晚于前一期（且晚于基期 {base} 年）。</translation>
        </message>
        <message>
            <source>Give either a fixed price or a floor price (yuan per ha, above 0), not both and not neither.</source>
            <translation>请给出固定价格或最低限价（元/公顷，大于 0）之一，不能两者都给，也不能都不给。</translation>
        </message>
        <message>
            <source>The cap must be a volume of 0 ha or more.</source>
            <translation>交易总量上限必须是不小于 0 公顷的数值。</translation>
        </message>
        <message>
            <source>Not cleared: unmet demand {unmet:,.2f} ha (demand {demand:,.2f} − traded {traded:,.2f}), unsold supply {unsold:,.2f} ha (supply {supply:,.2f} − traded {traded:,.2f}). Only traded volumes balance.</source>
            <translation>市场未出清：未满足需求 {unmet:,.2f} 公顷（需求 {demand:,.2f} − 成交 {traded:,.2f}），未售出供给 {unsold:,.2f} 公顷（供给 {supply:,.2f} − 成交 {traded:,.2f}）。只有成交量是平衡的。</translation>
        </message>
        <message>
            <source>Feature {fid} of layer "{layer}": the price field "{field}" is "{value}"; a number (yuan/ha) or nothing is needed.</source>
            <translation>图层“{layer}”的要素 {fid}：价格字段“{field}”的值为“{value}”；需要一个数值（元/公顷）或留空。</translation>
        </message>
        <message>
            <source>Demand exceeds supply at the floor price ({asked:,.2f} ha asked, {offered:,.2f} ha offered at {floor:,.2f} yuan/ha): the buyers' bids raised the clearing price to {price:,.2f} yuan/ha, {above:,.2f} above the floor.</source>
            <translation>在底价下需求超过供给（每公顷 {floor:,.2f} 元时需求 {asked:,.2f} 公顷、供给 {offered:,.2f} 公顷）：买方出价把出清价格抬高到每公顷 {price:,.2f} 元，比底价高 {above:,.2f}。</translation>
        </message>
        <message>
            <source>Feature {fid} of layer "{layer}" (zone "{id}"): the voucher field "{field}" is "{value}"; a number of hectares is needed.</source>
            <translation>图层“{layer}”的要素 {fid}（分区“{id}”）：生态券字段“{field}”的值为“{value}”；需要以公顷为单位的数值。</translation>
        </message>
        <message>
            <source>Feature {fid} of layer "{layer}" (zone "{id}") has no geometry; trades are drawn between points inside the zones.</source>
            <translation>图层“{layer}”的要素 {fid}（分区“{id}”）没有几何图形；交易线连接各分区内部的点。</translation>
        </message>
        <message>
            <source>Feature {fid} of layer "{layer}" (zone "{id}"): no point inside its geometry could be found ({error}).</source>
            <translation>图层“{layer}”的要素 {fid}（分区“{id}”）：无法在其几何图形内部找到点（{error}）。</translation>
        </message>
        <message>
            <source>Demand exceeds supply at the floor price ({asked:,.2f} ha asked, {offered:,.2f} ha offered at {floor:,.2f} yuan/ha): the floor does not bind and scarcity would raise the price, but no buyer's bid sets a higher one, so the clearing price stays at the floor; the unmet demand must be met outside these zones.</source>
            <translation>在底价下需求超过供给（每公顷 {floor:,.2f} 元时需求 {asked:,.2f} 公顷、供给 {offered:,.2f} 公顷）：底价不起约束作用，稀缺会推高价格，但没有买方出更高的价，所以出清价格停在底价；未满足的需求须在这些分区之外满足。</translation>
        </message>
        <message>
            <source>Demand exceeds supply at the fixed price ({asked:,.2f} ha asked, {offered:,.2f} ha offered at {floor:,.2f} yuan/ha): the price cannot rise to ration it; the unmet demand must be met outside these zones.</source>
            <translation>在固定价格下需求超过供给（每公顷 {floor:,.2f} 元时需求 {asked:,.2f} 公顷、供给 {offered:,.2f} 公顷）：价格不能上涨以配给需求；未满足的需求须在这些分区之外满足。</translation>
        </message>
        <message>
            <source>Feature {fid} of layer "{layer}": {message}</source>
            <translation>图层“{layer}”的要素 {fid}：{message}</translation>
        </message>
        <message>
            <source>Supply exceeds demand at the {which} price ({offered:,.2f} ha offered, {asked:,.2f} ha asked at {floor:,.2f} yuan/ha).</source>
            <translation>在{which}价格下供给超过需求（每公顷 {floor:,.2f} 元时供给 {offered:,.2f} 公顷、需求 {asked:,.2f} 公顷）。</translation>
        </message>
        <message>
            <source>floor</source>
            <translation>底</translation>
        </message>
        <message>
            <source>fixed</source>
            <translation>固定</translation>
        </message>
        <message>
            <source>Urban space ({codes})</source>
            <translation>城镇空间（{codes}）</translation>
        </message>
        <message>
            <source>城镇村属性码 separated by commas are needed, e.g. 201,202 (digits, optionally with the A of independent industrial land), not "{text}".</source>
            <translation>需要以逗号分隔的城镇村属性码，如 201,202（数字，可带表示独立工业用地的 A），而不是“{text}”。</translation>
        </message>
        <message>
            <source>A loss of ecological land inside the red line is a violation, not demand a zone may buy away: E is computed without it.</source>
            <translation>生态保护红线内生态用地的损失属于违规，不是可以通过购买抵消的需求：E 的计算不含该损失。</translation>
        </message>
        <message>
            <source>A loss of ecological land inside the red line is counted in E (demand) and flagged as a violation.</source>
            <translation>生态保护红线内生态用地的损失计入 E（需求），并标记为违规。</translation>
        </message>
        <message>
            <source>GDP</source>
            <translation>GDP</translation>
        </message>
        <message>
            <source>population</source>
            <translation>人口</translation>
        </message>
        <message>
            <source>base-year land use</source>
            <translation>基期土地利用</translation>
        </message>
        <message>
            <source>target-year land use</source>
            <translation>目标年土地利用</translation>
        </message>
        <message>
            <source>Key ecological function zones: {count}, accounts computed but kept out of the market (they receive fiscal transfers); their supply {supply:,.2f} ha and demand {demand:,.2f} ha are not traded.</source>
            <translation>国家重点生态功能区：{count} 个，账户照常核算，但不参与交易（已获财政转移支付）；其供给 {supply:,.2f} 公顷和需求 {demand:,.2f} 公顷不进入交易。</translation>
        </message>
        <message>
            <source>Reference: {gdp:.2f} yuan/person, {density:.2f} persons/km² ({how}).</source>
            <translation>参照值：{gdp:.2f} 元/人，{density:.2f} 人/平方公里（{how}）。</translation>
        </message>
        <message>
            <source>The coefficient table "{spec}" is neither a CSV file nor a preset ({presets}).</source>
            <translation>系数表“{spec}”既不是 CSV 文件，也不是预设（{presets}）。</translation>
        </message>
        <message>
            <source>mask</source>
            <translation>掩膜</translation>
        </message>
        <message>
            <source>counties</source>
            <translation>县域</translation>
        </message>
        <message>
            <source>The mask from 城镇村属性码 needs the target year's land use as polygons.</source>
            <translation>按城镇村属性码生成掩膜需要目标年土地利用的面图层。</translation>
        </message>
        <message>
            <source>Key ecological function zones: {count}, in the market like the others.</source>
            <translation>国家重点生态功能区：{count} 个，与其他分区一样参与交易。</translation>
        </message>
        <message>
            <source>national values</source>
            <translation>全国值</translation>
        </message>
        <message>
            <source>over all zones</source>
            <translation>按全部分区计算</translation>
        </message>
        <message>
            <source>entered</source>
            <translation>输入值</translation>
        </message>
        <message>
            <source>Reference: national values of {year}, {gdp:,.2f} yuan/person and {density:.2f} persons/km² (table {table}, line {line}; source: {source}).</source>
            <translation>参照值：{year} 年全国值，人均 {gdp:,.2f} 元、每平方千米 {density:.2f} 人（表 {table}，第 {line} 行；来源：{source}）。</translation>
        </message>
        <message>
            <source>Raw change of standard forest ΣΔM = {dm:,.2f} ha; ΣE = {e:,.2f} ha (supply {supply:,.2f} − demand {demand:,.2f}): E is weighted by G·P per zone and not conserved.</source>
            <translation>标准林面积原始变化 ΣΔM = {dm:,.2f} 公顷；ΣE = {e:,.2f} 公顷（供给 {supply:,.2f} − 需求 {demand:,.2f}）：E 按各分区的 G·P 加权，不守恒。</translation>
        </message>
        <message>
            <source>Feature {fid} of layer "{layer}": the {what} field "{field}" is empty; a number is needed.</source>
            <translation>图层“{layer}”的要素 {fid}：{what}字段“{field}”为空；需要一个数值。</translation>
        </message>
        <message>
            <source>Feature {fid} of layer "{layer}": the {what} field "{field}" is "{value}"; a number is needed.</source>
            <translation>图层“{layer}”的要素 {fid}：{what}字段“{field}”的值为“{value}”；需要一个数值。</translation>
        </message>
        <message>
            <source>Feature {fid} of layer "{layer}" (zone "{id}"): the population in field "{field}" is {value}; it must be more than 0 persons.</source>
            <translation>图层“{layer}”的要素 {fid}（分区“{id}”）：字段“{field}”中的人口为 {value}；人口必须大于 0 人。</translation>
        </message>
        <message>
            <source>Feature {fid} of layer "{layer}" (zone "{id}"): the GDP in field "{field}" is {value}; it must not be negative.</source>
            <translation>图层“{layer}”的要素 {fid}（分区“{id}”）：字段“{field}”中的 GDP 为 {value}；GDP 不能为负数。</translation>
        </message>
        <message>
            <source>The base-year land use "{base}" is in {base_crs} but the target-year land use "{target}" is in {target_crs}. Put both in one CRS, or allow reprojection ("Inputs in different CRSs": reproject).</source>
            <translation>基期土地利用“{base}”的坐标参照系为 {base_crs}，而目标年土地利用“{target}”为 {target_crs}。请将两者置于同一坐标参照系，或允许重投影（“输入图层坐标参照系不同时”：重投影）。</translation>
        </message>
        <message>
            <source>Unknown reference "{reference}"; known: {known}.</source>
            <translation>未知的参照方式“{reference}”；可用：{known}。</translation>
        </message>
        <message>
            <source>Choose the county id field of layer "{layer}".</source>
            <translation>请选择图层“{layer}”的县域代码字段。</translation>
        </message>
        <message>
            <source>Bottom lines: ΔM inside the ecological red line {redline:,.2f} ha, inside permanent farmland {farmland:,.2f} ha.</source>
            <translation>底线：生态保护红线内 ΔM {redline:,.2f} 公顷，永久基本农田内 {farmland:,.2f} 公顷。</translation>
        </message>
        <message>
            <source>Violations: {loss:,.2f} ha of standard forest ({area:,.2f} ha of land, {pieces} pieces) lost inside the red line in {zones} zones.</source>
            <translation>违规：{zones} 个分区在生态保护红线内损失标准林 {loss:,.2f} 公顷（土地 {area:,.2f} 公顷，{pieces} 个图斑）。</translation>
        </message>
        <message>
            <source>Demand exceeds supply by {gap:,.2f} ha: a market inside these zones cannot meet it.</source>
            <translation>需求超过供给 {gap:,.2f} 公顷：这些分区内部的市场无法满足。</translation>
        </message>
        <message>
            <source>Cannot read the national reference table "{path}": {error}</source>
            <translation>无法读取全国参照值表“{path}”：{error}</translation>
        </message>
        <message>
            <source>Cannot read the coefficient table "{path}": {error}</source>
            <translation>无法读取系数表“{path}”：{error}</translation>
        </message>
        <message>
            <source>Features {first} and {second} of the zone table "{layer}" have the same zone id "{id}" in field "{field}"; each zone needs one row.</source>
            <translation>分区属性表“{layer}”的要素 {first} 和 {second} 在字段“{field}”中的分区代码相同（“{id}”）；每个分区只能有一行。</translation>
        </message>
        <message>
            <source>The zone table "{layer}" has no row for zone "{id}" (field "{field}").</source>
            <translation>分区属性表“{layer}”中没有分区“{id}”的记录（字段“{field}”）。</translation>
        </message>
        <message>
            <source>Feature {fid} of layer "{layer}": the data year SJNF is "{value}", not a year.</source>
            <translation>图层“{layer}”的要素 {fid}：数据年份 SJNF 为“{value}”，不是年份。</translation>
        </message>
        <message>
            <source>Layer "{layer}" holds data of the years {first} and {second} (SJNF): enter the base year.</source>
            <translation>图层“{layer}”含有 {first} 年和 {second} 年的数据（SJNF）：请输入基期年份。</translation>
        </message>
        <message>
            <source>The {role} layer "{layer}" is in {crs} but the zones layer "{zones}" is in {zones_crs}. Put them in one CRS, or allow reprojection ("Inputs in different CRSs": reproject).</source>
            <translation>{role}图层“{layer}”的坐标参照系为 {crs}，而分区图层“{zones}”为 {zones_crs}。请将它们置于同一坐标参照系，或允许重投影（“输入图层坐标参照系不同时”：重投影）。</translation>
        </message>
        <message>
            <source>The target-year land use "{layer}" states the data year {stated} (SJNF), but the target year of the national values is {year}: set the target year to {stated}.</source>
            <translation>目标年土地利用“{layer}”的数据年份为 {stated} 年（SJNF），而全国参考值的目标年为 {year} 年：请将目标年设为 {stated} 年。</translation>
        </message>
        <message>
            <source>Supply exceeds demand by {gap:,.2f} ha: a market inside these zones cannot sell it.</source>
            <translation>供给超过需求 {gap:,.2f} 公顷：这些分区内部的市场无法售出。</translation>
        </message>
        <message>
            <source>Feature {fid} of layer "{layer}" (zone "{id}") has a land area of {area} ha; a zone needs an area above 0.</source>
            <translation>图层“{layer}”的要素 {fid}（分区“{id}”）的土地面积为 {area} 公顷；分区面积必须大于 0。</translation>
        </message>
        <message>
            <source>Violation: zone {id} {name} lost {loss:,.2f} ha of standard forest ({area:,.2f} ha of land) inside the red line.</source>
            <translation>违规：分区 {id} {name} 在生态保护红线内损失标准林 {loss:,.2f} 公顷（土地 {area:,.2f} 公顷）。</translation>
        </message>
        <message>
            <source>Feature {fid} of layer "{layer}": "{value}" in field "{field}" is not a price (yuan per ha, &gt;= 0).</source>
            <translation>图层“{layer}”的要素 {fid}：字段“{field}”中的“{value}”不是价格（元/公顷，≥ 0）。</translation>
        </message>
        <message>
            <source>Cannot add the price fields to layer "{layer}".</source>
            <translation>无法向图层“{layer}”添加价格字段。</translation>
        </message>
        <message>
            <source>Cannot write the prices into layer "{layer}".</source>
            <translation>无法向图层“{layer}”写入价格。</translation>
        </message>
        <message>
            <source>Layer "{layer}" has no field "{field}".</source>
            <translation>图层“{layer}”没有字段“{field}”。</translation>
        </message>
        <message>
            <source>Standard forest, base year (ha)</source>
            <translation>基期标准林面积（公顷）</translation>
        </message>
        <message>
            <source>Standard forest, target year (ha)</source>
            <translation>目标年标准林面积（公顷）</translation>
        </message>
        <message>
            <source>Raw change ΣΔM (ha)</source>
            <translation>原始变化 ΣΔM（公顷）</translation>
        </message>
        <message>
            <source>Supply: Σ E of sellers (ha)</source>
            <translation>供给：卖方 E 之和（公顷）</translation>
        </message>
        <message>
            <source>Demand: Σ |E| of buyers (ha)</source>
            <translation>需求：买方 |E| 之和（公顷）</translation>
        </message>
        <message>
            <source>ΣE = supply − demand (ha; not ΣΔM)</source>
            <translation>ΣE = 供给 − 需求（公顷；不等于 ΣΔM）</translation>
        </message>
        <message>
            <source>Traded (ha)</source>
            <translation>成交量（公顷）</translation>
        </message>
        <message>
            <source>Unmet demand (ha)</source>
            <translation>未满足需求（公顷）</translation>
        </message>
        <message>
            <source>Unsold supply (ha)</source>
            <translation>未售出供给（公顷）</translation>
        </message>
        <message>
            <source>Clearing price (yuan/ha)</source>
            <translation>出清价格（元/公顷）</translation>
        </message>
        <message>
            <source>Traded amount (yuan)</source>
            <translation>成交金额（元）</translation>
        </message>
        <message>
            <source>Sellers</source>
            <translation>卖方数</translation>
        </message>
        <message>
            <source>Buyers</source>
            <translation>买方数</translation>
        </message>
        <message>
            <source>Reference GDP per capita (yuan/person)</source>
            <translation>参照人均 GDP（元/人）</translation>
        </message>
        <message>
            <source>Reference population density (persons/km²)</source>
            <translation>参照人口密度（人/平方公里）</translation>
        </message>
        <message>
            <source>Enclave (飞地): amounts are equity value</source>
            <translation>飞地：金额为股权价值</translation>
        </message>
        <message>
            <source>balanced</source>
            <translation>平衡</translation>
        </message>
        <message>
            <source>Areas</source>
            <translation>面积计算</translation>
        </message>
        <message>
            <source>Raster cells</source>
            <translation>栅格单元计入方式</translation>
        </message>
        <message>
            <source>Price</source>
            <translation>价格</translation>
        </message>
        <message>
            <source>National reference table</source>
            <translation>全国参照值表</translation>
        </message>
        <message>
            <source>Line of the table</source>
            <translation>表中行号</translation>
        </message>
        <message>
            <source>Source of the reference</source>
            <translation>参照值来源</translation>
        </message>
        <message>
            <source>National population (persons) on land area</source>
            <translation>全国人口（人）及国土面积</translation>
        </message>
        <message>
            <source>Price effect</source>
            <translation>价格效应</translation>
        </message>
        <message>
            <source>Cap (ha)</source>
            <translation>总量上限（公顷）</translation>
        </message>
        <message>
            <source>Bottom lines</source>
            <translation>底线</translation>
        </message>
        <message>
            <source>Key ecological function zones: field</source>
            <translation>重点生态功能区：字段</translation>
        </message>
        <message>
            <source>Key ecological function zones: ids</source>
            <translation>重点生态功能区：编码</translation>
        </message>
        <message>
            <source>Periods</source>
            <translation>各期</translation>
        </message>
        <message>
            <source>Cap of each period (ha)</source>
            <translation>各期交易上限（公顷）</translation>
        </message>
        <message>
            <source>Opening balances</source>
            <translation>期初余额</translation>
        </message>
        <message>
            <source>base year</source>
            <translation>基期</translation>
        </message>
        <message>
            <source>protection rate</source>
            <translation>保护率</translation>
        </message>
        <message>
            <source>exact cell fractions</source>
            <translation>按单元精确比例</translation>
        </message>
        <message>
            <source>cell centres</source>
            <translation>按单元中心</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <source>(default)</source>
            <translation>（默认）</translation>
        </message>
        <message>
            <source>Baseline</source>
            <translation>基线</translation>
        </message>
        <message>
            <source>balance</source>
            <translation>余额</translation>
        </message>
        <message>
            <source>E of the period</source>
            <translation>本期 E</translation>
        </message>
        <message>
            <source>Standard forest by zone: base year M₀, target year Mₜ and change ΔM (ha)</source>
            <translation>各分区标准林：基期 M₀、目标年 Mₜ 及变化 ΔM（公顷）</translation>
        </message>
        <message>
            <source>Accounts over years: opening balance, E, bought, sold and closing balance by period (ha)</source>
            <translation>多年账户：各期期初余额、E、购入、售出和期末余额（公顷）</translation>
        </message>
        <message>
            <source>Position = opening + E is what a zone brings to the period's market; closing = position + bought − sold opens the next period.</source>
            <translation>头寸 = 期初 + E，即分区带入本期交易的数量；期末 = 头寸 + 购入 − 售出，作为下一期的期初。</translation>
        </message>
        <message>
            <source>sells</source>
            <translation>出售</translation>
        </message>
        <message>
            <source>buys</source>
            <translation>购买</translation>
        </message>
        <message>
            <source>Zones: vouchers by zone, largest supply first</source>
            <translation>分区生态券（按供给量从大到小）</translation>
        </message>
        <message>
            <source>Parameters and inputs of the run</source>
            <translation>本次计算的参数与输入</translation>
        </message>
        <message>
            <source>Vouchers (E, ha)</source>
            <translation>生态券（E，公顷）</translation>
        </message>
        <message>
            <source>Voucher trades (width ∝ volume)</source>
            <translation>生态券交易（线宽 ∝ 交易量）</translation>
        </message>
        <message>
            <source>national values of {year}</source>
            <translation>{year} 年全国值</translation>
        </message>
        <message>
            <source>{role}; key ecological function zone</source>
            <translation>{role}；重点生态功能区</translation>
        </message>
        <message>
            <source>Ecological voucher account (生态券)</source>
            <translation>生态券核算</translation>
        </message>
        <message>
            <source>Key figures</source>
            <translation>主要指标</translation>
        </message>
        <message>
            <source>M₀, base year (ha)</source>
            <translation>M₀，基期（公顷）</translation>
        </message>
        <message>
            <source>Mₜ, target year (ha)</source>
            <translation>Mₜ，目标年（公顷）</translation>
        </message>
        <message>
            <source>ΔM = Mₜ − M₀ (ha)</source>
            <translation>ΔM = Mₜ − M₀（公顷）</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>期间</translation>
        </message>
        <message>
            <source>Opening (ha)</source>
            <translation>期初（公顷）</translation>
        </message>
        <message>
            <source>E (ha)</source>
            <translation>E（公顷）</translation>
        </message>
        <message>
            <source>Bought (ha)</source>
            <translation>购入（公顷）</translation>
        </message>
        <message>
            <source>Sold (ha)</source>
            <translation>售出（公顷）</translation>
        </message>
        <message>
            <source>Closing (ha)</source>
            <translation>期末（公顷）</translation>
        </message>
        <message>
            <source>Balance of the region</source>
            <translation>区域平衡</translation>
        </message>
        <message>
            <source>"{path}" has no layer "voucher"; is it the output of the voucher accounting?</source>
            <translation>“{path}”中没有图层“voucher”；它是生态券核算的结果吗？</translation>
        </message>
        <message>
            <source>not used (base-year baseline)</source>
            <translation>不适用（基期基线）</translation>
        </message>
        <message>
            <source>Reference: national values of {year} (table {table}, line {line}; source: {source}).</source>
            <translation>参照值：{year} 年全国值（表 {table}，第 {line} 行；来源：{source}）。</translation>
        </message>
        <message>
            <source>{role}; key ecological function zone, out of the market</source>
            <translation>{role}；重点生态功能区，不参与交易</translation>
        </message>
        <message>
            <source>Balance of every zone's account by year (ha)</source>
            <translation>各分区账户逐年余额（公顷）</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>E × price, not traded (yuan)</source>
            <translation>E × 价格，非成交金额（元）</translation>
        </message>
        <message>
            <source>Reference: {how}.</source>
            <translation>参照值：{how}。</translation>
        </message>
        <message>
            <source>computed {when}</source>
            <translation>计算时间 {when}</translation>
        </message>
        <message>
            <source>{value} (not used: base-year baseline)</source>
            <translation>{value}（不适用：基期基线）</translation>
        </message>
        <message>
            <source>the data provider cannot store styles</source>
            <translation>该数据提供程序无法保存样式</translation>
        </message>
        <message>
            <source>Guotu ecological voucher style</source>
            <translation>国土生态券样式</translation>
        </message>
        <message>
            <source>the data provider refused the style</source>
            <translation>数据提供程序拒绝保存该样式</translation>
        </message>
        <message>
            <source>could not be opened</source>
            <translation>无法打开</translation>
        </message>
        <message>
            <source>Up to {high} ha</source>
            <translation>{high} 公顷以下</translation>
        </message>
        <message>
            <source>{low}–{high} ha</source>
            <translation>{low}–{high} 公顷</translation>
        </message>
        <message>
            <source>the old style could not be replaced</source>
            <translation>无法替换原有样式</translation>
        </message>
        <message>
            <source>About unchanged (within ±{band} ha)</source>
            <translation>基本不变（±{band} 公顷以内）</translation>
        </message>
        <message>
            <source>About balanced (within ±{band} ha)</source>
            <translation>基本平衡（±{band} 公顷以内）</translation>
        </message>
        <message>
            <source>Loss {low}–{high} ha</source>
            <translation>减少 {low}–{high} 公顷</translation>
        </message>
        <message>
            <source>Buys {low}–{high} ha</source>
            <translation>购买 {low}–{high} 公顷</translation>
        </message>
        <message>
            <source>Gain {low}–{high} ha</source>
            <translation>增加 {low}–{high} 公顷</translation>
        </message>
        <message>
            <source>Sells {low}–{high} ha</source>
            <translation>出售 {low}–{high} 公顷</translation>
        </message>
        <message>
            <source>&lt;p&gt;Prints the review report of the border comparison, one PDF per city pair with conflicts (or the pair given as &lt;i&gt;A,B&lt;/i&gt;): the border strip by status with the conflicts, the pair's numbers, and every conflict with its review. The inputs are the outputs of &lt;i&gt;Cross-city boundary conflicts&lt;/i&gt; or of &lt;i&gt;guotu border&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;With the results of &lt;i&gt;Transmission indicators of cross-city elements&lt;/i&gt; (or of &lt;i&gt;guotu framework indicators&lt;/i&gt;), the report adds the indicators of the catalogue elements both cities have a part of — each city's part and the border strips on both sides — and the findings on them.&lt;/p&gt;</source>
            <translation type="vanished">&lt;p&gt;打印边界比对的审查报告，每个有冲突的城市对（或以 &lt;i&gt;A,B&lt;/i&gt; 给出的城市对）一个 PDF：按状态显示的边界带及冲突、该城市对的统计数字，以及每处冲突及其审查意见。输入为&lt;i&gt;跨市边界冲突&lt;/i&gt;或 &lt;i&gt;guotu border&lt;/i&gt; 的输出。&lt;/p&gt;&lt;p&gt;若给出&lt;i&gt;跨市要素传导指标&lt;/i&gt;（或 &lt;i&gt;guotu framework indicators&lt;/i&gt;）的结果，报告还会列出两市都有部分的名录要素的指标——各市部分及两侧边界带——以及相关问题。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Code "{code}" of the {layer} raster has no category ({area:.2f} ha reported as "unknown").</source>
            <translation type="vanished">{layer} 栅格的编码“{code}”没有类别（{area:.2f} 公顷记为“未知”）。</translation>
        </message>
        <message>
            <source>Layer "{layer}" is in {crs}, a geographic CRS: corridors and lengths are metres. Choose a projected CRS for the comparison (e.g. EPSG:4527, CGCS2000 / 3-degree Gauss-Kruger zone 39).</source>
            <translation type="vanished">图层“{layer}”的坐标系 {crs} 为地理坐标系，而缓冲带宽度和长度以米计。请为比对选择投影坐标系（如 EPSG:4527，CGCS2000 / 3 度带高斯-克吕格 39 带）。</translation>
        </message>
        <message>
            <source>The work CRS {crs} is geographic: the border strips and slopes need metres. Use a DEM in a projected CRS (e.g. EPSG:4527).</source>
            <translation type="vanished">工作坐标系 {crs} 为地理坐标系：交界带和坡度需以米为单位。请使用投影坐标系的 DEM（如 EPSG:4527）。</translation>
        </message>
        <message>
            <source>&lt;p&gt;Finds where adjacent cities' (or counties') submitted ecological elements disagree along their shared borders (三下三上 coordination).&lt;/p&gt;&lt;p&gt;Shared borders are found robustly: small gaps and overlaps between neighbours within the base-map tolerance still give one border; the base map's own overlaps, gaps and invalid geometry are reported as base-map issues.&lt;/p&gt;&lt;p&gt;Within the corridor on each side of a border: &lt;b&gt;overlap&lt;/b&gt; — an element beyond its own city, or both cities' elements on the same ground; &lt;b&gt;gap&lt;/b&gt; — one side's element reaches the border, the other's stops short: an unprotected strip; &lt;b&gt;discontinuity&lt;/b&gt; — one side's element reaches the border, the other side has nothing; &lt;b&gt;category mismatch&lt;/b&gt; — both reach it with different categories (red line against farmland...).&lt;/p&gt;&lt;p&gt;Elements: one layer with a city field (the admin id) and a category field, or one layer per city named by its admin id. Elements with no city or an unknown city are reported, not compared.&lt;/p&gt;&lt;p&gt;Lengths and corridors are metres: geographic data needs a projected CRS for the comparison. Per city pair: the length of coordinated border and of each conflict kind, and a score (weighted conflict length per 100 m of border faced by an element) to sort by.&lt;/p&gt;</source>
            <translation type="vanished">&lt;p&gt;查找相邻城市（或区县）上报的生态要素在共同边界处的不一致（三下三上协调）。&lt;/p&gt;&lt;p&gt;稳健地识别共同边界：相邻行政区之间在底图容差内的小缝隙和重叠仍视为同一条边界；底图自身的重叠、缝隙和无效几何作为底图问题报告。&lt;/p&gt;&lt;p&gt;在边界两侧的缓冲带内：&lt;b&gt;重叠&lt;/b&gt;——要素越出本市范围，或两市要素覆盖同一地块；&lt;b&gt;缝隙&lt;/b&gt;——一侧要素到达边界，另一侧要素未到边界即止：形成无人保护的条带；&lt;b&gt;不连续&lt;/b&gt;——一侧要素到达边界，另一侧没有要素；&lt;b&gt;类别不一致&lt;/b&gt;——两侧要素都到达边界但类别不同（如生态保护红线对永久基本农田）。&lt;/p&gt;&lt;p&gt;要素：一个带城市字段（行政区代码）和类别字段的图层，或每个城市一个以其行政区代码命名的图层。没有城市或城市代码不在行政区图层中的要素会被报告，不参与比对。&lt;/p&gt;&lt;p&gt;长度和缓冲带以米计：地理坐标数据需要选择投影坐标系进行比对。按城市对统计：已协调边界长度、各类冲突长度，以及可据以排序的冲突得分（每 100 米有要素面对的边界上的加权冲突长度）。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;Computes the transmission indicators of the catalogue's cross-city elements per element, per city part (the city's submitted features of the element) and per border strip (each part within the strip width of another city's part), and checks each city part against the city's thresholds.&lt;/p&gt;&lt;p&gt;Indicators: area; elevation min, mean and max and slope mean and share steeper than the threshold from the DEM (slope by Horn's method on the ground size of the cells, exact cell fractions at the element boundary); forest share from the land use (the forest codes, by default the 三调 forest classes), polygons with a code field or a raster of class values (0301 matches the cell value 301; exact cell fractions at the boundary).&lt;/p&gt;&lt;p&gt;Thresholds: a CSV with the columns city, element_type, indicator, min, max (an empty bound is open; shares are fractions). Findings: a part outside its city's threshold; a threshold the city did not set; two cities holding one element to different thresholds; indicators that jump between the strips on the two sides of a border; a DEM or a land-use raster that does not cover a part. The catalogue check runs as well.&lt;/p&gt;&lt;p&gt;The work CRS is the DEM's and must be projected in metres; elements and land-use polygons are reprojected to it; a land-use raster must be in it (it is never resampled).&lt;/p&gt;</source>
            <translation type="vanished">&lt;p&gt;按要素、城市部分（该市提交的该要素图斑）和边界带（每个部分在另一城市部分的边界带宽度范围内的部分）计算名录中跨市生态要素的传导指标，并将各城市部分与该市阈值比对。&lt;/p&gt;&lt;p&gt;指标：面积；由 DEM 计算的最低、平均、最高高程以及平均坡度和坡度大于阈值的占比（坡度按 Horn 方法基于栅格单元的地面尺寸计算，要素边界处按单元精确覆盖比例）；由土地利用计算的森林覆盖占比（森林地类编码，默认为三调森林地类），土地利用可以是带地类编码字段的图斑，也可以是地类值栅格（0301 与栅格值 301 相匹配；边界处按单元精确覆盖比例）。&lt;/p&gt;&lt;p&gt;阈值：含 city、element_type、indicator、min、max 列的 CSV（上下限为空表示不限；占比为小数）。问题：城市部分超出该市阈值；城市未设定阈值；两市对同一要素设定的阈值不同；边界两侧边界带的指标跳变；DEM 或土地利用栅格未覆盖某部分。名录检查同时运行。&lt;/p&gt;&lt;p&gt;工作坐标系为 DEM 的坐标系，必须是以米为单位的投影坐标系；要素和土地利用图斑会重投影到该坐标系；土地利用栅格必须已在该坐标系中（不做重采样）。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;Where objectives have no order (帕累托最优), keep the options no other option beats on every objective. Candidate restoration or consolidation sites are scored on objectives, each to minimise or maximise, written as NAME:min or NAME:max separated by commas.&lt;/p&gt;&lt;p&gt;Objectives the core computes: area_ha; forest_gain_ha — standard-forest ha gained if the site is restored to the target class (the voucher coefficients of the land-use classification); cultivated_change_ha — cultivated land gained when the target is cultivated, otherwise cultivated land lost (negative, net of 田坎); redline_distance_m and redline_contact_m — distance to the red line and length of boundary on or inside it (a CRS in metres). Any other name is a numeric field of the sites (e.g. cost). A site without a value is refused, never ranked last silently.&lt;/p&gt;&lt;p&gt;Every site gets its front (1 = the Pareto front: not dominated by any site; 2 = dominated only by front 1 …) and its crowding distance within the front (larger = a more isolated trade-off; the ends of a front are infinite). Sites with equal scores share a front. A lexicographic order (objective names separated by commas) adds lex_rank, equal scores sharing a rank.&lt;/p&gt;&lt;p&gt;The report plots two objectives (the first two unless chosen) with the first front drawn.&lt;/p&gt;</source>
            <translation type="vanished">&lt;p&gt;当各目标之间没有先后次序（帕累托最优）时，保留在所有目标上都不被其他方案全面超越的方案。候选修复或整治地块按若干目标打分，每个目标写成 名称:min（越小越好）或 名称:max（越大越好），以逗号分隔。&lt;/p&gt;&lt;p&gt;由核心计算的目标：area_ha 面积；forest_gain_ha 修复为目标地类后增加的标准林面积（公顷，采用该土地分类的生态券系数）；cultivated_change_ha 目标地类为耕地时新增的耕地，否则为减少的耕地（负值，扣除田坎）；redline_distance_m 与 redline_contact_m 到生态保护红线的距离及位于红线上或红线内的边界长度（需以米为单位的坐标系）。其他名称为候选地块图层的数值字段（如成本 cost）。缺少取值的地块会被拒绝，绝不会被悄悄排在最后。&lt;/p&gt;&lt;p&gt;每个地块得到其前沿序号（1 为帕累托前沿：不被任何地块支配；2 为只被第 1 前沿支配……）以及在前沿内的拥挤距离（越大表示权衡越独特；前沿两端为无穷大）。得分完全相同的地块位于同一前沿。给出字典序（以逗号分隔的目标名称）时增加 lex_rank 名次，得分相同者名次相同。&lt;/p&gt;&lt;p&gt;报告绘制两个目标的散点图（默认为前两个目标），并画出第 1 前沿。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;Checks the three control lines (三区三线) of a workspace: the ecological protection red line, permanent basic farmland and the urban development boundary.&lt;/p&gt;&lt;p&gt;Rules: L01 invalid geometry, L02 duplicate features, L03 overlaps within a line, L04–L06 overlaps between lines (with the resolution of the 2019 guideline: the urban boundary yields to both, farmland to the red line), L07 slivers, L08 tiny patches, L09 narrow gaps between features of one line, L10 features across admin boundaries; per admin unit L11 the urban expansion multiple over its cap, L12 farmland and L13 red line below target, L14 farmland below the share of cultivated land.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Layers&lt;/b&gt;: the workspace's layers as they are in the project (unsaved edits count), your own layers as delivered (a planning database, a File Geodatabase, shapefiles), or a workspace GeoPackage for the layers not given. Line layers in another CRS than the admin units are reprojected to theirs (the log and the notes say so); geographic CRSs are refused.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Admin fields&lt;/b&gt;: the admin code and name and the targets, matched in any case (defaults: XZQDM, XZQMC, erl_target_ha, pbf_target_ha, urban_2020_ha, expansion_cap). A rule whose target is missing is not checked: L11 without 2020 urban land, L12 without a farmland target, L13 without a red line target, L14 without land use; the notes table says which and why, and the statistics show no value there. Without a cap field the expansion cap below applies to every unit.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Land use&lt;/b&gt; (optional): cultivated land for L14 is the area of the codes whose category in the classification system's conversion preset is cultivated. &lt;b&gt;2020 urban land&lt;/b&gt; (optional): its area in each admin unit replaces the admin layer's urban_2020_ha.&lt;/p&gt;&lt;p&gt;Defaults follow the specification: sliver width 1 m, minimum patch 50 m², expansion cap 1.3, farmland share 0.8; overlaps under 1 m² are minor. Issues whose fingerprint is in the workspace's exceptions table are marked accepted; the exception lapses when the features involved change.&lt;/p&gt;&lt;p&gt;Outputs: issues (areas), issue points (invalid geometry) and statistics by admin unit, with the fields and numbers of &lt;i&gt;guotu lines check&lt;/i&gt;.&lt;/p&gt;</source>
            <translation type="vanished">&lt;p&gt;检查工作空间中的三区三线：生态保护红线、永久基本农田和城镇开发边界。&lt;/p&gt;&lt;p&gt;规则：L01 几何无效，L02 重复要素，L03 同一控制线内重叠，L04–L06 控制线之间重叠（按 2019 年指导意见给出处理建议：城镇开发边界避让另两条线，永久基本农田避让生态保护红线），L07 狭长碎片，L08 细小图斑，L09 同一控制线要素间的狭窄缝隙，L10 要素跨越行政区界线；按行政区检查 L11 城镇开发边界扩展倍数超限，L12 永久基本农田与 L13 生态保护红线低于保护任务，L14 永久基本农田占耕地比例不足。&lt;/p&gt;&lt;p&gt;&lt;b&gt;图层&lt;/b&gt;：工程中的工作空间图层（含未保存的编辑）、按原样交付的自有图层（规划数据库、File Geodatabase、shapefile），未指定的图层从工作空间 GeoPackage 读取。坐标系与行政区不同的控制线图层投影转换到行政区的坐标系（日志和说明表会注明）；地理坐标系不予接受。&lt;/p&gt;&lt;p&gt;&lt;b&gt;行政区字段&lt;/b&gt;：行政区代码、名称和各项任务字段，不区分大小写匹配（默认：XZQDM、XZQMC、erl_target_ha、pbf_target_ha、urban_2020_ha、expansion_cap）。缺少任务字段的规则不予检查：L11 缺少2020年城镇建设用地，L12 缺少永久基本农田保护任务，L13 缺少生态保护红线保护任务，L14 缺少土地利用；说明表列出未检查的规则及原因，统计表中相应数值留空。没有扩展倍数上限字段时，各行政区均采用下面的扩展倍数上限。&lt;/p&gt;&lt;p&gt;&lt;b&gt;土地利用&lt;/b&gt;（可选）：L14 所用耕地面积为分类体系转换预设中类别为耕地的地类编码的面积。&lt;b&gt;2020 年城镇建设用地&lt;/b&gt;（可选）：以其在各行政区内的面积代替行政区图层的 urban_2020_ha。&lt;/p&gt;&lt;p&gt;默认值依据规范：狭长碎片宽度 1 米，最小图斑 50 平方米，扩展倍数上限 1.3，农田占比 0.8；小于 1 平方米的重叠为轻微问题。指纹已登记在工作空间例外表中的问题标为已确认；所涉要素一旦改动，例外即失效。&lt;/p&gt;&lt;p&gt;输出：问题（面）、问题点（几何无效的位置）和按行政区的统计，字段与数值同 &lt;i&gt;guotu lines check&lt;/i&gt;。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;Runs an ecological voucher accounting, a land-use conversion, an area by zone and class, a unit ledger, a three control lines check or a rectification parcel check of a province or the nation county by county on a Dask cluster, and merges the results into one GeoPackage equal to one run over all counties: voucher accounts per county with the market run once on the merged accounts; conversion pieces appended and the matrices summed; areas by zone and class summed; units, parcels, projects, villages and issues appended with their county in the column 'partition' (ids stay the county's own). A unit, project, village or admin unit found in two counties is refused. The lines check sees one county at a time: overlaps and gaps between two counties' features are the border check's.&lt;/p&gt;&lt;p&gt;&lt;b&gt;County packages&lt;/b&gt;: a folder holding one folder (or File Geodatabase) per county.&lt;/p&gt;&lt;p&gt;&lt;b&gt;guotu options&lt;/b&gt;: the options of &lt;code&gt;guotu voucher&lt;/code&gt;, &lt;code&gt;convert&lt;/code&gt;, &lt;code&gt;tally&lt;/code&gt;, &lt;code&gt;ledger&lt;/code&gt;, &lt;code&gt;lines check&lt;/code&gt; or &lt;code&gt;parcels check&lt;/code&gt; (see the README), where {partition} stands for a county's folder, e.g. &lt;code&gt;--zones {partition}/XZQ.gpkg --zone-id XZQDM ...&lt;/code&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Scheduler&lt;/b&gt;: the address of a running &lt;code&gt;dask-scheduler&lt;/code&gt; (tcp://host:8786); empty: a local cluster with one worker per core of this machine. Workers need the same paths (a shared folder) and the guotu tool.&lt;/p&gt;&lt;p&gt;The log shows a line per county (its time, memory and worker); the GeoPackage has a partitions table with the same. Cancel stops the run.&lt;/p&gt;&lt;p&gt;&lt;b&gt;PostGIS connection&lt;/b&gt; and &lt;b&gt;schema&lt;/b&gt; (optional): the merged tables and geometries are also written to that schema, replacing the tables of the same names from an earlier run in one transaction; a failure or a cancel leaves the schema as it was.&lt;/p&gt;</source>
            <translation type="vanished">&lt;p&gt;在 Dask 集群上按县对全省或全国运行生态券核算、土地利用转换、分区地类面积、单元台账、三区三线检查或整治地块审查，并将结果合并为一个 GeoPackage，与对全部县一次运行的结果相同：生态券按县核算，交易市场在合并后的账户上统一运行一次；转换图斑追加，转换矩阵相加；分区地类面积相加；单元、地块、项目、村和问题按县追加，所属县记在“partition”列（编号保持各县自己的编号）。同一单元、项目、村或行政区出现在两个县中将被拒绝。三区三线检查每次只看一个县：两个县要素之间的重叠和缝隙由接边检查负责。&lt;/p&gt;&lt;p&gt;&lt;b&gt;县级数据包&lt;/b&gt;：一个文件夹，每个县一个子文件夹（或 File Geodatabase）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;guotu 选项&lt;/b&gt;：&lt;code&gt;guotu voucher&lt;/code&gt;、&lt;code&gt;convert&lt;/code&gt;、&lt;code&gt;tally&lt;/code&gt;、&lt;code&gt;ledger&lt;/code&gt;、&lt;code&gt;lines check&lt;/code&gt; 或 &lt;code&gt;parcels check&lt;/code&gt; 的选项（见 README），其中 {partition} 表示一个县的文件夹，例如 &lt;code&gt;--zones {partition}/XZQ.gpkg --zone-id XZQDM ...&lt;/code&gt;。&lt;/p&gt;&lt;p&gt;&lt;b&gt;调度器&lt;/b&gt;：正在运行的 &lt;code&gt;dask-scheduler&lt;/code&gt; 的地址（tcp://host:8786）；留空则在本机启动本地集群，每个 CPU 核心一个工作进程。各工作进程需要相同的路径（共享文件夹）和 guotu 工具。&lt;/p&gt;&lt;p&gt;日志中每个县一行（耗时、内存和工作进程）；GeoPackage 中的 partitions 表记录相同内容。点击取消可停止运行。&lt;/p&gt;&lt;p&gt;&lt;b&gt;PostGIS 连接&lt;/b&gt;和&lt;b&gt;模式&lt;/b&gt;（可选）：合并后的表和几何同时写入该模式，在一个事务中替换此前运行留下的同名表；运行失败或取消时该模式保持原样。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;Prints the return list (退回清单) of a round comparison, one PDF per city (or for the city given): every new or persisting major deviation the city must correct, with its length or area and the reviewers' note. The input is the return list of &lt;i&gt;Compare rounds and return list&lt;/i&gt; or of &lt;i&gt;guotu framework rounds&lt;/i&gt;.&lt;/p&gt;</source>
            <translation type="vanished">&lt;p&gt;打印轮次比对的退回清单，每个城市一份 PDF（或仅打印指定城市）：列出该市须整改的所有新增或持续存在的重大偏差，附长度或面积及审核说明。输入为&lt;i&gt;轮次比对与退回清单&lt;/i&gt;或 &lt;i&gt;guotu framework rounds&lt;/i&gt; 输出的退回清单。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Exceptions are kept in a workspace: import the layers into one (Import delivered three-lines layers) to accept issues.</source>
            <translation type="vanished">例外记录保存在工作空间中：请先将图层导入工作空间（导入交付的三区三线图层），再确认例外。</translation>
        </message>
        <message>
            <source>&lt;p&gt;Checks every admin unit against the binding indicators (约束性指标) handed down by the higher-level plan: the measured value, the target, the difference, the ratio and pass or fail with the rule.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Floors&lt;/b&gt; (measured ≥ target): cultivated land to keep 耕地保有量, permanent farmland protection task 永久基本农田保护任务, forest cover 森林覆盖率 (%), forest land to keep 林地保有量. &lt;b&gt;Ceilings&lt;/b&gt; (measured ≤ target): total construction land 建设用地总规模, urban-rural construction land 城乡建设用地规模, new construction on cultivated land 新增建设占用耕地规模, forest land taken 占用征收林地.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Targets&lt;/b&gt; are fields of the admin layer (join a table of targets to it in QGIS when they come apart); choose the field of each target you have. A unit whose target is empty skips that indicator with a note: it never passes. Area targets are in hectares or mu.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Measured&lt;/b&gt;, with ellipsoidal areas inside each unit: cultivated land (net of 田坎 with the deduction coefficient KCXS), forest land, construction land and urban-rural construction land from the land use by the class groups of the 三调 working classification; forest cover is forest land ÷ the unit's area; permanent farmland from the farmland layer; with the earlier survey year, new construction on cultivated land (cultivated → construction) and forest land taken (forest → construction) from the overlay of the two years, whole parcels (gross of 田坎). Without those layers the indicators are 'not measured'.&lt;/p&gt;&lt;p&gt;Outputs: the admin units coloured by the number of failed indicators, the table (one row per unit and indicator, Chinese column names as aliases) and optionally a CSV for the meeting. The same as &lt;code&gt;guotu indicators&lt;/code&gt; on the command line.&lt;/p&gt;</source>
            <translation type="vanished">&lt;p&gt;按上级规划下达的约束性指标逐个检查行政区：实测值、目标值、差值、比值，以及按规则判定的达标与否。&lt;/p&gt;&lt;p&gt;&lt;b&gt;下限&lt;/b&gt;（实测值 ≥ 目标值）：耕地保有量、永久基本农田保护任务、森林覆盖率（%）、林地保有量。&lt;b&gt;上限&lt;/b&gt;（实测值 ≤ 目标值）：建设用地总规模、城乡建设用地规模、新增建设占用耕地规模、占用征收林地。&lt;/p&gt;&lt;p&gt;&lt;b&gt;目标值&lt;/b&gt;为行政区图层的字段（目标另成一表时，请先在 QGIS 中将其连接到行政区图层）；请为已有的每项目标选择字段。某行政区的目标值为空时，该指标不作比较并附说明：绝不判为达标。面积目标的单位为公顷或亩。&lt;/p&gt;&lt;p&gt;&lt;b&gt;实测值&lt;/b&gt;按各行政区内的椭球面积计算：耕地（按扣除系数 KCXS 扣除田坎）、林地、建设用地和城乡建设用地依三调工作分类的地类分组由土地利用数据统计；森林覆盖率为林地面积 ÷ 行政区面积；永久基本农田取自永久基本农田图层；给出前一期调查数据时，新增建设占用耕地（耕地 → 建设用地）和占用征收林地（林地 → 建设用地）由两期数据叠加得出，按整个图斑计（未扣除田坎）。未给出这些图层时，相应指标为“未测算”。&lt;/p&gt;&lt;p&gt;输出：按未达标指标数着色的行政区图、指标表（每个行政区每项指标一行，字段别名为中文列名），以及可选的会议用 CSV。与命令行 &lt;code&gt;guotu indicators&lt;/code&gt; 的结果相同。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;Prints the review report of the border comparison, one PDF per city pair with conflicts (or the pair given as &lt;i&gt;A,B&lt;/i&gt;): the border strip by status with the conflicts, the pair's numbers, and every conflict with its review. The inputs are the outputs of &lt;i&gt;Cross-city boundary conflicts&lt;/i&gt; or of &lt;i&gt;guotu border&lt;/i&gt;.&lt;/p&gt;</source>
            <translation type="vanished">&lt;p&gt;打印边界比对的审查报告，每个有冲突的城市对（或以 &lt;i&gt;A,B&lt;/i&gt; 给出的城市对）一份 PDF：按状态显示的边界条带及冲突、该城市对的统计数字，以及每处冲突及其审核结果。输入为&lt;i&gt;跨市边界冲突&lt;/i&gt;或 &lt;i&gt;guotu border&lt;/i&gt; 的输出。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;Computes the transmission indicators of the catalogue's cross-city elements per element, per city part (the city's submitted features of the element) and per border strip (each part within the strip width of another city's part), and checks each city part against the city's thresholds.&lt;/p&gt;&lt;p&gt;Indicators: area; elevation min, mean and max and slope mean and share steeper than the threshold from the DEM (slope by Horn's method on the ground size of the cells, exact cell fractions at the element boundary); forest share from the land use (the forest codes, by default the 三调 forest classes).&lt;/p&gt;&lt;p&gt;Thresholds: a CSV with the columns city, element_type, indicator, min, max (an empty bound is open; shares are fractions). Findings: a part outside its city's threshold; a threshold the city did not set; two cities holding one element to different thresholds; indicators that jump between the strips on the two sides of a border; a DEM that does not cover a part. The catalogue check runs as well.&lt;/p&gt;&lt;p&gt;The work CRS is the DEM's and must be projected in metres; elements and land use are reprojected to it.&lt;/p&gt;</source>
            <translation type="vanished">&lt;p&gt;按要素、城市部分（该市报送的该要素图斑）和交界带（与另一城市部分相距在交界带宽度以内的部分）计算名录跨市要素的传导指标，并将各城市部分与该市阈值比对。&lt;/p&gt;&lt;p&gt;指标：面积；由 DEM 计算的最低、平均、最高高程以及平均坡度和陡于阈值的坡度占比（按像元地面尺寸用 Horn 法计算坡度，要素边界处按像元精确覆盖比例计）；由土地利用计算的森林覆盖占比（林地编码默认为三调林地地类）。&lt;/p&gt;&lt;p&gt;阈值：CSV 表，列为 city、element_type、indicator、min、max（空值表示不设限；占比为小数）。问题：城市部分超出该市阈值；城市未设阈值；同一要素两市阈值不一致；边界两侧交界带指标跳变；DEM 未覆盖某部分。同时进行名录核查。&lt;/p&gt;&lt;p&gt;工作坐标系为 DEM 的坐标系，须为以米为单位的投影坐标系；要素和土地利用将重投影到该坐标系。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;Runs an ecological voucher accounting or a land-use conversion of a province or the nation county by county on a Dask cluster, and merges the results into one GeoPackage equal to one run over all counties: voucher accounts per county with the market run once on the merged accounts; conversion pieces appended and the matrices summed.&lt;/p&gt;&lt;p&gt;&lt;b&gt;County packages&lt;/b&gt;: a folder holding one folder (or File Geodatabase) per county.&lt;/p&gt;&lt;p&gt;&lt;b&gt;guotu options&lt;/b&gt;: the options of &lt;code&gt;guotu voucher&lt;/code&gt; or &lt;code&gt;guotu convert&lt;/code&gt; (see the README), where {partition} stands for a county's folder, e.g. &lt;code&gt;--zones {partition}/XZQ.gpkg --zone-id XZQDM ...&lt;/code&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Scheduler&lt;/b&gt;: the address of a running &lt;code&gt;dask-scheduler&lt;/code&gt; (tcp://host:8786); empty: a local cluster with one worker per core of this machine. Workers need the same paths (a shared folder) and the guotu tool.&lt;/p&gt;&lt;p&gt;The log shows a line per county (its time, memory and worker); the GeoPackage has a partitions table with the same. Cancel stops the run.&lt;/p&gt;</source>
            <translation type="vanished">&lt;p&gt;在 Dask 集群上按县逐个运行全省或全国的生态券核算或用途转用分析，并将结果合并为一个 GeoPackage，与对全部县一次运行的结果相同：生态券按县核算，交易市场在合并后的账户上只运行一次；用途转用的图斑依次追加，转移矩阵相加。&lt;/p&gt;&lt;p&gt;&lt;b&gt;县级数据包&lt;/b&gt;：一个文件夹，其中每个县一个文件夹（或文件地理数据库）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;guotu 选项&lt;/b&gt;：&lt;code&gt;guotu voucher&lt;/code&gt; 或 &lt;code&gt;guotu convert&lt;/code&gt; 的选项（见 README），其中 {partition} 代表各县的文件夹，例如 &lt;code&gt;--zones {partition}/XZQ.gpkg --zone-id XZQDM ...&lt;/code&gt;。&lt;/p&gt;&lt;p&gt;&lt;b&gt;调度器&lt;/b&gt;：正在运行的 &lt;code&gt;dask-scheduler&lt;/code&gt; 的地址（tcp://主机:8786）；留空则在本机启动本地集群，每个 CPU 核一个工作进程。各工作进程需要相同的路径（共享文件夹）和 guotu 工具。&lt;/p&gt;&lt;p&gt;日志中每个县一行（用时、内存和工作进程）；GeoPackage 中的 partitions 表记录相同信息。点击取消可停止运行。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;The balance sheet of every planning or consolidation unit between the current and the planned land use of each parcel (or two survey years). Units come from a field of the parcels (a unit code, or ZLDWDM) or from a units layer (each parcel in the unit it overlaps most).&lt;/p&gt;&lt;p&gt;L1 cultivated land (耕地 codes: 设施农用地 and 田坎 are not) net of 田坎 (KCXS): opening, lost by cause, gained by cause, 田坎 change, closing; not decreasing. L2 quality (GDDB, 1 best … 15): area by grade and area-weighted mean grade, not worse. L3 permanent farmland adjusted in at least 105 % of what is adjusted out, with a mean grade not worse. L4 construction land reclaimed (拆旧) and newly built (建新): total not increasing. L5 linkage (增减挂钩): reclaimed at least the newly built, no reclaimed parcel on a river beach. L6 standard forest (the voucher coefficients) not decreasing. L7 nothing changed inside the ecological red line except ecological restoration.&lt;/p&gt;&lt;p&gt;A unit passes when every rule passes, fails when one fails, and is undetermined when a rule could not be checked (no grade, no red-line layer, a code without a coefficient). Every threshold is a parameter and is written into the table.&lt;/p&gt;&lt;p&gt;Reclaimed parcels planned as cultivated, garden, forest or grassland get reclamation certificates (复垦券) numbered per project, with the area reclaimed to each and its standard-forest hectares; a parcel on a river beach is not issuable.&lt;/p&gt;</source>
            <translation type="vanished">&lt;p&gt;在每个图斑的现状用途与规划用途之间（或两个调查年份之间），编制每个规划单元或整治单元的资源平衡表。单元取自图斑的字段（单元代码或 ZLDWDM），或取自单元图层（图斑归入与其重叠面积最大的单元）。&lt;/p&gt;&lt;p&gt;L1 耕地数量（耕地编码；设施农用地和田坎不计入），扣除田坎（KCXS）：期初、按原因减少、按原因增加、田坎变化、期末；不减少。L2 耕地质量（GDDB，1 等最好 … 15）：分等别面积和面积加权平均等别，不降低。L3 永久基本农田调入不少于调出的 105%，调入平均等别不低于调出。L4 建设用地拆旧与建新：总量不增加。L5 增减挂钩：拆旧不少于建新，复垦图斑不得位于河道滩地。L6 标准林地（生态券系数）不减少。L7 生态保护红线内除生态保护修复外无变化。&lt;/p&gt;&lt;p&gt;所有规则通过则单元通过，任一规则不通过则单元不通过；没有规则不通过但有规则无法核验（无等别、未提供红线图层、编码无系数）时为待定。所有阈值均为参数，并写入结果表。&lt;/p&gt;&lt;p&gt;规划为耕地、园地、林地或草地的拆旧复垦图斑生成复垦券，按项目编号，记录复垦为各类用地的面积及其标准林地公顷数；位于河道滩地的图斑不可发券。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Planar area needs a projected CRS in metres, but layer "{layer}" is in {crs} (units: {units}). Use the ellipsoidal method or reproject the layer.</source>
            <translation type="vanished">平面面积需要以米为单位的投影坐标系，但图层“{layer}”采用 {crs}（单位：{units}）。请改用椭球面积，或将图层重投影。</translation>
        </message>
        <message>
            <source>&lt;p&gt;Ecological vouchers (生态券): the change of each zone's ecological land between a base year and a target year, in standard-forest hectares, weighted by the zone's wealth and density.&lt;/p&gt;&lt;p&gt;&lt;b&gt;M&lt;sub&gt;t&lt;/sub&gt; = Σ A&lt;sub&gt;i&lt;/sub&gt; · k&lt;sub&gt;i&lt;/sub&gt;&lt;/b&gt;: hectares A of each land-use class outside the mask (e.g. urban space) times its standard-forest coefficient k.&lt;br/&gt;&lt;b&gt;E = (M&lt;sub&gt;t&lt;/sub&gt; − M&lt;sub&gt;0&lt;/sub&gt;) · G · P&lt;/b&gt;: G = GDP per capita ÷ reference GDP per capita, P = population density ÷ reference density. E &amp;gt; 0: the zone can sell vouchers (supply); E &amp;lt; 0: it must buy |E| (demand).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Zones&lt;/b&gt;: counties or ecological units with an id, GDP (yuan) and population (persons) of the target year, or a zone table joined by id. Land area is the zone's area with the chosen method.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Land use&lt;/b&gt; of each year: a polygon layer with a class field or a categorical raster, with its classification system. &lt;b&gt;Coefficients&lt;/b&gt;: the system's preset, or a CSV table (code,k; or code,esv scaled by the esv of a reference class, 21 for CAS, 0301 otherwise).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Reference values&lt;/b&gt; (G and P are ratios to them): the &lt;b&gt;national values&lt;/b&gt; of the target year (default), from the national reference table (default: the preset national_reference.csv, one row per year with its source; add years from each year's NBS statistical communiqué; a year the table lacks is an error); or computed over all zones; or entered. &lt;b&gt;Baseline&lt;/b&gt; M&lt;sub&gt;0&lt;/sub&gt;: the base year, or zone area × protection rate (empty rate: the rate of all zones at the base year).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Price&lt;/b&gt; (optional): amount = E × price, yuan. &lt;b&gt;Counties&lt;/b&gt; (optional): the zones are ecological units whose E is split over the counties by area share.&lt;/p&gt;&lt;p&gt;Inputs in different CRSs are refused unless reprojection is allowed. The summary table records the totals, the reference values used with their source and every input and parameter. E is not conserved: the summary gives the raw change ΣΔM beside ΣE of supply and of demand, and by how much demand exceeds supply (a market inside these zones cannot meet it).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Within the plan's bottom lines&lt;/b&gt; (optional): a three-lines workspace (GeoPackage with ecological_redline and permanent_farmland) or the red line and farmland layers as delivered. ΔM inside the red line and inside farmland is reported per zone. A loss of ecological land inside the red line is a &lt;b&gt;violation&lt;/b&gt; (the violations layer lists the pieces with their classes before and after), not demand a zone may buy away: by default E is computed without it; the other choice counts it in E and flags it. The lines need land use as polygons.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Key ecological function zones&lt;/b&gt; (国家重点生态功能区; a field with 1/0 of the zones, or of the counties when units are attributed, or a list of ids): marked, their accounts computed, and kept out of the market by default (they receive fiscal transfers).&lt;/p&gt;</source>
            <translation type="vanished">&lt;p&gt;生态券：各分区生态用地在基期与目标年之间的变化量，以标准林面积（公顷）计，并按分区的经济水平和人口密度加权。&lt;/p&gt;&lt;p&gt;&lt;b&gt;M&lt;sub&gt;t&lt;/sub&gt; = Σ A&lt;sub&gt;i&lt;/sub&gt; · k&lt;sub&gt;i&lt;/sub&gt;&lt;/b&gt;：掩膜（如城镇空间）以外各地类的面积 A（公顷）乘以其标准林折算系数 k。&lt;br/&gt;&lt;b&gt;E = (M&lt;sub&gt;t&lt;/sub&gt; − M&lt;sub&gt;0&lt;/sub&gt;) · G · P&lt;/b&gt;：G = 人均 GDP ÷ 参照人均 GDP，P = 人口密度 ÷ 参照人口密度。E &amp;gt; 0：该分区可出售生态券（供给）；E &amp;lt; 0：该分区须购买 |E|（需求）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;分区&lt;/b&gt;：县或生态单元，含目标年的代码、GDP（元）和人口（人），或通过代码关联的分区属性表。土地面积按所选方法计算。&lt;/p&gt;&lt;p&gt;每一年的&lt;b&gt;土地利用&lt;/b&gt;：带地类字段的面图层或分类栅格，以及其分类体系。&lt;b&gt;系数&lt;/b&gt;：该分类体系的预设，或 CSV 表（code,k；或 code,esv，按参照地类的 esv 折算，CAS 为 21，其他为 0301）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;参照值&lt;/b&gt;（G 和 P 是相对它们的比值）：默认为目标年份的&lt;b&gt;全国值&lt;/b&gt;，取自全国参照值表（默认为预设表 national_reference.csv，每年一行并注明来源；可根据当年国家统计局统计公报增加年份；表中没有的年份会报错）；也可以按全部分区计算，或手动输入。&lt;b&gt;基线&lt;/b&gt; M&lt;sub&gt;0&lt;/sub&gt;：基期，或分区面积 × 保护率（保护率留空：全部分区基期的保护率）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;价格&lt;/b&gt;（可选）：金额 = E × 价格（元）。&lt;b&gt;县域&lt;/b&gt;（可选）：分区为生态单元，其 E 按面积比例分配到各县。&lt;/p&gt;&lt;p&gt;输入图层坐标参照系不一致时将拒绝计算，除非允许重投影。汇总表记录各项合计、所用参照值及其来源以及全部输入和参数。E 不守恒：汇总表给出原始变化 ΣΔM，以及供给与需求各自的 ΣE，并给出需求超过供给的数量（这些分区内部的市场无法满足）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;在规划底线内核算&lt;/b&gt;（可选）：三区三线工作空间（含 ecological_redline 和 permanent_farmland 的 GeoPackage）或原样交付的生态保护红线、永久基本农田图层。按分区报告红线内和永久基本农田内的 ΔM。生态保护红线内生态用地的损失属于&lt;b&gt;违规&lt;/b&gt;（违规图层列出各图斑及其变化前后地类），不是分区可以购买抵消的需求：默认计算 E 时不含该损失；另一选项将其计入 E 并标记。控制线需要面状土地利用数据。&lt;/p&gt;&lt;p&gt;&lt;b&gt;国家重点生态功能区&lt;/b&gt;（取值 1/0 的分区字段，单元归属到县时为县图层字段，或编码列表）：予以标记，账户照常核算，默认不参与交易（已获财政转移支付）。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>{n} parcels: 通过 pass {p}, 有条件通过 conditional {c}, 不通过 fail {f} (tolerance {t:g} m²).</source>
            <translation type="vanished">共 {n} 个地块：通过 {p}，有条件通过 {c}，不通过 {f}（忽略碎片容差 {t:g} 平方米）。</translation>
        </message>
        <message>
            <source>通过 pass</source>
            <translation type="vanished">通过</translation>
        </message>
        <message>
            <source>有条件通过 pass with conditions</source>
            <translation type="vanished">有条件通过</translation>
        </message>
        <message>
            <source>不通过 fail</source>
            <translation type="vanished">不通过</translation>
        </message>
        <message>
            <source>The workspace "{path}" has no layer "{layer}"; make workspaces with "Create three-lines workspace" or guotu lines init.</source>
            <translation type="vanished" />
        </message>
        <message>
            <source>&lt;p&gt;Computes the area in hectares of every land-use class inside every zone (county, township, ecological unit...), as a table with the fields &lt;b&gt;zone_id&lt;/b&gt;, &lt;b&gt;class_code&lt;/b&gt; and &lt;b&gt;area_ha&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Land use&lt;/b&gt; is either a polygon layer with a class field (integer or text; features with an empty class are reported with an empty class_code) or a categorical integer raster (band 1; nodata cells are skipped). Give exactly one of the two.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Mask&lt;/b&gt; (optional): the area inside these polygons is excluded, e.g. urban space when counting ecological land.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Area method&lt;/b&gt;: ellipsoidal area (椭球面积, as the Third National Land Survey reports it) on the ellipsoid of the CRS, or planar area in a projected CRS in metres.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Invalid geometries&lt;/b&gt;: repaired (and counted in the log) or the run stops naming the layer and feature.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Raster mode&lt;/b&gt;: exact coverage counts cells cut by a zone boundary by their covered fraction; cell centre counts a cell whole when its centre is inside the zone.&lt;/p&gt;&lt;p&gt;Vector land use and the mask are reprojected to the CRS of the zones; with raster land use the zones and the mask are reprojected to the raster's CRS instead, so cells are never resampled. Selected features, layer filters and unsaved edits are taken into account.&lt;/p&gt;</source>
            <translation type="vanished">&lt;p&gt;统计每个分区（县、乡镇、生态单元等）内各地类的面积（公顷），输出包含 &lt;b&gt;zone_id&lt;/b&gt;、&lt;b&gt;class_code&lt;/b&gt;、&lt;b&gt;area_ha&lt;/b&gt; 三个字段的表。&lt;/p&gt;&lt;p&gt;&lt;b&gt;地类&lt;/b&gt;可以是带地类字段的面图层（整数或文本字段；地类为空的要素以空 class_code 输出），也可以是分类整数栅格（第 1 波段；跳过无数据像元）。两者必须且只能提供一种。&lt;/p&gt;&lt;p&gt;&lt;b&gt;掩膜&lt;/b&gt;（可选）：扣除这些面内的面积，例如统计生态用地时扣除城镇空间。&lt;/p&gt;&lt;p&gt;&lt;b&gt;面积计算方法&lt;/b&gt;：按坐标系所在椭球计算椭球面积（与第三次全国国土调查一致），或在以米为单位的投影坐标系中计算平面面积。&lt;/p&gt;&lt;p&gt;&lt;b&gt;无效几何&lt;/b&gt;：自动修复（并在日志中计数），或停止运行并指明图层和要素。&lt;/p&gt;&lt;p&gt;&lt;b&gt;栅格模式&lt;/b&gt;：精确覆盖按像元被分区覆盖的比例计入被分区边界切割的像元；像元中心模式在像元中心位于分区内时计入整个像元。&lt;/p&gt;&lt;p&gt;矢量地类和掩膜会重投影到分区的坐标系；使用栅格地类时则将分区和掩膜重投影到栅格的坐标系，像元从不重采样。计算遵循所选要素、图层过滤条件和未保存的编辑。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;Ecological vouchers (生态券): the change of each zone's ecological land between a base year and a target year, in standard-forest hectares, weighted by the zone's wealth and density.&lt;/p&gt;&lt;p&gt;&lt;b&gt;M&lt;sub&gt;t&lt;/sub&gt; = Σ A&lt;sub&gt;i&lt;/sub&gt; · k&lt;sub&gt;i&lt;/sub&gt;&lt;/b&gt;: hectares A of each land-use class outside the mask (e.g. urban space) times its standard-forest coefficient k.&lt;br/&gt;&lt;b&gt;E = (M&lt;sub&gt;t&lt;/sub&gt; − M&lt;sub&gt;0&lt;/sub&gt;) · G · P&lt;/b&gt;: G = GDP per capita ÷ reference GDP per capita, P = population density ÷ reference density. E &amp;gt; 0: the zone can sell vouchers (supply); E &amp;lt; 0: it must buy |E| (demand).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Zones&lt;/b&gt;: counties or ecological units with an id, GDP (yuan) and population (persons) of the target year, or a zone table joined by id. Land area is the zone's area with the chosen method.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Land use&lt;/b&gt; of each year: a polygon layer with a class field or a categorical raster, with its classification system. &lt;b&gt;Coefficients&lt;/b&gt;: the system's preset, or a CSV table (code,k; or code,esv scaled by the esv of a reference class, 21 for CAS, 0301 otherwise).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Reference values&lt;/b&gt; (G and P are ratios to them): the &lt;b&gt;national values&lt;/b&gt; of the target year (default), from the national reference table (default: the preset national_reference.csv, one row per year with its source; add years from each year's NBS statistical communiqué; a year the table lacks is an error); or computed over all zones; or entered. &lt;b&gt;Baseline&lt;/b&gt; M&lt;sub&gt;0&lt;/sub&gt;: the base year, or zone area × protection rate (empty rate: the rate of all zones at the base year).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Price&lt;/b&gt; (optional): amount = E × price, yuan. &lt;b&gt;Counties&lt;/b&gt; (optional): the zones are ecological units whose E is split over the counties by area share.&lt;/p&gt;&lt;p&gt;Inputs in different CRSs are refused unless reprojection is allowed. The summary table records the totals, the reference values used with their source and every input and parameter. E is not conserved: the summary gives the raw change ΣΔM beside ΣE of supply and of demand, and by how much demand exceeds supply (a market inside these zones cannot meet it).&lt;/p&gt;</source>
            <translation type="vanished">&lt;p&gt;生态券：各分区生态用地在基期与目标年之间的变化量，以标准林面积（公顷）计，并按分区的经济水平和人口密度加权。&lt;/p&gt;&lt;p&gt;&lt;b&gt;M&lt;sub&gt;t&lt;/sub&gt; = Σ A&lt;sub&gt;i&lt;/sub&gt; · k&lt;sub&gt;i&lt;/sub&gt;&lt;/b&gt;：掩膜（如城镇空间）以外各地类的面积 A（公顷）乘以其标准林折算系数 k。&lt;br/&gt;&lt;b&gt;E = (M&lt;sub&gt;t&lt;/sub&gt; − M&lt;sub&gt;0&lt;/sub&gt;) · G · P&lt;/b&gt;：G = 人均 GDP ÷ 参照人均 GDP，P = 人口密度 ÷ 参照人口密度。E &amp;gt; 0：该分区可出售生态券（供给）；E &amp;lt; 0：该分区须购买 |E|（需求）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;分区&lt;/b&gt;：县或生态单元，含目标年的代码、GDP（元）和人口（人），或通过代码关联的分区属性表。土地面积按所选方法计算。&lt;/p&gt;&lt;p&gt;每一年的&lt;b&gt;土地利用&lt;/b&gt;：带地类字段的面图层或分类栅格，以及其分类体系。&lt;b&gt;系数&lt;/b&gt;：该分类体系的预设，或 CSV 表（code,k；或 code,esv，按参照地类的 esv 折算，CAS 为 21，其他为 0301）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;参照值&lt;/b&gt;（G 和 P 是相对它们的比值）：默认为目标年份的&lt;b&gt;全国值&lt;/b&gt;，取自全国参照值表（默认为预设表 national_reference.csv，每年一行并注明来源；可根据当年国家统计局统计公报增加年份；表中没有的年份会报错）；也可以按全部分区计算，或手动输入。&lt;b&gt;基线&lt;/b&gt; M&lt;sub&gt;0&lt;/sub&gt;：基期，或分区面积 × 保护率（保护率留空：全部分区基期的保护率）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;价格&lt;/b&gt;（可选）：金额 = E × 价格（元）。&lt;b&gt;县域&lt;/b&gt;（可选）：分区为生态单元，其 E 按面积比例分配到各县。&lt;/p&gt;&lt;p&gt;输入图层坐标参照系不一致时将拒绝计算，除非允许重投影。汇总表记录各项合计、所用参照值及其来源以及全部输入和参数。E 不守恒：汇总表给出原始变化 ΣΔM，以及供给与需求各自的 ΣE，并给出需求超过供给的数量（这些分区内部的市场无法满足）。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Feature {fid} of layer "{layer}": "{value}" in field "{field}" is not a number; the rules that need it are skipped for admin unit "{code}".</source>
            <translation type="vanished">图层“{layer}”的要素 {fid}：字段“{field}”中的“{value}”不是数值；行政区“{code}”中需要该值的规则将被跳过。</translation>
        </message>
        <message>
            <source>Layer "{layer}" is in {crs}, another CRS than layer "{first}" ({first_crs}); the three lines and the admin units must share one CRS.</source>
            <translation type="vanished">图层“{layer}”的坐标系为 {crs}，与图层“{first}”（{first_crs}）不同；三条控制线与行政区必须使用同一坐标系。</translation>
        </message>
        <message>
            <source>&lt;p&gt;Checks the three control lines (三区三线) of a workspace: the ecological protection red line, permanent basic farmland and the urban development boundary.&lt;/p&gt;&lt;p&gt;Rules: L01 invalid geometry, L02 duplicate features, L03 overlaps within a line, L04–L06 overlaps between lines (with the resolution of the 2019 guideline: the urban boundary yields to both, farmland to the red line), L07 slivers, L08 tiny patches, L09 narrow gaps between features of one line, L10 features across admin boundaries; per admin unit L11 the urban expansion multiple over its cap, L12 farmland and L13 red line below target, L14 farmland below the share of cultivated land.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Layers&lt;/b&gt;: the workspace's layers as they are in the project (unsaved edits count), or a workspace GeoPackage for the layers not given. They must be polygon layers in one CRS.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Land use&lt;/b&gt; (optional): cultivated land for L14 is the area of the codes whose category in the classification system's conversion preset is cultivated. &lt;b&gt;2020 urban land&lt;/b&gt; (optional): its area in each admin unit replaces the admin layer's urban_2020_ha.&lt;/p&gt;&lt;p&gt;Defaults follow the specification: sliver width 1 m, minimum patch 50 m², expansion cap 1.3, farmland share 0.8; overlaps under 1 m² are minor. Issues whose fingerprint is in the workspace's exceptions table are marked accepted; the exception lapses when the features involved change.&lt;/p&gt;&lt;p&gt;Outputs: issues (areas), issue points (invalid geometry) and statistics by admin unit, with the fields and numbers of &lt;i&gt;guotu lines check&lt;/i&gt;.&lt;/p&gt;</source>
            <translation type="vanished">&lt;p&gt;检查工作空间中的三区三线：生态保护红线、永久基本农田和城镇开发边界。&lt;/p&gt;&lt;p&gt;规则：L01 几何无效，L02 重复要素，L03 同一控制线内重叠，L04–L06 控制线之间重叠（按 2019 年指导意见给出处理建议：城镇开发边界避让另两条线，永久基本农田避让生态保护红线），L07 狭长碎片，L08 细小图斑，L09 同一控制线要素间的狭窄缝隙，L10 要素跨越行政区界线；按行政区检查 L11 城镇开发边界扩展倍数超限，L12 永久基本农田与 L13 生态保护红线低于保护任务，L14 永久基本农田占耕地比例不足。&lt;/p&gt;&lt;p&gt;&lt;b&gt;图层&lt;/b&gt;：工程中的工作空间图层（含未保存的编辑），未指定的图层从工作空间 GeoPackage 读取。须为同一坐标系的面图层。&lt;/p&gt;&lt;p&gt;&lt;b&gt;土地利用&lt;/b&gt;（可选）：L14 所用耕地面积为分类体系转换预设中类别为耕地的地类编码的面积。&lt;b&gt;2020 年城镇建设用地&lt;/b&gt;（可选）：以其在各行政区内的面积代替行政区图层的 urban_2020_ha。&lt;/p&gt;&lt;p&gt;默认值依据规范：狭长碎片宽度 1 米，最小图斑 50 平方米，扩展倍数上限 1.3，农田占比 0.8；小于 1 平方米的重叠为轻微问题。指纹已登记在工作空间例外表中的问题标为已确认；所涉要素一旦改动，例外即失效。&lt;/p&gt;&lt;p&gt;输出：问题（面）、问题点（几何无效的位置）和按行政区的统计，字段与数值同 &lt;i&gt;guotu lines check&lt;/i&gt;。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Net supply − demand (ha)</source>
            <translation type="vanished">净供给 − 需求（公顷）</translation>
        </message>
        <message>
            <source>&lt;p&gt;Ecological vouchers (生态券): the change of each zone's ecological land between a base year and a target year, in standard-forest hectares, weighted by the zone's wealth and density.&lt;/p&gt;&lt;p&gt;&lt;b&gt;M&lt;sub&gt;t&lt;/sub&gt; = Σ A&lt;sub&gt;i&lt;/sub&gt; · k&lt;sub&gt;i&lt;/sub&gt;&lt;/b&gt;: hectares A of each land-use class outside the mask (e.g. urban space) times its standard-forest coefficient k.&lt;br/&gt;&lt;b&gt;E = (M&lt;sub&gt;t&lt;/sub&gt; − M&lt;sub&gt;0&lt;/sub&gt;) · G · P&lt;/b&gt;: G = GDP per capita ÷ reference GDP per capita, P = population density ÷ reference density. E &amp;gt; 0: the zone can sell vouchers (supply); E &amp;lt; 0: it must buy |E| (demand).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Zones&lt;/b&gt;: counties or ecological units with an id, GDP (yuan) and population (persons) of the target year, or a zone table joined by id. Land area is the zone's area with the chosen method.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Land use&lt;/b&gt; of each year: a polygon layer with a class field or a categorical raster, with its classification system. &lt;b&gt;Coefficients&lt;/b&gt;: the system's preset, or a CSV table (code,k; or code,esv scaled by the esv of a reference class, 21 for CAS, 0301 otherwise).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Reference values&lt;/b&gt;: entered national values, or (empty) computed over all zones. &lt;b&gt;Baseline&lt;/b&gt; M&lt;sub&gt;0&lt;/sub&gt;: the base year, or zone area × protection rate (empty rate: the rate of all zones at the base year).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Price&lt;/b&gt; (optional): amount = E × price, yuan. &lt;b&gt;Counties&lt;/b&gt; (optional): the zones are ecological units whose E is split over the counties by area share.&lt;/p&gt;&lt;p&gt;Inputs in different CRSs are refused unless reprojection is allowed. The summary table records the totals, the reference values used and every input and parameter.&lt;/p&gt;</source>
            <translation type="vanished">&lt;p&gt;生态券：各分区生态用地在基期与目标年之间的变化量，以标准林面积（公顷）计，并按分区的经济水平和人口密度加权。&lt;/p&gt;&lt;p&gt;&lt;b&gt;M&lt;sub&gt;t&lt;/sub&gt; = Σ A&lt;sub&gt;i&lt;/sub&gt; · k&lt;sub&gt;i&lt;/sub&gt;&lt;/b&gt;：掩膜（如城镇空间）以外各地类的面积 A（公顷）乘以其标准林折算系数 k。&lt;br/&gt;&lt;b&gt;E = (M&lt;sub&gt;t&lt;/sub&gt; − M&lt;sub&gt;0&lt;/sub&gt;) · G · P&lt;/b&gt;：G = 人均 GDP ÷ 参照人均 GDP，P = 人口密度 ÷ 参照人口密度。E &amp;gt; 0：该分区可出售生态券（供给）；E &amp;lt; 0：该分区须购买 |E|（需求）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;分区&lt;/b&gt;：县或生态单元，含目标年的代码、GDP（元）和人口（人），或通过代码关联的分区属性表。土地面积按所选方法计算。&lt;/p&gt;&lt;p&gt;每一年的&lt;b&gt;土地利用&lt;/b&gt;：带地类字段的面图层或分类栅格，以及其分类体系。&lt;b&gt;系数&lt;/b&gt;：该分类体系的预设，或 CSV 表（code,k；或 code,esv，按参照地类的 esv 折算，CAS 为 21，其他为 0301）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;参照值&lt;/b&gt;：输入的全国值，或（留空）按全部分区计算。&lt;b&gt;基线&lt;/b&gt; M&lt;sub&gt;0&lt;/sub&gt;：基期，或分区面积 × 保护率（保护率留空：全部分区基期的保护率）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;价格&lt;/b&gt;（可选）：金额 = E × 价格（元）。&lt;b&gt;县域&lt;/b&gt;（可选）：分区为生态单元，其 E 按面积比例分配到各县。&lt;/p&gt;&lt;p&gt;输入图层坐标参照系不一致时将拒绝计算，除非允许重投影。汇总表记录各项合计、所用参照值以及全部输入和参数。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Reference GDP per capita (yuan/person; empty: over all zones)</source>
            <translation type="vanished">参照人均 GDP（元/人；留空：按全部分区计算）</translation>
        </message>
        <message>
            <source>Reference population density (persons/km²; empty: over all zones)</source>
            <translation type="vanished">参照人口密度（人/平方公里；留空：按全部分区计算）</translation>
        </message>
        <message>
            <source>&lt;p&gt;Trades ecological vouchers between zones: zones with E &amp;gt; 0 sell, zones with E &amp;lt; 0 buy |E|. The input is the voucher layer of &lt;i&gt;Ecological voucher accounting&lt;/i&gt;, or any layer with a zone id and an E field in hectares.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Price&lt;/b&gt;: a fixed price for every trade; or a government &lt;b&gt;floor price&lt;/b&gt;, where the zones' optional ask (sellers) and bid (buyers) fields, in yuan/ha, set one clearing price at or above the floor that trades the most.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Cap&lt;/b&gt;: the annual limit on the traded volume (ha); empty for none. The volume traded is min(supply, demand, cap) at the clearing price.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Allocation&lt;/b&gt;: pro rata (every seller and buyer in proportion to its volume) or nearest (closest seller-buyer pairs first, between points inside the zones).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Settlement&lt;/b&gt;: payment (direct sale), or enclave (飞地): the amounts are the value of the seller's equity share in a joint development in the buyer's urban area.&lt;/p&gt;&lt;p&gt;Trades are lines from a point inside the seller to a point inside the buyer, with seller_id, buyer_id, volume_ha, price_yuan_per_ha and amount_yuan. The summary records the totals and every parameter.&lt;/p&gt;</source>
            <translation type="vanished">&lt;p&gt;在分区之间交易生态券：E &amp;gt; 0 的分区出售，E &amp;lt; 0 的分区购买 |E|。输入为&lt;i&gt;生态券核算&lt;/i&gt;得到的生态券图层，或任何含分区代码和 E（公顷）字段的图层。&lt;/p&gt;&lt;p&gt;&lt;b&gt;价格&lt;/b&gt;：所有交易采用同一固定价格；或采用政府&lt;b&gt;最低限价&lt;/b&gt;，此时各分区可选的卖方要价和买方出价字段（元/公顷）共同决定一个不低于最低限价、成交量最大的统一出清价格。&lt;/p&gt;&lt;p&gt;&lt;b&gt;上限&lt;/b&gt;：年度交易总量上限（公顷）；留空表示不设上限。成交量为出清价格下的 min(供给, 需求, 上限)。&lt;/p&gt;&lt;p&gt;&lt;b&gt;分配方式&lt;/b&gt;：按比例（各买卖方按其数量比例成交）或就近优先（距离最近的买卖双方优先成交，距离按分区内部的点计算）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;结算方式&lt;/b&gt;：直接支付（直接出售），或飞地：金额为卖方在买方城镇空间内共建项目中所占股权的价值。&lt;/p&gt;&lt;p&gt;交易以从卖方内部点到买方内部点的线表示，字段为 seller_id、buyer_id、volume_ha、price_yuan_per_ha 和 amount_yuan。汇总表记录各项合计和全部参数。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Entered (e.g. national values)</source>
            <translation type="vanished">输入值（如全国值）</translation>
        </message>
        <message>
            <source>Border {length:.1f} m, area {area:.0f} m², side {side}</source>
            <translation type="vanished">边界 {length:.1f} 米，面积 {area:.0f} 平方米，责任方 {side}</translation>
        </message>
        <message>
            <source>Amount (yuan)</source>
            <translation type="vanished">金额（元）</translation>
        </message>
        <message>
            <source>The base-year land use "{base}" is in {base_crs} but the target-year land use "{target}" is in {target_crs}. Put both in one CRS, or allow reprojection (CRS mismatch: reproject).</source>
            <translation type="vanished">基期土地利用“{base}”的坐标参照系为 {base_crs}，而目标年土地利用“{target}”为 {target_crs}。请将两者统一到同一坐标参照系，或允许重投影（坐标系不一致：重投影）。</translation>
        </message>
        <message>
            <source>The {role} layer "{layer}" is in {crs} but the zones layer "{zones}" is in {zones_crs}. Put them in one CRS, or allow reprojection (CRS mismatch: reproject).</source>
            <translation type="vanished">{role}图层“{layer}”的坐标参照系为 {crs}，而分区图层“{zones}”为 {zones_crs}。请统一到同一坐标参照系，或允许重投影（坐标系不一致：重投影）。</translation>
        </message>
        <message>
            <source>Layer "{layer}" holds {expected} features but only {read} could be read: the file is damaged or unreadable. Nothing was computed from it.</source>
            <translation type="vanished">图层“{layer}”有 {expected} 个要素，但只能读取 {read} 个：文件已损坏或无法读取。未据此进行任何计算。</translation>
        </message>
    </context>
</TS>
