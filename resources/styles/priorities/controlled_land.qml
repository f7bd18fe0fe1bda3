<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis symbologyReferenceScale="-1" hasScaleBasedVisibilityFlag="0" minScale="100000000" simplifyMaxScale="1" version="3.22.16-Białowieża" simplifyDrawingHints="1" simplifyLocal="1" styleCategories="AllStyleCategories" simplifyDrawingTol="1" simplifyAlgorithm="0" maxScale="0" labelsEnabled="0" readOnly="0">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal startExpression="" startField="" durationUnit="min" fixedDuration="0" enabled="0" mode="0" endExpression="" durationField="" limitMode="0" endField="" accumulate="0">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <renderer-v2 type="RuleRenderer" referencescale="-1" symbollevels="0" enableorderby="0" forceraster="0">
    <rules key="{2a42d28d-4197-433a-9fab-e9e9327ee14f}">
      <rule filter="&quot;rank&quot; = 1" key="{6a5cf39e-221e-4543-b548-2268ad3ee1aa}" label="主导目标管控 ruled by the zone's first objective" symbol="0"/>
      <rule filter="&quot;rank&quot; > 1" key="{9d284fbc-0cb9-4197-988d-43a58449810e}" label="次级目标管控 ruled by a lower objective" symbol="1"/>
    </rules>
    <symbols>
      <symbol type="fill" force_rhr="0" name="0" alpha="1" clip_to_extent="1">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" name="name" value=""/>
            <Option name="properties"/>
            <Option type="QString" name="type" value="collection"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="border_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
            <Option type="QString" name="color" value="215,25,28,170"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
            <Option type="QString" name="outline_color" value="128,0,0,255"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.3"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="style" value="solid"/>
          </Option>
          <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="color" v="215,25,28,170"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="outline_color" v="128,0,0,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.3"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="solid"/>
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol type="fill" force_rhr="0" name="1" alpha="1" clip_to_extent="1">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" name="name" value=""/>
            <Option name="properties"/>
            <Option type="QString" name="type" value="collection"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option type="QString" name="border_width_map_unit_scale" value="3x:0,0,0,0,0,0"/>
            <Option type="QString" name="color" value="253,174,97,170"/>
            <Option type="QString" name="joinstyle" value="bevel"/>
            <Option type="QString" name="offset" value="0,0"/>
            <Option type="QString" name="offset_map_unit_scale" value="3x:0,0,0,0,0,0"/>
            <Option type="QString" name="offset_unit" value="MM"/>
            <Option type="QString" name="outline_color" value="166,97,26,255"/>
            <Option type="QString" name="outline_style" value="solid"/>
            <Option type="QString" name="outline_width" value="0.3"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="style" value="solid"/>
          </Option>
          <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="color" v="253,174,97,170"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="outline_color" v="166,97,26,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.3"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="solid"/>
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
    </symbols>
  </renderer-v2>
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
  <legend type="default-vector" showLabelLegend="0"/>
  <referencedLayers/>
  <fieldConfiguration>
    <field configurationFlags="None" name="landuse_fid">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="zone_fid">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="zone_type">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="land_class">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="objective">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="rank">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="rule">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="admin_code">
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
    <field configurationFlags="None" name="net_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias name="地类图斑要素号" field="landuse_fid" index="0"/>
    <alias name="分区要素号" field="zone_fid" index="1"/>
    <alias name="分区类型" field="zone_type" index="2"/>
    <alias name="地类编码" field="land_class" index="3"/>
    <alias name="主导目标" field="objective" index="4"/>
    <alias name="目标次序" field="rank" index="5"/>
    <alias name="管控规则" field="rule" index="6"/>
    <alias name="行政区代码" field="admin_code" index="7"/>
    <alias name="面积(公顷)" field="area_ha" index="8"/>
    <alias name="扣除后面积(公顷)" field="net_ha" index="9"/>
  </aliases>
  <defaults>
    <default applyOnUpdate="0" field="landuse_fid" expression=""/>
    <default applyOnUpdate="0" field="zone_fid" expression=""/>
    <default applyOnUpdate="0" field="zone_type" expression=""/>
    <default applyOnUpdate="0" field="land_class" expression=""/>
    <default applyOnUpdate="0" field="objective" expression=""/>
    <default applyOnUpdate="0" field="rank" expression=""/>
    <default applyOnUpdate="0" field="rule" expression=""/>
    <default applyOnUpdate="0" field="admin_code" expression=""/>
    <default applyOnUpdate="0" field="area_ha" expression=""/>
    <default applyOnUpdate="0" field="net_ha" expression=""/>
  </defaults>
  <constraints>
    <constraint constraints="0" field="landuse_fid" exp_strength="0" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" field="zone_fid" exp_strength="0" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" field="zone_type" exp_strength="0" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" field="land_class" exp_strength="0" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" field="objective" exp_strength="0" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" field="rank" exp_strength="0" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" field="rule" exp_strength="0" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" field="admin_code" exp_strength="0" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" field="area_ha" exp_strength="0" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" field="net_ha" exp_strength="0" notnull_strength="0" unique_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint exp="" field="landuse_fid" desc=""/>
    <constraint exp="" field="zone_fid" desc=""/>
    <constraint exp="" field="zone_type" desc=""/>
    <constraint exp="" field="land_class" desc=""/>
    <constraint exp="" field="objective" desc=""/>
    <constraint exp="" field="rank" desc=""/>
    <constraint exp="" field="rule" desc=""/>
    <constraint exp="" field="admin_code" desc=""/>
    <constraint exp="" field="area_ha" desc=""/>
    <constraint exp="" field="net_ha" desc=""/>
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
