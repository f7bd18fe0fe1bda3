<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis labelsEnabled="0" simplifyMaxScale="1" styleCategories="AllStyleCategories" hasScaleBasedVisibilityFlag="0" minScale="100000000" simplifyDrawingHints="1" version="3.22.16-Białowieża" simplifyDrawingTol="1" simplifyLocal="1" symbologyReferenceScale="-1" readOnly="0" maxScale="0" simplifyAlgorithm="0">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal fixedDuration="0" mode="0" endField="" startExpression="" endExpression="" enabled="0" durationField="" durationUnit="min" limitMode="0" startField="" accumulate="0">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <renderer-v2 referencescale="-1" symbollevels="0" type="RuleRenderer" forceraster="0" enableorderby="0">
    <rules key="{13603b17-6da9-4499-b576-10ee98aaa857}">
      <rule symbol="0" filter="&quot;rank&quot; = 1" key="{2748c96b-ff7a-43ca-ae8a-d98043f14d57}" label="主导目标管控 ruled by the zone's first objective"/>
      <rule symbol="1" filter="&quot;rank&quot; > 1" key="{dfe1e616-23b8-4728-b979-81b2f587d492}" label="次级目标管控 ruled by a lower objective"/>
    </rules>
    <symbols>
      <symbol alpha="1" type="fill" name="0" clip_to_extent="1" force_rhr="0">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" name="name" value=""/>
            <Option name="properties"/>
            <Option type="QString" name="type" value="collection"/>
          </Option>
        </data_defined_properties>
        <layer enabled="1" class="SimpleFill" locked="0" pass="0">
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
          <prop v="3x:0,0,0,0,0,0" k="border_width_map_unit_scale"/>
          <prop v="215,25,28,170" k="color"/>
          <prop v="bevel" k="joinstyle"/>
          <prop v="0,0" k="offset"/>
          <prop v="3x:0,0,0,0,0,0" k="offset_map_unit_scale"/>
          <prop v="MM" k="offset_unit"/>
          <prop v="128,0,0,255" k="outline_color"/>
          <prop v="solid" k="outline_style"/>
          <prop v="0.3" k="outline_width"/>
          <prop v="MM" k="outline_width_unit"/>
          <prop v="solid" k="style"/>
          <data_defined_properties>
            <Option type="Map">
              <Option type="QString" name="name" value=""/>
              <Option name="properties"/>
              <Option type="QString" name="type" value="collection"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol alpha="1" type="fill" name="1" clip_to_extent="1" force_rhr="0">
        <data_defined_properties>
          <Option type="Map">
            <Option type="QString" name="name" value=""/>
            <Option name="properties"/>
            <Option type="QString" name="type" value="collection"/>
          </Option>
        </data_defined_properties>
        <layer enabled="1" class="SimpleFill" locked="0" pass="0">
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
          <prop v="3x:0,0,0,0,0,0" k="border_width_map_unit_scale"/>
          <prop v="253,174,97,170" k="color"/>
          <prop v="bevel" k="joinstyle"/>
          <prop v="0,0" k="offset"/>
          <prop v="3x:0,0,0,0,0,0" k="offset_map_unit_scale"/>
          <prop v="MM" k="offset_unit"/>
          <prop v="166,97,26,255" k="outline_color"/>
          <prop v="solid" k="outline_style"/>
          <prop v="0.3" k="outline_width"/>
          <prop v="MM" k="outline_width_unit"/>
          <prop v="solid" k="style"/>
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
    <alias field="landuse_fid" index="0" name="地类图斑要素号"/>
    <alias field="zone_fid" index="1" name="分区要素号"/>
    <alias field="zone_type" index="2" name="分区类型"/>
    <alias field="land_class" index="3" name="地类编码"/>
    <alias field="objective" index="4" name="主导目标"/>
    <alias field="rank" index="5" name="目标次序"/>
    <alias field="rule" index="6" name="管控规则"/>
    <alias field="admin_code" index="7" name="行政区代码"/>
    <alias field="area_ha" index="8" name="面积(公顷)"/>
    <alias field="net_ha" index="9" name="扣除后面积(公顷)"/>
  </aliases>
  <defaults>
    <default field="landuse_fid" applyOnUpdate="0" expression=""/>
    <default field="zone_fid" applyOnUpdate="0" expression=""/>
    <default field="zone_type" applyOnUpdate="0" expression=""/>
    <default field="land_class" applyOnUpdate="0" expression=""/>
    <default field="objective" applyOnUpdate="0" expression=""/>
    <default field="rank" applyOnUpdate="0" expression=""/>
    <default field="rule" applyOnUpdate="0" expression=""/>
    <default field="admin_code" applyOnUpdate="0" expression=""/>
    <default field="area_ha" applyOnUpdate="0" expression=""/>
    <default field="net_ha" applyOnUpdate="0" expression=""/>
  </defaults>
  <constraints>
    <constraint field="landuse_fid" exp_strength="0" notnull_strength="0" constraints="0" unique_strength="0"/>
    <constraint field="zone_fid" exp_strength="0" notnull_strength="0" constraints="0" unique_strength="0"/>
    <constraint field="zone_type" exp_strength="0" notnull_strength="0" constraints="0" unique_strength="0"/>
    <constraint field="land_class" exp_strength="0" notnull_strength="0" constraints="0" unique_strength="0"/>
    <constraint field="objective" exp_strength="0" notnull_strength="0" constraints="0" unique_strength="0"/>
    <constraint field="rank" exp_strength="0" notnull_strength="0" constraints="0" unique_strength="0"/>
    <constraint field="rule" exp_strength="0" notnull_strength="0" constraints="0" unique_strength="0"/>
    <constraint field="admin_code" exp_strength="0" notnull_strength="0" constraints="0" unique_strength="0"/>
    <constraint field="area_ha" exp_strength="0" notnull_strength="0" constraints="0" unique_strength="0"/>
    <constraint field="net_ha" exp_strength="0" notnull_strength="0" constraints="0" unique_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint field="landuse_fid" exp="" desc=""/>
    <constraint field="zone_fid" exp="" desc=""/>
    <constraint field="zone_type" exp="" desc=""/>
    <constraint field="land_class" exp="" desc=""/>
    <constraint field="objective" exp="" desc=""/>
    <constraint field="rank" exp="" desc=""/>
    <constraint field="rule" exp="" desc=""/>
    <constraint field="admin_code" exp="" desc=""/>
    <constraint field="area_ha" exp="" desc=""/>
    <constraint field="net_ha" exp="" desc=""/>
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
