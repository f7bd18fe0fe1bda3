<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis simplifyDrawingHints="1" maxScale="0" readOnly="0" version="3.22.16-Białowieża" minScale="100000000" simplifyLocal="1" symbologyReferenceScale="-1" simplifyDrawingTol="1" styleCategories="AllStyleCategories" simplifyMaxScale="1" hasScaleBasedVisibilityFlag="0" labelsEnabled="0" simplifyAlgorithm="0">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal limitMode="0" enabled="0" endField="" durationUnit="min" mode="0" endExpression="" fixedDuration="0" accumulate="0" startField="" startExpression="" durationField="">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <renderer-v2 forceraster="0" type="RuleRenderer" symbollevels="0" enableorderby="0" referencescale="-1">
    <rules key="{72c2e069-1dc6-4619-b3b1-2c442e09f8c8}">
      <rule symbol="0" key="{0adf13c4-eca0-48f6-acc7-ca801d7b824e}" filter="TRUE" label="Base-map and input issues"/>
    </rules>
    <symbols>
      <symbol type="fill" name="0" alpha="1" force_rhr="0" clip_to_extent="1">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" type="QString" name="name"/>
            <Option name="properties"/>
            <Option value="collection" type="QString" name="type"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option value="3x:0,0,0,0,0,0" type="QString" name="border_width_map_unit_scale"/>
            <Option value="153,0,13,255" type="QString" name="color"/>
            <Option value="bevel" type="QString" name="joinstyle"/>
            <Option value="0,0" type="QString" name="offset"/>
            <Option value="3x:0,0,0,0,0,0" type="QString" name="offset_map_unit_scale"/>
            <Option value="MM" type="QString" name="offset_unit"/>
            <Option value="153,0,13,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.4" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="f_diagonal" type="QString" name="style"/>
          </Option>
          <prop v="3x:0,0,0,0,0,0" k="border_width_map_unit_scale"/>
          <prop v="153,0,13,255" k="color"/>
          <prop v="bevel" k="joinstyle"/>
          <prop v="0,0" k="offset"/>
          <prop v="3x:0,0,0,0,0,0" k="offset_map_unit_scale"/>
          <prop v="MM" k="offset_unit"/>
          <prop v="153,0,13,255" k="outline_color"/>
          <prop v="solid" k="outline_style"/>
          <prop v="0.4" k="outline_width"/>
          <prop v="MM" k="outline_width_unit"/>
          <prop v="f_diagonal" k="style"/>
          <data_defined_properties>
            <Option type="Map">
              <Option value="" type="QString" name="name"/>
              <Option name="properties"/>
              <Option value="collection" type="QString" name="type"/>
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
      <Option value="" type="QString"/>
    </activeChecks>
    <checkConfiguration/>
  </geometryOptions>
  <legend type="default-vector" showLabelLegend="0"/>
  <referencedLayers/>
  <fieldConfiguration>
    <field name="kind" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="admin_a" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="admin_b" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="feature_id" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="city_id" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="area_m2" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="message_zh" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="message_en" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias field="kind" index="0" name="问题类型"/>
    <alias field="admin_a" index="1" name="行政区A代码"/>
    <alias field="admin_b" index="2" name="行政区B代码"/>
    <alias field="feature_id" index="3" name="要素编号"/>
    <alias field="city_id" index="4" name="城市代码"/>
    <alias field="area_m2" index="5" name="面积（平方米）"/>
    <alias field="message_zh" index="6" name="说明"/>
    <alias field="message_en" index="7" name="Message"/>
  </aliases>
  <defaults>
    <default applyOnUpdate="0" field="kind" expression=""/>
    <default applyOnUpdate="0" field="admin_a" expression=""/>
    <default applyOnUpdate="0" field="admin_b" expression=""/>
    <default applyOnUpdate="0" field="feature_id" expression=""/>
    <default applyOnUpdate="0" field="city_id" expression=""/>
    <default applyOnUpdate="0" field="area_m2" expression=""/>
    <default applyOnUpdate="0" field="message_zh" expression=""/>
    <default applyOnUpdate="0" field="message_en" expression=""/>
  </defaults>
  <constraints>
    <constraint field="kind" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="admin_a" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="admin_b" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="feature_id" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="city_id" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="area_m2" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="message_zh" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="message_en" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint field="kind" exp="" desc=""/>
    <constraint field="admin_a" exp="" desc=""/>
    <constraint field="admin_b" exp="" desc=""/>
    <constraint field="feature_id" exp="" desc=""/>
    <constraint field="city_id" exp="" desc=""/>
    <constraint field="area_m2" exp="" desc=""/>
    <constraint field="message_zh" exp="" desc=""/>
    <constraint field="message_en" exp="" desc=""/>
  </constraintExpressions>
  <expressionfields/>
  <attributeactions/>
  <attributetableconfig sortExpression="" actionWidgetStyle="dropDown" sortOrder="0">
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
