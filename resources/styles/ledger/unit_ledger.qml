<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" minScale="100000000" simplifyAlgorithm="0" simplifyLocal="1" symbologyReferenceScale="-1" simplifyDrawingHints="1" simplifyMaxScale="1" styleCategories="AllStyleCategories" readOnly="0" labelsEnabled="1" hasScaleBasedVisibilityFlag="0" maxScale="0" simplifyDrawingTol="1">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal startExpression="" accumulate="0" endField="" fixedDuration="0" durationField="" endExpression="" durationUnit="min" mode="0" startField="" enabled="0" limitMode="0">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <renderer-v2 attr="verdict_en" enableorderby="0" forceraster="0" symbollevels="0" type="categorizedSymbol" referencescale="-1">
    <categories>
      <category symbol="0" label="passed" value="pass" render="true"/>
      <category symbol="1" label="undetermined (a rule could not be checked)" value="undetermined" render="true"/>
      <category symbol="2" label="failed" value="fail" render="true"/>
    </categories>
    <symbols>
      <symbol clip_to_extent="1" alpha="1" name="0" force_rhr="0" type="fill">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleFill" locked="0" enabled="1" pass="0">
          <Option type="Map">
            <Option value="3x:0,0,0,0,0,0" name="border_width_map_unit_scale" type="QString"/>
            <Option value="26,152,80,170" name="color" type="QString"/>
            <Option value="bevel" name="joinstyle" type="QString"/>
            <Option value="0,0" name="offset" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
            <Option value="MM" name="offset_unit" type="QString"/>
            <Option value="11,93,44,255" name="outline_color" type="QString"/>
            <Option value="solid" name="outline_style" type="QString"/>
            <Option value="0.6" name="outline_width" type="QString"/>
            <Option value="MM" name="outline_width_unit" type="QString"/>
            <Option value="solid" name="style" type="QString"/>
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
              <Option value="" name="name" type="QString"/>
              <Option name="properties"/>
              <Option value="collection" name="type" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol clip_to_extent="1" alpha="1" name="1" force_rhr="0" type="fill">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleFill" locked="0" enabled="1" pass="0">
          <Option type="Map">
            <Option value="3x:0,0,0,0,0,0" name="border_width_map_unit_scale" type="QString"/>
            <Option value="189,189,189,170" name="color" type="QString"/>
            <Option value="bevel" name="joinstyle" type="QString"/>
            <Option value="0,0" name="offset" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
            <Option value="MM" name="offset_unit" type="QString"/>
            <Option value="82,82,82,255" name="outline_color" type="QString"/>
            <Option value="solid" name="outline_style" type="QString"/>
            <Option value="0.6" name="outline_width" type="QString"/>
            <Option value="MM" name="outline_width_unit" type="QString"/>
            <Option value="solid" name="style" type="QString"/>
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
              <Option value="" name="name" type="QString"/>
              <Option name="properties"/>
              <Option value="collection" name="type" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol clip_to_extent="1" alpha="1" name="2" force_rhr="0" type="fill">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleFill" locked="0" enabled="1" pass="0">
          <Option type="Map">
            <Option value="3x:0,0,0,0,0,0" name="border_width_map_unit_scale" type="QString"/>
            <Option value="215,48,39,170" name="color" type="QString"/>
            <Option value="bevel" name="joinstyle" type="QString"/>
            <Option value="0,0" name="offset" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
            <Option value="MM" name="offset_unit" type="QString"/>
            <Option value="127,0,0,255" name="outline_color" type="QString"/>
            <Option value="solid" name="outline_style" type="QString"/>
            <Option value="0.6" name="outline_width" type="QString"/>
            <Option value="MM" name="outline_width_unit" type="QString"/>
            <Option value="solid" name="style" type="QString"/>
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
              <Option value="" name="name" type="QString"/>
              <Option name="properties"/>
              <Option value="collection" name="type" type="QString"/>
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
      <text-style legendString="Aa" textOrientation="horizontal" fontSize="8" fontUnderline="0" fontStrikeout="0" useSubstitutions="0" fontLetterSpacing="0" previewBkgrdColor="255,255,255,255" fontKerning="1" fontItalic="0" textColor="32,32,32,255" fieldName="unit_id" multilineHeight="1" fontWordSpacing="0" fontSizeUnit="Point" fontFamily="WenQuanYi Micro Hei" namedStyle="" textOpacity="1" capitalization="0" fontWeight="50" isExpression="0" fontSizeMapUnitScale="3x:0,0,0,0,0,0" allowHtml="0" blendMode="0">
        <families/>
        <text-buffer bufferSize="0.80000000000000004" bufferSizeMapUnitScale="3x:0,0,0,0,0,0" bufferDraw="1" bufferOpacity="1" bufferSizeUnits="MM" bufferNoFill="1" bufferJoinStyle="128" bufferBlendMode="0" bufferColor="255,255,255,255"/>
        <text-mask maskJoinStyle="128" maskSizeUnits="MM" maskOpacity="1" maskSizeMapUnitScale="3x:0,0,0,0,0,0" maskSize="1.5" maskedSymbolLayers="" maskType="0" maskEnabled="0"/>
        <background shapeDraw="0" shapeBlendMode="0" shapeSizeY="0" shapeJoinStyle="64" shapeSizeUnit="MM" shapeBorderColor="128,128,128,255" shapeOffsetMapUnitScale="3x:0,0,0,0,0,0" shapeSizeType="0" shapeBorderWidth="0" shapeRadiiMapUnitScale="3x:0,0,0,0,0,0" shapeBorderWidthMapUnitScale="3x:0,0,0,0,0,0" shapeRadiiX="0" shapeSVGFile="" shapeFillColor="255,255,255,255" shapeRotationType="0" shapeOpacity="1" shapeBorderWidthUnit="MM" shapeOffsetY="0" shapeRadiiUnit="MM" shapeSizeX="0" shapeRotation="0" shapeRadiiY="0" shapeOffsetX="0" shapeSizeMapUnitScale="3x:0,0,0,0,0,0" shapeOffsetUnit="MM" shapeType="0">
          <symbol clip_to_extent="1" alpha="1" name="fillSymbol" force_rhr="0" type="fill">
            <data_defined_properties>
              <Option type="Map">
                <Option value="" name="name" type="QString"/>
                <Option name="properties"/>
                <Option value="collection" name="type" type="QString"/>
              </Option>
            </data_defined_properties>
            <layer class="SimpleFill" locked="0" enabled="1" pass="0">
              <Option type="Map">
                <Option value="3x:0,0,0,0,0,0" name="border_width_map_unit_scale" type="QString"/>
                <Option value="255,255,255,255" name="color" type="QString"/>
                <Option value="bevel" name="joinstyle" type="QString"/>
                <Option value="0,0" name="offset" type="QString"/>
                <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
                <Option value="MM" name="offset_unit" type="QString"/>
                <Option value="128,128,128,255" name="outline_color" type="QString"/>
                <Option value="no" name="outline_style" type="QString"/>
                <Option value="0" name="outline_width" type="QString"/>
                <Option value="MM" name="outline_width_unit" type="QString"/>
                <Option value="solid" name="style" type="QString"/>
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
                  <Option value="" name="name" type="QString"/>
                  <Option name="properties"/>
                  <Option value="collection" name="type" type="QString"/>
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </background>
        <shadow shadowDraw="0" shadowOffsetUnit="MM" shadowRadiusMapUnitScale="3x:0,0,0,0,0,0" shadowScale="100" shadowUnder="0" shadowBlendMode="6" shadowOffsetAngle="135" shadowRadiusAlphaOnly="0" shadowRadius="1.5" shadowOffsetDist="1" shadowOffsetMapUnitScale="3x:0,0,0,0,0,0" shadowRadiusUnit="MM" shadowOpacity="0.69999999999999996" shadowOffsetGlobal="1" shadowColor="0,0,0,255"/>
        <dd_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </dd_properties>
        <substitutions/>
      </text-style>
      <text-format useMaxLineLengthForAutoWrap="1" rightDirectionSymbol=">" wrapChar="" multilineAlign="3" decimals="3" formatNumbers="0" autoWrapLength="0" placeDirectionSymbol="0" plussign="0" addDirectionSymbol="0" reverseDirectionSymbol="0" leftDirectionSymbol="&lt;"/>
      <placement offsetUnits="MM" dist="0" layerType="UnknownGeometry" fitInPolygonOnly="0" polygonPlacementFlags="2" predefinedPositionOrder="TR,TL,BR,BL,R,L,TSR,BSR" yOffset="0" rotationUnit="AngleDegrees" repeatDistance="0" overrunDistance="0" lineAnchorPercent="0.5" rotationAngle="0" overrunDistanceMapUnitScale="3x:0,0,0,0,0,0" geometryGenerator="" quadOffset="4" distUnits="MM" repeatDistanceUnits="MM" centroidInside="0" xOffset="0" distMapUnitScale="3x:0,0,0,0,0,0" preserveRotation="1" geometryGeneratorEnabled="0" lineAnchorClipping="0" placementFlags="10" lineAnchorType="0" offsetType="0" centroidWhole="0" placement="0" labelOffsetMapUnitScale="3x:0,0,0,0,0,0" maxCurvedCharAngleIn="25" priority="5" geometryGeneratorType="PointGeometry" maxCurvedCharAngleOut="-25" overrunDistanceUnit="MM" repeatDistanceMapUnitScale="3x:0,0,0,0,0,0"/>
      <rendering fontMinPixelSize="0" mergeLines="0" maxNumLabels="2000" obstacle="1" upsidedownLabels="0" zIndex="0" obstacleType="1" scaleMax="0" scaleMin="0" labelPerPart="0" fontMaxPixelSize="10000" displayAll="0" scaleVisibility="0" drawLabels="1" obstacleFactor="1" fontLimitPixelSize="0" unplacedVisibility="0" minFeatureSize="0" limitNumLabels="0"/>
      <dd_properties>
        <Option type="Map">
          <Option value="" name="name" type="QString"/>
          <Option name="properties"/>
          <Option value="collection" name="type" type="QString"/>
        </Option>
      </dd_properties>
      <callout type="simple">
        <Option type="Map">
          <Option value="pole_of_inaccessibility" name="anchorPoint" type="QString"/>
          <Option value="0" name="blendMode" type="int"/>
          <Option name="ddProperties" type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
          <Option value="false" name="drawToAllParts" type="bool"/>
          <Option value="0" name="enabled" type="QString"/>
          <Option value="point_on_exterior" name="labelAnchorPoint" type="QString"/>
          <Option value="&lt;symbol clip_to_extent=&quot;1&quot; alpha=&quot;1&quot; name=&quot;symbol&quot; force_rhr=&quot;0&quot; type=&quot;line&quot;>&lt;data_defined_properties>&lt;Option type=&quot;Map&quot;>&lt;Option value=&quot;&quot; name=&quot;name&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;properties&quot;/>&lt;Option value=&quot;collection&quot; name=&quot;type&quot; type=&quot;QString&quot;/>&lt;/Option>&lt;/data_defined_properties>&lt;layer class=&quot;SimpleLine&quot; locked=&quot;0&quot; enabled=&quot;1&quot; pass=&quot;0&quot;>&lt;Option type=&quot;Map&quot;>&lt;Option value=&quot;0&quot; name=&quot;align_dash_pattern&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;square&quot; name=&quot;capstyle&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;5;2&quot; name=&quot;customdash&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;3x:0,0,0,0,0,0&quot; name=&quot;customdash_map_unit_scale&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;MM&quot; name=&quot;customdash_unit&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0&quot; name=&quot;dash_pattern_offset&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;3x:0,0,0,0,0,0&quot; name=&quot;dash_pattern_offset_map_unit_scale&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;MM&quot; name=&quot;dash_pattern_offset_unit&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0&quot; name=&quot;draw_inside_polygon&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;bevel&quot; name=&quot;joinstyle&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;60,60,60,255&quot; name=&quot;line_color&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;solid&quot; name=&quot;line_style&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0.3&quot; name=&quot;line_width&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;MM&quot; name=&quot;line_width_unit&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0&quot; name=&quot;offset&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;3x:0,0,0,0,0,0&quot; name=&quot;offset_map_unit_scale&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;MM&quot; name=&quot;offset_unit&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0&quot; name=&quot;ring_filter&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0&quot; name=&quot;trim_distance_end&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;3x:0,0,0,0,0,0&quot; name=&quot;trim_distance_end_map_unit_scale&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;MM&quot; name=&quot;trim_distance_end_unit&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0&quot; name=&quot;trim_distance_start&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;3x:0,0,0,0,0,0&quot; name=&quot;trim_distance_start_map_unit_scale&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;MM&quot; name=&quot;trim_distance_start_unit&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0&quot; name=&quot;tweak_dash_pattern_on_corners&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0&quot; name=&quot;use_custom_dash&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;3x:0,0,0,0,0,0&quot; name=&quot;width_map_unit_scale&quot; type=&quot;QString&quot;/>&lt;/Option>&lt;prop k=&quot;align_dash_pattern&quot; v=&quot;0&quot;/>&lt;prop k=&quot;capstyle&quot; v=&quot;square&quot;/>&lt;prop k=&quot;customdash&quot; v=&quot;5;2&quot;/>&lt;prop k=&quot;customdash_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;customdash_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;dash_pattern_offset&quot; v=&quot;0&quot;/>&lt;prop k=&quot;dash_pattern_offset_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;dash_pattern_offset_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;draw_inside_polygon&quot; v=&quot;0&quot;/>&lt;prop k=&quot;joinstyle&quot; v=&quot;bevel&quot;/>&lt;prop k=&quot;line_color&quot; v=&quot;60,60,60,255&quot;/>&lt;prop k=&quot;line_style&quot; v=&quot;solid&quot;/>&lt;prop k=&quot;line_width&quot; v=&quot;0.3&quot;/>&lt;prop k=&quot;line_width_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;offset&quot; v=&quot;0&quot;/>&lt;prop k=&quot;offset_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;offset_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;ring_filter&quot; v=&quot;0&quot;/>&lt;prop k=&quot;trim_distance_end&quot; v=&quot;0&quot;/>&lt;prop k=&quot;trim_distance_end_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;trim_distance_end_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;trim_distance_start&quot; v=&quot;0&quot;/>&lt;prop k=&quot;trim_distance_start_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;trim_distance_start_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;tweak_dash_pattern_on_corners&quot; v=&quot;0&quot;/>&lt;prop k=&quot;use_custom_dash&quot; v=&quot;0&quot;/>&lt;prop k=&quot;width_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;data_defined_properties>&lt;Option type=&quot;Map&quot;>&lt;Option value=&quot;&quot; name=&quot;name&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;properties&quot;/>&lt;Option value=&quot;collection&quot; name=&quot;type&quot; type=&quot;QString&quot;/>&lt;/Option>&lt;/data_defined_properties>&lt;/layer>&lt;/symbol>" name="lineSymbol" type="QString"/>
          <Option value="0" name="minLength" type="double"/>
          <Option value="3x:0,0,0,0,0,0" name="minLengthMapUnitScale" type="QString"/>
          <Option value="MM" name="minLengthUnit" type="QString"/>
          <Option value="0" name="offsetFromAnchor" type="double"/>
          <Option value="3x:0,0,0,0,0,0" name="offsetFromAnchorMapUnitScale" type="QString"/>
          <Option value="MM" name="offsetFromAnchorUnit" type="QString"/>
          <Option value="0" name="offsetFromLabel" type="double"/>
          <Option value="3x:0,0,0,0,0,0" name="offsetFromLabelMapUnitScale" type="QString"/>
          <Option value="MM" name="offsetFromLabelUnit" type="QString"/>
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
      <Option value="" type="QString"/>
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
    <alias name="单元编号" field="unit_id" index="0"/>
    <alias name="单元名称" field="name" index="1"/>
    <alias name="图斑数" field="parcels" index="2"/>
    <alias name="面积（公顷）" field="area_ha" index="3"/>
    <alias name="耕地期初（公顷，扣除田坎）" field="cultivated_opening_ha" index="4"/>
    <alias name="减少：转为建设用地（公顷）" field="lost_construction_ha" index="5"/>
    <alias name="减少：转为园地（公顷）" field="lost_garden_ha" index="6"/>
    <alias name="减少：转为林地（公顷）" field="lost_forest_ha" index="7"/>
    <alias name="减少：转为草地（公顷）" field="lost_grassland_ha" index="8"/>
    <alias name="减少：转为其他（公顷）" field="lost_other_ha" index="9"/>
    <alias name="增加：建设用地复垦（公顷）" field="gained_reclamation_ha" index="10"/>
    <alias name="增加：园地整理（公顷）" field="gained_garden_ha" index="11"/>
    <alias name="增加：林地整理（公顷）" field="gained_forest_ha" index="12"/>
    <alias name="增加：草地开发（公顷）" field="gained_grassland_ha" index="13"/>
    <alias name="增加：其他开发（公顷）" field="gained_other_ha" index="14"/>
    <alias name="田坎变化（公顷）" field="tiankan_change_ha" index="15"/>
    <alias name="耕地期末（公顷，扣除田坎）" field="cultivated_closing_ha" index="16"/>
    <alias name="田坎期初（公顷）" field="tiankan_opening_ha" index="17"/>
    <alias name="田坎期末（公顷）" field="tiankan_closing_ha" index="18"/>
    <alias name="L1 耕地数量不减少" field="quantity_ok" index="19"/>
    <alias name="期初平均等别" field="grade_opening_mean" index="20"/>
    <alias name="期末平均等别" field="grade_closing_mean" index="21"/>
    <alias name="期初无等别耕地（公顷）" field="ungraded_opening_ha" index="22"/>
    <alias name="期末无等别耕地（公顷）" field="ungraded_closing_ha" index="23"/>
    <alias name="等别容差" field="grade_tolerance" index="24"/>
    <alias name="L2 耕地质量不降低" field="quality_ok" index="25"/>
    <alias name="永久基本农田调出（公顷）" field="farmland_out_ha" index="26"/>
    <alias name="永久基本农田调入（公顷）" field="farmland_in_ha" index="27"/>
    <alias name="调入/调出" field="farmland_ratio" index="28"/>
    <alias name="调入最低比例" field="farmland_gain_min" index="29"/>
    <alias name="调出平均等别" field="farmland_out_grade" index="30"/>
    <alias name="调入平均等别" field="farmland_in_grade" index="31"/>
    <alias name="L3 调入不少于调出比例" field="farmland_ok" index="32"/>
    <alias name="L3 调入质量不降低" field="farmland_quality_ok" index="33"/>
    <alias name="建设用地期初（公顷）" field="construction_opening_ha" index="34"/>
    <alias name="拆旧复垦（公顷）" field="reclaimed_ha" index="35"/>
    <alias name="建新（公顷）" field="built_ha" index="36"/>
    <alias name="建设用地期末（公顷）" field="construction_closing_ha" index="37"/>
    <alias name="L4 建设用地总量不增加" field="construction_ok" index="38"/>
    <alias name="拆旧/建新最低比例" field="linkage_min" index="39"/>
    <alias name="增减挂钩结余（公顷）" field="linkage_balance_ha" index="40"/>
    <alias name="河道滩地复垦图斑数" field="beach_parcels" index="41"/>
    <alias name="河道滩地复垦面积（公顷）" field="beach_ha" index="42"/>
    <alias name="河道滩地复垦图斑" field="beach_parcel_ids" index="43"/>
    <alias name="L5 增减挂钩平衡" field="linkage_ok" index="44"/>
    <alias name="标准林地期初（公顷）" field="forest_opening_ha" index="45"/>
    <alias name="标准林地期末（公顷）" field="forest_closing_ha" index="46"/>
    <alias name="L6 标准林地不减少" field="forest_ok" index="47"/>
    <alias name="红线内变化图斑数" field="redline_parcels" index="48"/>
    <alias name="红线内变化面积（公顷）" field="redline_changed_ha" index="49"/>
    <alias name="L7 红线内无非修复变化" field="redline_ok" index="50"/>
    <alias name="结论" field="verdict" index="51"/>
    <alias name="verdict" field="verdict_en" index="52"/>
    <alias name="说明" field="reasons_zh" index="53"/>
  </aliases>
  <defaults>
    <default applyOnUpdate="0" field="unit_id" expression=""/>
    <default applyOnUpdate="0" field="name" expression=""/>
    <default applyOnUpdate="0" field="parcels" expression=""/>
    <default applyOnUpdate="0" field="area_ha" expression=""/>
    <default applyOnUpdate="0" field="cultivated_opening_ha" expression=""/>
    <default applyOnUpdate="0" field="lost_construction_ha" expression=""/>
    <default applyOnUpdate="0" field="lost_garden_ha" expression=""/>
    <default applyOnUpdate="0" field="lost_forest_ha" expression=""/>
    <default applyOnUpdate="0" field="lost_grassland_ha" expression=""/>
    <default applyOnUpdate="0" field="lost_other_ha" expression=""/>
    <default applyOnUpdate="0" field="gained_reclamation_ha" expression=""/>
    <default applyOnUpdate="0" field="gained_garden_ha" expression=""/>
    <default applyOnUpdate="0" field="gained_forest_ha" expression=""/>
    <default applyOnUpdate="0" field="gained_grassland_ha" expression=""/>
    <default applyOnUpdate="0" field="gained_other_ha" expression=""/>
    <default applyOnUpdate="0" field="tiankan_change_ha" expression=""/>
    <default applyOnUpdate="0" field="cultivated_closing_ha" expression=""/>
    <default applyOnUpdate="0" field="tiankan_opening_ha" expression=""/>
    <default applyOnUpdate="0" field="tiankan_closing_ha" expression=""/>
    <default applyOnUpdate="0" field="quantity_ok" expression=""/>
    <default applyOnUpdate="0" field="grade_opening_mean" expression=""/>
    <default applyOnUpdate="0" field="grade_closing_mean" expression=""/>
    <default applyOnUpdate="0" field="ungraded_opening_ha" expression=""/>
    <default applyOnUpdate="0" field="ungraded_closing_ha" expression=""/>
    <default applyOnUpdate="0" field="grade_tolerance" expression=""/>
    <default applyOnUpdate="0" field="quality_ok" expression=""/>
    <default applyOnUpdate="0" field="farmland_out_ha" expression=""/>
    <default applyOnUpdate="0" field="farmland_in_ha" expression=""/>
    <default applyOnUpdate="0" field="farmland_ratio" expression=""/>
    <default applyOnUpdate="0" field="farmland_gain_min" expression=""/>
    <default applyOnUpdate="0" field="farmland_out_grade" expression=""/>
    <default applyOnUpdate="0" field="farmland_in_grade" expression=""/>
    <default applyOnUpdate="0" field="farmland_ok" expression=""/>
    <default applyOnUpdate="0" field="farmland_quality_ok" expression=""/>
    <default applyOnUpdate="0" field="construction_opening_ha" expression=""/>
    <default applyOnUpdate="0" field="reclaimed_ha" expression=""/>
    <default applyOnUpdate="0" field="built_ha" expression=""/>
    <default applyOnUpdate="0" field="construction_closing_ha" expression=""/>
    <default applyOnUpdate="0" field="construction_ok" expression=""/>
    <default applyOnUpdate="0" field="linkage_min" expression=""/>
    <default applyOnUpdate="0" field="linkage_balance_ha" expression=""/>
    <default applyOnUpdate="0" field="beach_parcels" expression=""/>
    <default applyOnUpdate="0" field="beach_ha" expression=""/>
    <default applyOnUpdate="0" field="beach_parcel_ids" expression=""/>
    <default applyOnUpdate="0" field="linkage_ok" expression=""/>
    <default applyOnUpdate="0" field="forest_opening_ha" expression=""/>
    <default applyOnUpdate="0" field="forest_closing_ha" expression=""/>
    <default applyOnUpdate="0" field="forest_ok" expression=""/>
    <default applyOnUpdate="0" field="redline_parcels" expression=""/>
    <default applyOnUpdate="0" field="redline_changed_ha" expression=""/>
    <default applyOnUpdate="0" field="redline_ok" expression=""/>
    <default applyOnUpdate="0" field="verdict" expression=""/>
    <default applyOnUpdate="0" field="verdict_en" expression=""/>
    <default applyOnUpdate="0" field="reasons_zh" expression=""/>
  </defaults>
  <constraints>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="unit_id"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="name"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="parcels"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="area_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="cultivated_opening_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="lost_construction_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="lost_garden_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="lost_forest_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="lost_grassland_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="lost_other_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="gained_reclamation_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="gained_garden_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="gained_forest_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="gained_grassland_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="gained_other_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="tiankan_change_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="cultivated_closing_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="tiankan_opening_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="tiankan_closing_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="quantity_ok"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="grade_opening_mean"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="grade_closing_mean"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="ungraded_opening_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="ungraded_closing_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="grade_tolerance"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="quality_ok"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="farmland_out_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="farmland_in_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="farmland_ratio"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="farmland_gain_min"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="farmland_out_grade"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="farmland_in_grade"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="farmland_ok"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="farmland_quality_ok"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="construction_opening_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="reclaimed_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="built_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="construction_closing_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="construction_ok"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="linkage_min"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="linkage_balance_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="beach_parcels"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="beach_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="beach_parcel_ids"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="linkage_ok"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="forest_opening_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="forest_closing_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="forest_ok"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="redline_parcels"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="redline_changed_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="redline_ok"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="verdict"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="verdict_en"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="reasons_zh"/>
  </constraints>
  <constraintExpressions>
    <constraint desc="" field="unit_id" exp=""/>
    <constraint desc="" field="name" exp=""/>
    <constraint desc="" field="parcels" exp=""/>
    <constraint desc="" field="area_ha" exp=""/>
    <constraint desc="" field="cultivated_opening_ha" exp=""/>
    <constraint desc="" field="lost_construction_ha" exp=""/>
    <constraint desc="" field="lost_garden_ha" exp=""/>
    <constraint desc="" field="lost_forest_ha" exp=""/>
    <constraint desc="" field="lost_grassland_ha" exp=""/>
    <constraint desc="" field="lost_other_ha" exp=""/>
    <constraint desc="" field="gained_reclamation_ha" exp=""/>
    <constraint desc="" field="gained_garden_ha" exp=""/>
    <constraint desc="" field="gained_forest_ha" exp=""/>
    <constraint desc="" field="gained_grassland_ha" exp=""/>
    <constraint desc="" field="gained_other_ha" exp=""/>
    <constraint desc="" field="tiankan_change_ha" exp=""/>
    <constraint desc="" field="cultivated_closing_ha" exp=""/>
    <constraint desc="" field="tiankan_opening_ha" exp=""/>
    <constraint desc="" field="tiankan_closing_ha" exp=""/>
    <constraint desc="" field="quantity_ok" exp=""/>
    <constraint desc="" field="grade_opening_mean" exp=""/>
    <constraint desc="" field="grade_closing_mean" exp=""/>
    <constraint desc="" field="ungraded_opening_ha" exp=""/>
    <constraint desc="" field="ungraded_closing_ha" exp=""/>
    <constraint desc="" field="grade_tolerance" exp=""/>
    <constraint desc="" field="quality_ok" exp=""/>
    <constraint desc="" field="farmland_out_ha" exp=""/>
    <constraint desc="" field="farmland_in_ha" exp=""/>
    <constraint desc="" field="farmland_ratio" exp=""/>
    <constraint desc="" field="farmland_gain_min" exp=""/>
    <constraint desc="" field="farmland_out_grade" exp=""/>
    <constraint desc="" field="farmland_in_grade" exp=""/>
    <constraint desc="" field="farmland_ok" exp=""/>
    <constraint desc="" field="farmland_quality_ok" exp=""/>
    <constraint desc="" field="construction_opening_ha" exp=""/>
    <constraint desc="" field="reclaimed_ha" exp=""/>
    <constraint desc="" field="built_ha" exp=""/>
    <constraint desc="" field="construction_closing_ha" exp=""/>
    <constraint desc="" field="construction_ok" exp=""/>
    <constraint desc="" field="linkage_min" exp=""/>
    <constraint desc="" field="linkage_balance_ha" exp=""/>
    <constraint desc="" field="beach_parcels" exp=""/>
    <constraint desc="" field="beach_ha" exp=""/>
    <constraint desc="" field="beach_parcel_ids" exp=""/>
    <constraint desc="" field="linkage_ok" exp=""/>
    <constraint desc="" field="forest_opening_ha" exp=""/>
    <constraint desc="" field="forest_closing_ha" exp=""/>
    <constraint desc="" field="forest_ok" exp=""/>
    <constraint desc="" field="redline_parcels" exp=""/>
    <constraint desc="" field="redline_changed_ha" exp=""/>
    <constraint desc="" field="redline_ok" exp=""/>
    <constraint desc="" field="verdict" exp=""/>
    <constraint desc="" field="verdict_en" exp=""/>
    <constraint desc="" field="reasons_zh" exp=""/>
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
