<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis hasScaleBasedVisibilityFlag="0" labelsEnabled="1" maxScale="0" minScale="100000000" readOnly="0" simplifyAlgorithm="0" simplifyDrawingHints="1" simplifyDrawingTol="1" simplifyLocal="1" simplifyMaxScale="1" styleCategories="AllStyleCategories" symbologyReferenceScale="-1" version="3.22.16-Białowieża">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal accumulate="0" durationField="" durationUnit="min" enabled="0" endExpression="" endField="" fixedDuration="0" limitMode="0" mode="0" startExpression="" startField="">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <renderer-v2 attr="verdict_en" enableorderby="0" forceraster="0" referencescale="-1" symbollevels="0" type="categorizedSymbol">
    <categories>
      <category label="通过 passed" render="true" symbol="0" value="pass"/>
      <category label="待定（有规则无法核验） undetermined (a rule could not be checked)" render="true" symbol="1" value="undetermined"/>
      <category label="不通过 failed" render="true" symbol="2" value="fail"/>
    </categories>
    <symbols>
      <symbol alpha="1" clip_to_extent="1" force_rhr="0" name="0" type="fill">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" type="QString" value=""/>
            <Option name="properties"/>
            <Option name="type" type="QString" value="collection"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="border_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
            <Option name="color" type="QString" value="26,152,80,170"/>
            <Option name="joinstyle" type="QString" value="bevel"/>
            <Option name="offset" type="QString" value="0,0"/>
            <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
            <Option name="offset_unit" type="QString" value="MM"/>
            <Option name="outline_color" type="QString" value="11,93,44,255"/>
            <Option name="outline_style" type="QString" value="solid"/>
            <Option name="outline_width" type="QString" value="0.6"/>
            <Option name="outline_width_unit" type="QString" value="MM"/>
            <Option name="style" type="QString" value="solid"/>
          </Option>
          <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="color" v="26,152,80,170"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="outline_color" v="11,93,44,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.6"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="solid"/>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value=""/>
              <Option name="properties"/>
              <Option name="type" type="QString" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol alpha="1" clip_to_extent="1" force_rhr="0" name="1" type="fill">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" type="QString" value=""/>
            <Option name="properties"/>
            <Option name="type" type="QString" value="collection"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="border_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
            <Option name="color" type="QString" value="189,189,189,170"/>
            <Option name="joinstyle" type="QString" value="bevel"/>
            <Option name="offset" type="QString" value="0,0"/>
            <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
            <Option name="offset_unit" type="QString" value="MM"/>
            <Option name="outline_color" type="QString" value="82,82,82,255"/>
            <Option name="outline_style" type="QString" value="solid"/>
            <Option name="outline_width" type="QString" value="0.6"/>
            <Option name="outline_width_unit" type="QString" value="MM"/>
            <Option name="style" type="QString" value="solid"/>
          </Option>
          <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="color" v="189,189,189,170"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="outline_color" v="82,82,82,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.6"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="solid"/>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value=""/>
              <Option name="properties"/>
              <Option name="type" type="QString" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol alpha="1" clip_to_extent="1" force_rhr="0" name="2" type="fill">
        <data_defined_properties>
          <Option type="Map">
            <Option name="name" type="QString" value=""/>
            <Option name="properties"/>
            <Option name="type" type="QString" value="collection"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="border_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
            <Option name="color" type="QString" value="215,48,39,170"/>
            <Option name="joinstyle" type="QString" value="bevel"/>
            <Option name="offset" type="QString" value="0,0"/>
            <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
            <Option name="offset_unit" type="QString" value="MM"/>
            <Option name="outline_color" type="QString" value="127,0,0,255"/>
            <Option name="outline_style" type="QString" value="solid"/>
            <Option name="outline_width" type="QString" value="0.6"/>
            <Option name="outline_width_unit" type="QString" value="MM"/>
            <Option name="style" type="QString" value="solid"/>
          </Option>
          <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="color" v="215,48,39,170"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="outline_color" v="127,0,0,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.6"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="solid"/>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" type="QString" value=""/>
              <Option name="properties"/>
              <Option name="type" type="QString" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
    </symbols>
    <rotation/>
    <sizescale/>
  </renderer-v2>
  <labeling type="simple">
    <settings calloutType="simple">
      <text-style allowHtml="0" blendMode="0" capitalization="0" fieldName="unit_id" fontFamily="WenQuanYi Micro Hei" fontItalic="0" fontKerning="1" fontLetterSpacing="0" fontSize="8" fontSizeMapUnitScale="3x:0,0,0,0,0,0" fontSizeUnit="Point" fontStrikeout="0" fontUnderline="0" fontWeight="50" fontWordSpacing="0" isExpression="0" legendString="Aa" multilineHeight="1" namedStyle="" previewBkgrdColor="255,255,255,255" textColor="32,32,32,255" textOpacity="1" textOrientation="horizontal" useSubstitutions="0">
        <families/>
        <text-buffer bufferBlendMode="0" bufferColor="255,255,255,255" bufferDraw="1" bufferJoinStyle="128" bufferNoFill="1" bufferOpacity="1" bufferSize="0.80000000000000004" bufferSizeMapUnitScale="3x:0,0,0,0,0,0" bufferSizeUnits="MM"/>
        <text-mask maskEnabled="0" maskJoinStyle="128" maskOpacity="1" maskSize="1.5" maskSizeMapUnitScale="3x:0,0,0,0,0,0" maskSizeUnits="MM" maskType="0" maskedSymbolLayers=""/>
        <background shapeBlendMode="0" shapeBorderColor="128,128,128,255" shapeBorderWidth="0" shapeBorderWidthMapUnitScale="3x:0,0,0,0,0,0" shapeBorderWidthUnit="MM" shapeDraw="0" shapeFillColor="255,255,255,255" shapeJoinStyle="64" shapeOffsetMapUnitScale="3x:0,0,0,0,0,0" shapeOffsetUnit="MM" shapeOffsetX="0" shapeOffsetY="0" shapeOpacity="1" shapeRadiiMapUnitScale="3x:0,0,0,0,0,0" shapeRadiiUnit="MM" shapeRadiiX="0" shapeRadiiY="0" shapeRotation="0" shapeRotationType="0" shapeSVGFile="" shapeSizeMapUnitScale="3x:0,0,0,0,0,0" shapeSizeType="0" shapeSizeUnit="MM" shapeSizeX="0" shapeSizeY="0" shapeType="0">
          <symbol alpha="1" clip_to_extent="1" force_rhr="0" name="fillSymbol" type="fill">
            <data_defined_properties>
              <Option type="Map">
                <Option name="name" type="QString" value=""/>
                <Option name="properties"/>
                <Option name="type" type="QString" value="collection"/>
              </Option>
            </data_defined_properties>
            <layer class="SimpleFill" enabled="1" locked="0" pass="0">
              <Option type="Map">
                <Option name="border_width_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
                <Option name="color" type="QString" value="255,255,255,255"/>
                <Option name="joinstyle" type="QString" value="bevel"/>
                <Option name="offset" type="QString" value="0,0"/>
                <Option name="offset_map_unit_scale" type="QString" value="3x:0,0,0,0,0,0"/>
                <Option name="offset_unit" type="QString" value="MM"/>
                <Option name="outline_color" type="QString" value="128,128,128,255"/>
                <Option name="outline_style" type="QString" value="no"/>
                <Option name="outline_width" type="QString" value="0"/>
                <Option name="outline_width_unit" type="QString" value="MM"/>
                <Option name="style" type="QString" value="solid"/>
              </Option>
              <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="color" v="255,255,255,255"/>
              <prop k="joinstyle" v="bevel"/>
              <prop k="offset" v="0,0"/>
              <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="offset_unit" v="MM"/>
              <prop k="outline_color" v="128,128,128,255"/>
              <prop k="outline_style" v="no"/>
              <prop k="outline_width" v="0"/>
              <prop k="outline_width_unit" v="MM"/>
              <prop k="style" v="solid"/>
              <data_defined_properties>
                <Option type="Map">
                  <Option name="name" type="QString" value=""/>
                  <Option name="properties"/>
                  <Option name="type" type="QString" value="collection"/>
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </background>
        <shadow shadowBlendMode="6" shadowColor="0,0,0,255" shadowDraw="0" shadowOffsetAngle="135" shadowOffsetDist="1" shadowOffsetGlobal="1" shadowOffsetMapUnitScale="3x:0,0,0,0,0,0" shadowOffsetUnit="MM" shadowOpacity="0.69999999999999996" shadowRadius="1.5" shadowRadiusAlphaOnly="0" shadowRadiusMapUnitScale="3x:0,0,0,0,0,0" shadowRadiusUnit="MM" shadowScale="100" shadowUnder="0"/>
        <dd_properties>
          <Option type="Map">
            <Option name="name" type="QString" value=""/>
            <Option name="properties"/>
            <Option name="type" type="QString" value="collection"/>
          </Option>
        </dd_properties>
        <substitutions/>
      </text-style>
      <text-format addDirectionSymbol="0" autoWrapLength="0" decimals="3" formatNumbers="0" leftDirectionSymbol="&lt;" multilineAlign="3" placeDirectionSymbol="0" plussign="0" reverseDirectionSymbol="0" rightDirectionSymbol=">" useMaxLineLengthForAutoWrap="1" wrapChar=""/>
      <placement centroidInside="0" centroidWhole="0" dist="0" distMapUnitScale="3x:0,0,0,0,0,0" distUnits="MM" fitInPolygonOnly="0" geometryGenerator="" geometryGeneratorEnabled="0" geometryGeneratorType="PointGeometry" labelOffsetMapUnitScale="3x:0,0,0,0,0,0" layerType="UnknownGeometry" lineAnchorClipping="0" lineAnchorPercent="0.5" lineAnchorType="0" maxCurvedCharAngleIn="25" maxCurvedCharAngleOut="-25" offsetType="0" offsetUnits="MM" overrunDistance="0" overrunDistanceMapUnitScale="3x:0,0,0,0,0,0" overrunDistanceUnit="MM" placement="0" placementFlags="10" polygonPlacementFlags="2" predefinedPositionOrder="TR,TL,BR,BL,R,L,TSR,BSR" preserveRotation="1" priority="5" quadOffset="4" repeatDistance="0" repeatDistanceMapUnitScale="3x:0,0,0,0,0,0" repeatDistanceUnits="MM" rotationAngle="0" rotationUnit="AngleDegrees" xOffset="0" yOffset="0"/>
      <rendering displayAll="0" drawLabels="1" fontLimitPixelSize="0" fontMaxPixelSize="10000" fontMinPixelSize="0" labelPerPart="0" limitNumLabels="0" maxNumLabels="2000" mergeLines="0" minFeatureSize="0" obstacle="1" obstacleFactor="1" obstacleType="1" scaleMax="0" scaleMin="0" scaleVisibility="0" unplacedVisibility="0" upsidedownLabels="0" zIndex="0"/>
      <dd_properties>
        <Option type="Map">
          <Option name="name" type="QString" value=""/>
          <Option name="properties"/>
          <Option name="type" type="QString" value="collection"/>
        </Option>
      </dd_properties>
      <callout type="simple">
        <Option type="Map">
          <Option name="anchorPoint" type="QString" value="pole_of_inaccessibility"/>
          <Option name="blendMode" type="int" value="0"/>
          <Option name="ddProperties" type="Map">
            <Option name="name" type="QString" value=""/>
            <Option name="properties"/>
            <Option name="type" type="QString" value="collection"/>
          </Option>
          <Option name="drawToAllParts" type="bool" value="false"/>
          <Option name="enabled" type="QString" value="0"/>
          <Option name="labelAnchorPoint" type="QString" value="point_on_exterior"/>
          <Option name="lineSymbol" type="QString" value="&lt;symbol alpha=&quot;1&quot; clip_to_extent=&quot;1&quot; force_rhr=&quot;0&quot; name=&quot;symbol&quot; type=&quot;line&quot;>&lt;data_defined_properties>&lt;Option type=&quot;Map&quot;>&lt;Option name=&quot;name&quot; type=&quot;QString&quot; value=&quot;&quot;/>&lt;Option name=&quot;properties&quot;/>&lt;Option name=&quot;type&quot; type=&quot;QString&quot; value=&quot;collection&quot;/>&lt;/Option>&lt;/data_defined_properties>&lt;layer class=&quot;SimpleLine&quot; enabled=&quot;1&quot; locked=&quot;0&quot; pass=&quot;0&quot;>&lt;Option type=&quot;Map&quot;>&lt;Option name=&quot;align_dash_pattern&quot; type=&quot;QString&quot; value=&quot;0&quot;/>&lt;Option name=&quot;capstyle&quot; type=&quot;QString&quot; value=&quot;square&quot;/>&lt;Option name=&quot;customdash&quot; type=&quot;QString&quot; value=&quot;5;2&quot;/>&lt;Option name=&quot;customdash_map_unit_scale&quot; type=&quot;QString&quot; value=&quot;3x:0,0,0,0,0,0&quot;/>&lt;Option name=&quot;customdash_unit&quot; type=&quot;QString&quot; value=&quot;MM&quot;/>&lt;Option name=&quot;dash_pattern_offset&quot; type=&quot;QString&quot; value=&quot;0&quot;/>&lt;Option name=&quot;dash_pattern_offset_map_unit_scale&quot; type=&quot;QString&quot; value=&quot;3x:0,0,0,0,0,0&quot;/>&lt;Option name=&quot;dash_pattern_offset_unit&quot; type=&quot;QString&quot; value=&quot;MM&quot;/>&lt;Option name=&quot;draw_inside_polygon&quot; type=&quot;QString&quot; value=&quot;0&quot;/>&lt;Option name=&quot;joinstyle&quot; type=&quot;QString&quot; value=&quot;bevel&quot;/>&lt;Option name=&quot;line_color&quot; type=&quot;QString&quot; value=&quot;60,60,60,255&quot;/>&lt;Option name=&quot;line_style&quot; type=&quot;QString&quot; value=&quot;solid&quot;/>&lt;Option name=&quot;line_width&quot; type=&quot;QString&quot; value=&quot;0.3&quot;/>&lt;Option name=&quot;line_width_unit&quot; type=&quot;QString&quot; value=&quot;MM&quot;/>&lt;Option name=&quot;offset&quot; type=&quot;QString&quot; value=&quot;0&quot;/>&lt;Option name=&quot;offset_map_unit_scale&quot; type=&quot;QString&quot; value=&quot;3x:0,0,0,0,0,0&quot;/>&lt;Option name=&quot;offset_unit&quot; type=&quot;QString&quot; value=&quot;MM&quot;/>&lt;Option name=&quot;ring_filter&quot; type=&quot;QString&quot; value=&quot;0&quot;/>&lt;Option name=&quot;trim_distance_end&quot; type=&quot;QString&quot; value=&quot;0&quot;/>&lt;Option name=&quot;trim_distance_end_map_unit_scale&quot; type=&quot;QString&quot; value=&quot;3x:0,0,0,0,0,0&quot;/>&lt;Option name=&quot;trim_distance_end_unit&quot; type=&quot;QString&quot; value=&quot;MM&quot;/>&lt;Option name=&quot;trim_distance_start&quot; type=&quot;QString&quot; value=&quot;0&quot;/>&lt;Option name=&quot;trim_distance_start_map_unit_scale&quot; type=&quot;QString&quot; value=&quot;3x:0,0,0,0,0,0&quot;/>&lt;Option name=&quot;trim_distance_start_unit&quot; type=&quot;QString&quot; value=&quot;MM&quot;/>&lt;Option name=&quot;tweak_dash_pattern_on_corners&quot; type=&quot;QString&quot; value=&quot;0&quot;/>&lt;Option name=&quot;use_custom_dash&quot; type=&quot;QString&quot; value=&quot;0&quot;/>&lt;Option name=&quot;width_map_unit_scale&quot; type=&quot;QString&quot; value=&quot;3x:0,0,0,0,0,0&quot;/>&lt;/Option>&lt;prop k=&quot;align_dash_pattern&quot; v=&quot;0&quot;/>&lt;prop k=&quot;capstyle&quot; v=&quot;square&quot;/>&lt;prop k=&quot;customdash&quot; v=&quot;5;2&quot;/>&lt;prop k=&quot;customdash_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;customdash_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;dash_pattern_offset&quot; v=&quot;0&quot;/>&lt;prop k=&quot;dash_pattern_offset_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;dash_pattern_offset_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;draw_inside_polygon&quot; v=&quot;0&quot;/>&lt;prop k=&quot;joinstyle&quot; v=&quot;bevel&quot;/>&lt;prop k=&quot;line_color&quot; v=&quot;60,60,60,255&quot;/>&lt;prop k=&quot;line_style&quot; v=&quot;solid&quot;/>&lt;prop k=&quot;line_width&quot; v=&quot;0.3&quot;/>&lt;prop k=&quot;line_width_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;offset&quot; v=&quot;0&quot;/>&lt;prop k=&quot;offset_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;offset_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;ring_filter&quot; v=&quot;0&quot;/>&lt;prop k=&quot;trim_distance_end&quot; v=&quot;0&quot;/>&lt;prop k=&quot;trim_distance_end_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;trim_distance_end_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;trim_distance_start&quot; v=&quot;0&quot;/>&lt;prop k=&quot;trim_distance_start_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;trim_distance_start_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;tweak_dash_pattern_on_corners&quot; v=&quot;0&quot;/>&lt;prop k=&quot;use_custom_dash&quot; v=&quot;0&quot;/>&lt;prop k=&quot;width_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;data_defined_properties>&lt;Option type=&quot;Map&quot;>&lt;Option name=&quot;name&quot; type=&quot;QString&quot; value=&quot;&quot;/>&lt;Option name=&quot;properties&quot;/>&lt;Option name=&quot;type&quot; type=&quot;QString&quot; value=&quot;collection&quot;/>&lt;/Option>&lt;/data_defined_properties>&lt;/layer>&lt;/symbol>"/>
          <Option name="minLength" type="double" value="0"/>
          <Option name="minLengthMapUnitScale" type="QString" value="3x:0,0,0,0,0,0"/>
          <Option name="minLengthUnit" type="QString" value="MM"/>
          <Option name="offsetFromAnchor" type="double" value="0"/>
          <Option name="offsetFromAnchorMapUnitScale" type="QString" value="3x:0,0,0,0,0,0"/>
          <Option name="offsetFromAnchorUnit" type="QString" value="MM"/>
          <Option name="offsetFromLabel" type="double" value="0"/>
          <Option name="offsetFromLabelMapUnitScale" type="QString" value="3x:0,0,0,0,0,0"/>
          <Option name="offsetFromLabelUnit" type="QString" value="MM"/>
        </Option>
      </callout>
    </settings>
  </labeling>
  <customproperties>
    <Option/>
  </customproperties>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <layerOpacity>1</layerOpacity>
  <geometryOptions geometryPrecision="0" removeDuplicateNodes="0">
    <activeChecks type="StringList">
      <Option type="QString" value=""/>
    </activeChecks>
    <checkConfiguration/>
  </geometryOptions>
  <legend showLabelLegend="0" type="default-vector"/>
  <referencedLayers/>
  <fieldConfiguration>
    <field configurationFlags="None" name="unit_id">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="name">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="parcels">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="area_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="cultivated_opening_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="lost_construction_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="lost_garden_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="lost_forest_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="lost_grassland_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="lost_other_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="gained_reclamation_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="gained_garden_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="gained_forest_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="gained_grassland_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="gained_other_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="tiankan_change_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="cultivated_closing_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="tiankan_opening_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="tiankan_closing_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="quantity_ok">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="grade_opening_mean">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="grade_closing_mean">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="ungraded_opening_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="ungraded_closing_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="grade_tolerance">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="quality_ok">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="farmland_out_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="farmland_in_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="farmland_ratio">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="farmland_gain_min">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="farmland_out_grade">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="farmland_in_grade">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="farmland_ok">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="farmland_quality_ok">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="construction_opening_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="reclaimed_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="built_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="construction_closing_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="construction_ok">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="linkage_min">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="linkage_balance_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="beach_parcels">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="beach_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="beach_parcel_ids">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="linkage_ok">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="forest_opening_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="forest_closing_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="forest_ok">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="redline_parcels">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="redline_changed_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="redline_ok">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="verdict">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="verdict_en">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="reasons_zh">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias field="unit_id" index="0" name="单元编号"/>
    <alias field="name" index="1" name="单元名称"/>
    <alias field="parcels" index="2" name="图斑数"/>
    <alias field="area_ha" index="3" name="面积（公顷）"/>
    <alias field="cultivated_opening_ha" index="4" name="耕地期初（公顷，扣除田坎）"/>
    <alias field="lost_construction_ha" index="5" name="减少：转为建设用地（公顷）"/>
    <alias field="lost_garden_ha" index="6" name="减少：转为园地（公顷）"/>
    <alias field="lost_forest_ha" index="7" name="减少：转为林地（公顷）"/>
    <alias field="lost_grassland_ha" index="8" name="减少：转为草地（公顷）"/>
    <alias field="lost_other_ha" index="9" name="减少：转为其他（公顷）"/>
    <alias field="gained_reclamation_ha" index="10" name="增加：建设用地复垦（公顷）"/>
    <alias field="gained_garden_ha" index="11" name="增加：园地整理（公顷）"/>
    <alias field="gained_forest_ha" index="12" name="增加：林地整理（公顷）"/>
    <alias field="gained_grassland_ha" index="13" name="增加：草地开发（公顷）"/>
    <alias field="gained_other_ha" index="14" name="增加：其他开发（公顷）"/>
    <alias field="tiankan_change_ha" index="15" name="田坎变化（公顷）"/>
    <alias field="cultivated_closing_ha" index="16" name="耕地期末（公顷，扣除田坎）"/>
    <alias field="tiankan_opening_ha" index="17" name="田坎期初（公顷）"/>
    <alias field="tiankan_closing_ha" index="18" name="田坎期末（公顷）"/>
    <alias field="quantity_ok" index="19" name="L1 耕地数量不减少"/>
    <alias field="grade_opening_mean" index="20" name="期初平均等别"/>
    <alias field="grade_closing_mean" index="21" name="期末平均等别"/>
    <alias field="ungraded_opening_ha" index="22" name="期初无等别耕地（公顷）"/>
    <alias field="ungraded_closing_ha" index="23" name="期末无等别耕地（公顷）"/>
    <alias field="grade_tolerance" index="24" name="等别容差"/>
    <alias field="quality_ok" index="25" name="L2 耕地质量不降低"/>
    <alias field="farmland_out_ha" index="26" name="永久基本农田调出（公顷）"/>
    <alias field="farmland_in_ha" index="27" name="永久基本农田调入（公顷）"/>
    <alias field="farmland_ratio" index="28" name="调入/调出"/>
    <alias field="farmland_gain_min" index="29" name="调入最低比例"/>
    <alias field="farmland_out_grade" index="30" name="调出平均等别"/>
    <alias field="farmland_in_grade" index="31" name="调入平均等别"/>
    <alias field="farmland_ok" index="32" name="L3 调入不少于调出比例"/>
    <alias field="farmland_quality_ok" index="33" name="L3 调入质量不降低"/>
    <alias field="construction_opening_ha" index="34" name="建设用地期初（公顷）"/>
    <alias field="reclaimed_ha" index="35" name="拆旧复垦（公顷）"/>
    <alias field="built_ha" index="36" name="建新（公顷）"/>
    <alias field="construction_closing_ha" index="37" name="建设用地期末（公顷）"/>
    <alias field="construction_ok" index="38" name="L4 建设用地总量不增加"/>
    <alias field="linkage_min" index="39" name="拆旧/建新最低比例"/>
    <alias field="linkage_balance_ha" index="40" name="增减挂钩结余（公顷）"/>
    <alias field="beach_parcels" index="41" name="河道滩地复垦图斑数"/>
    <alias field="beach_ha" index="42" name="河道滩地复垦面积（公顷）"/>
    <alias field="beach_parcel_ids" index="43" name="河道滩地复垦图斑"/>
    <alias field="linkage_ok" index="44" name="L5 增减挂钩平衡"/>
    <alias field="forest_opening_ha" index="45" name="标准林地期初（公顷）"/>
    <alias field="forest_closing_ha" index="46" name="标准林地期末（公顷）"/>
    <alias field="forest_ok" index="47" name="L6 标准林地不减少"/>
    <alias field="redline_parcels" index="48" name="红线内变化图斑数"/>
    <alias field="redline_changed_ha" index="49" name="红线内变化面积（公顷）"/>
    <alias field="redline_ok" index="50" name="L7 红线内无非修复变化"/>
    <alias field="verdict" index="51" name="结论"/>
    <alias field="verdict_en" index="52" name="verdict"/>
    <alias field="reasons_zh" index="53" name="说明"/>
  </aliases>
  <defaults>
    <default applyOnUpdate="0" expression="" field="unit_id"/>
    <default applyOnUpdate="0" expression="" field="name"/>
    <default applyOnUpdate="0" expression="" field="parcels"/>
    <default applyOnUpdate="0" expression="" field="area_ha"/>
    <default applyOnUpdate="0" expression="" field="cultivated_opening_ha"/>
    <default applyOnUpdate="0" expression="" field="lost_construction_ha"/>
    <default applyOnUpdate="0" expression="" field="lost_garden_ha"/>
    <default applyOnUpdate="0" expression="" field="lost_forest_ha"/>
    <default applyOnUpdate="0" expression="" field="lost_grassland_ha"/>
    <default applyOnUpdate="0" expression="" field="lost_other_ha"/>
    <default applyOnUpdate="0" expression="" field="gained_reclamation_ha"/>
    <default applyOnUpdate="0" expression="" field="gained_garden_ha"/>
    <default applyOnUpdate="0" expression="" field="gained_forest_ha"/>
    <default applyOnUpdate="0" expression="" field="gained_grassland_ha"/>
    <default applyOnUpdate="0" expression="" field="gained_other_ha"/>
    <default applyOnUpdate="0" expression="" field="tiankan_change_ha"/>
    <default applyOnUpdate="0" expression="" field="cultivated_closing_ha"/>
    <default applyOnUpdate="0" expression="" field="tiankan_opening_ha"/>
    <default applyOnUpdate="0" expression="" field="tiankan_closing_ha"/>
    <default applyOnUpdate="0" expression="" field="quantity_ok"/>
    <default applyOnUpdate="0" expression="" field="grade_opening_mean"/>
    <default applyOnUpdate="0" expression="" field="grade_closing_mean"/>
    <default applyOnUpdate="0" expression="" field="ungraded_opening_ha"/>
    <default applyOnUpdate="0" expression="" field="ungraded_closing_ha"/>
    <default applyOnUpdate="0" expression="" field="grade_tolerance"/>
    <default applyOnUpdate="0" expression="" field="quality_ok"/>
    <default applyOnUpdate="0" expression="" field="farmland_out_ha"/>
    <default applyOnUpdate="0" expression="" field="farmland_in_ha"/>
    <default applyOnUpdate="0" expression="" field="farmland_ratio"/>
    <default applyOnUpdate="0" expression="" field="farmland_gain_min"/>
    <default applyOnUpdate="0" expression="" field="farmland_out_grade"/>
    <default applyOnUpdate="0" expression="" field="farmland_in_grade"/>
    <default applyOnUpdate="0" expression="" field="farmland_ok"/>
    <default applyOnUpdate="0" expression="" field="farmland_quality_ok"/>
    <default applyOnUpdate="0" expression="" field="construction_opening_ha"/>
    <default applyOnUpdate="0" expression="" field="reclaimed_ha"/>
    <default applyOnUpdate="0" expression="" field="built_ha"/>
    <default applyOnUpdate="0" expression="" field="construction_closing_ha"/>
    <default applyOnUpdate="0" expression="" field="construction_ok"/>
    <default applyOnUpdate="0" expression="" field="linkage_min"/>
    <default applyOnUpdate="0" expression="" field="linkage_balance_ha"/>
    <default applyOnUpdate="0" expression="" field="beach_parcels"/>
    <default applyOnUpdate="0" expression="" field="beach_ha"/>
    <default applyOnUpdate="0" expression="" field="beach_parcel_ids"/>
    <default applyOnUpdate="0" expression="" field="linkage_ok"/>
    <default applyOnUpdate="0" expression="" field="forest_opening_ha"/>
    <default applyOnUpdate="0" expression="" field="forest_closing_ha"/>
    <default applyOnUpdate="0" expression="" field="forest_ok"/>
    <default applyOnUpdate="0" expression="" field="redline_parcels"/>
    <default applyOnUpdate="0" expression="" field="redline_changed_ha"/>
    <default applyOnUpdate="0" expression="" field="redline_ok"/>
    <default applyOnUpdate="0" expression="" field="verdict"/>
    <default applyOnUpdate="0" expression="" field="verdict_en"/>
    <default applyOnUpdate="0" expression="" field="reasons_zh"/>
  </defaults>
  <constraints>
    <constraint constraints="0" exp_strength="0" field="unit_id" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="name" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="parcels" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="area_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="cultivated_opening_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="lost_construction_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="lost_garden_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="lost_forest_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="lost_grassland_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="lost_other_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="gained_reclamation_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="gained_garden_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="gained_forest_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="gained_grassland_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="gained_other_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="tiankan_change_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="cultivated_closing_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="tiankan_opening_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="tiankan_closing_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="quantity_ok" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="grade_opening_mean" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="grade_closing_mean" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="ungraded_opening_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="ungraded_closing_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="grade_tolerance" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="quality_ok" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="farmland_out_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="farmland_in_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="farmland_ratio" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="farmland_gain_min" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="farmland_out_grade" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="farmland_in_grade" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="farmland_ok" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="farmland_quality_ok" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="construction_opening_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="reclaimed_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="built_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="construction_closing_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="construction_ok" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="linkage_min" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="linkage_balance_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="beach_parcels" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="beach_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="beach_parcel_ids" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="linkage_ok" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="forest_opening_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="forest_closing_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="forest_ok" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="redline_parcels" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="redline_changed_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="redline_ok" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="verdict" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="verdict_en" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="reasons_zh" notnull_strength="0" unique_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint desc="" exp="" field="unit_id"/>
    <constraint desc="" exp="" field="name"/>
    <constraint desc="" exp="" field="parcels"/>
    <constraint desc="" exp="" field="area_ha"/>
    <constraint desc="" exp="" field="cultivated_opening_ha"/>
    <constraint desc="" exp="" field="lost_construction_ha"/>
    <constraint desc="" exp="" field="lost_garden_ha"/>
    <constraint desc="" exp="" field="lost_forest_ha"/>
    <constraint desc="" exp="" field="lost_grassland_ha"/>
    <constraint desc="" exp="" field="lost_other_ha"/>
    <constraint desc="" exp="" field="gained_reclamation_ha"/>
    <constraint desc="" exp="" field="gained_garden_ha"/>
    <constraint desc="" exp="" field="gained_forest_ha"/>
    <constraint desc="" exp="" field="gained_grassland_ha"/>
    <constraint desc="" exp="" field="gained_other_ha"/>
    <constraint desc="" exp="" field="tiankan_change_ha"/>
    <constraint desc="" exp="" field="cultivated_closing_ha"/>
    <constraint desc="" exp="" field="tiankan_opening_ha"/>
    <constraint desc="" exp="" field="tiankan_closing_ha"/>
    <constraint desc="" exp="" field="quantity_ok"/>
    <constraint desc="" exp="" field="grade_opening_mean"/>
    <constraint desc="" exp="" field="grade_closing_mean"/>
    <constraint desc="" exp="" field="ungraded_opening_ha"/>
    <constraint desc="" exp="" field="ungraded_closing_ha"/>
    <constraint desc="" exp="" field="grade_tolerance"/>
    <constraint desc="" exp="" field="quality_ok"/>
    <constraint desc="" exp="" field="farmland_out_ha"/>
    <constraint desc="" exp="" field="farmland_in_ha"/>
    <constraint desc="" exp="" field="farmland_ratio"/>
    <constraint desc="" exp="" field="farmland_gain_min"/>
    <constraint desc="" exp="" field="farmland_out_grade"/>
    <constraint desc="" exp="" field="farmland_in_grade"/>
    <constraint desc="" exp="" field="farmland_ok"/>
    <constraint desc="" exp="" field="farmland_quality_ok"/>
    <constraint desc="" exp="" field="construction_opening_ha"/>
    <constraint desc="" exp="" field="reclaimed_ha"/>
    <constraint desc="" exp="" field="built_ha"/>
    <constraint desc="" exp="" field="construction_closing_ha"/>
    <constraint desc="" exp="" field="construction_ok"/>
    <constraint desc="" exp="" field="linkage_min"/>
    <constraint desc="" exp="" field="linkage_balance_ha"/>
    <constraint desc="" exp="" field="beach_parcels"/>
    <constraint desc="" exp="" field="beach_ha"/>
    <constraint desc="" exp="" field="beach_parcel_ids"/>
    <constraint desc="" exp="" field="linkage_ok"/>
    <constraint desc="" exp="" field="forest_opening_ha"/>
    <constraint desc="" exp="" field="forest_closing_ha"/>
    <constraint desc="" exp="" field="forest_ok"/>
    <constraint desc="" exp="" field="redline_parcels"/>
    <constraint desc="" exp="" field="redline_changed_ha"/>
    <constraint desc="" exp="" field="redline_ok"/>
    <constraint desc="" exp="" field="verdict"/>
    <constraint desc="" exp="" field="verdict_en"/>
    <constraint desc="" exp="" field="reasons_zh"/>
  </constraintExpressions>
  <expressionfields/>
  <attributeactions/>
  <attributetableconfig actionWidgetStyle="dropDown" sortExpression="" sortOrder="0">
    <columns/>
  </attributetableconfig>
  <conditionalstyles>
    <rowstyles/>
    <fieldstyles/>
  </conditionalstyles>
  <storedexpressions/>
  <editform tolerant="1"></editform>
  <editforminit/>
  <editforminitcodesource>0</editforminitcodesource>
  <editforminitfilepath></editforminitfilepath>
  <editforminitcode><![CDATA[]]></editforminitcode>
  <featformsuppress>0</featformsuppress>
  <editorlayout>generatedlayout</editorlayout>
  <editable/>
  <labelOnTop/>
  <reuseLastValue/>
  <dataDefinedFieldProperties/>
  <widgets/>
  <previewExpression></previewExpression>
  <mapTip></mapTip>
  <layerGeometryType>2</layerGeometryType>
</qgis>
