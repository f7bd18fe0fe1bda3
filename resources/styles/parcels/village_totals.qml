<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis maxScale="0" readOnly="0" version="3.22.16-Białowieża" minScale="1e+08" styleCategories="AllStyleCategories" hasScaleBasedVisibilityFlag="0">
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
  <customproperties>
    <Option/>
  </customproperties>
  <geometryOptions geometryPrecision="0" removeDuplicateNodes="0">
    <activeChecks type="StringList">
      <Option value="" type="QString"/>
    </activeChecks>
    <checkConfiguration/>
  </geometryOptions>
  <legend type="default-vector" showLabelLegend="0"/>
  <referencedLayers/>
  <fieldConfiguration>
    <field name="village_id" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="name" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="parcels" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="pass_count" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="conditional_count" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="fail_count" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="area_ha" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="new_cultivated_ha" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="lost_cultivated_ha" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="dm_ha" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="area_mu" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias field="village_id" index="0" name="村编号"/>
    <alias field="name" index="1" name="村名"/>
    <alias field="parcels" index="2" name="地块数"/>
    <alias field="pass_count" index="3" name="通过"/>
    <alias field="conditional_count" index="4" name="有条件通过"/>
    <alias field="fail_count" index="5" name="不通过"/>
    <alias field="area_ha" index="6" name="整治面积（公顷）"/>
    <alias field="new_cultivated_ha" index="7" name="新增耕地（公顷）"/>
    <alias field="lost_cultivated_ha" index="8" name="减少耕地（公顷）"/>
    <alias field="dm_ha" index="9" name="标准林地变化（公顷）"/>
    <alias field="area_mu" index="10" name="整治面积（亩）"/>
  </aliases>
  <defaults>
    <default applyOnUpdate="0" field="village_id" expression=""/>
    <default applyOnUpdate="0" field="name" expression=""/>
    <default applyOnUpdate="0" field="parcels" expression=""/>
    <default applyOnUpdate="0" field="pass_count" expression=""/>
    <default applyOnUpdate="0" field="conditional_count" expression=""/>
    <default applyOnUpdate="0" field="fail_count" expression=""/>
    <default applyOnUpdate="0" field="area_ha" expression=""/>
    <default applyOnUpdate="0" field="new_cultivated_ha" expression=""/>
    <default applyOnUpdate="0" field="lost_cultivated_ha" expression=""/>
    <default applyOnUpdate="0" field="dm_ha" expression=""/>
    <default applyOnUpdate="0" field="area_mu" expression=""/>
  </defaults>
  <constraints>
    <constraint field="village_id" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="name" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="parcels" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="pass_count" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="conditional_count" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="fail_count" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="area_ha" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="new_cultivated_ha" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="lost_cultivated_ha" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="dm_ha" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="area_mu" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint field="village_id" exp="" desc=""/>
    <constraint field="name" exp="" desc=""/>
    <constraint field="parcels" exp="" desc=""/>
    <constraint field="pass_count" exp="" desc=""/>
    <constraint field="conditional_count" exp="" desc=""/>
    <constraint field="fail_count" exp="" desc=""/>
    <constraint field="area_ha" exp="" desc=""/>
    <constraint field="new_cultivated_ha" exp="" desc=""/>
    <constraint field="lost_cultivated_ha" exp="" desc=""/>
    <constraint field="dm_ha" exp="" desc=""/>
    <constraint field="area_mu" exp="" desc=""/>
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
  <layerGeometryType>4</layerGeometryType>
</qgis>
