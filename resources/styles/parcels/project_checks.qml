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
    <field name="project_id" configurationFlags="None">
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
    <field name="area_ha" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="original_cultivated_ha" configurationFlags="None">
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
    <field name="new_cultivated_ratio" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="new_cultivated_ok" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="farmland_out_ha" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="farmland_added_ha" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="farmland_ratio" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="farmland_ok" configurationFlags="None">
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
    <field name="ecology_ok" configurationFlags="None">
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
    <field name="verdict" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="verdict_en" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="tolerance_m2" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="reasons_zh" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field name="reasons_en" configurationFlags="None">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias field="project_id" index="0" name="项目/整治单元"/>
    <alias field="name" index="1" name="名称"/>
    <alias field="parcels" index="2" name="地块数"/>
    <alias field="area_ha" index="3" name="整治面积（公顷）"/>
    <alias field="original_cultivated_ha" index="4" name="原有耕地（公顷）"/>
    <alias field="new_cultivated_ha" index="5" name="新增耕地（公顷）"/>
    <alias field="lost_cultivated_ha" index="6" name="减少耕地（公顷）"/>
    <alias field="new_cultivated_ratio" index="7" name="净新增耕地比例"/>
    <alias field="new_cultivated_ok" index="8" name="U01"/>
    <alias field="farmland_out_ha" index="9" name="调出永久基本农田（公顷）"/>
    <alias field="farmland_added_ha" index="10" name="可补划新增耕地（公顷）"/>
    <alias field="farmland_ratio" index="11" name="补划比例"/>
    <alias field="farmland_ok" index="12" name="U02"/>
    <alias field="dm_ha" index="13" name="标准林地变化（公顷）"/>
    <alias field="ecology_ok" index="14" name="U03"/>
    <alias field="pass_count" index="15" name="通过"/>
    <alias field="conditional_count" index="16" name="有条件通过"/>
    <alias field="fail_count" index="17" name="不通过"/>
    <alias field="verdict" index="18" name="审查结论"/>
    <alias field="verdict_en" index="19" name="verdict"/>
    <alias field="tolerance_m2" index="20" name="忽略碎片容差（平方米）"/>
    <alias field="reasons_zh" index="21" name="说明"/>
    <alias field="reasons_en" index="22" name="notes"/>
  </aliases>
  <defaults>
    <default applyOnUpdate="0" field="project_id" expression=""/>
    <default applyOnUpdate="0" field="name" expression=""/>
    <default applyOnUpdate="0" field="parcels" expression=""/>
    <default applyOnUpdate="0" field="area_ha" expression=""/>
    <default applyOnUpdate="0" field="original_cultivated_ha" expression=""/>
    <default applyOnUpdate="0" field="new_cultivated_ha" expression=""/>
    <default applyOnUpdate="0" field="lost_cultivated_ha" expression=""/>
    <default applyOnUpdate="0" field="new_cultivated_ratio" expression=""/>
    <default applyOnUpdate="0" field="new_cultivated_ok" expression=""/>
    <default applyOnUpdate="0" field="farmland_out_ha" expression=""/>
    <default applyOnUpdate="0" field="farmland_added_ha" expression=""/>
    <default applyOnUpdate="0" field="farmland_ratio" expression=""/>
    <default applyOnUpdate="0" field="farmland_ok" expression=""/>
    <default applyOnUpdate="0" field="dm_ha" expression=""/>
    <default applyOnUpdate="0" field="ecology_ok" expression=""/>
    <default applyOnUpdate="0" field="pass_count" expression=""/>
    <default applyOnUpdate="0" field="conditional_count" expression=""/>
    <default applyOnUpdate="0" field="fail_count" expression=""/>
    <default applyOnUpdate="0" field="verdict" expression=""/>
    <default applyOnUpdate="0" field="verdict_en" expression=""/>
    <default applyOnUpdate="0" field="tolerance_m2" expression=""/>
    <default applyOnUpdate="0" field="reasons_zh" expression=""/>
    <default applyOnUpdate="0" field="reasons_en" expression=""/>
  </defaults>
  <constraints>
    <constraint field="project_id" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="name" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="parcels" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="area_ha" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="original_cultivated_ha" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="new_cultivated_ha" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="lost_cultivated_ha" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="new_cultivated_ratio" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="new_cultivated_ok" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="farmland_out_ha" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="farmland_added_ha" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="farmland_ratio" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="farmland_ok" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="dm_ha" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="ecology_ok" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="pass_count" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="conditional_count" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="fail_count" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="verdict" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="verdict_en" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="tolerance_m2" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="reasons_zh" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
    <constraint field="reasons_en" unique_strength="0" notnull_strength="0" constraints="0" exp_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint field="project_id" exp="" desc=""/>
    <constraint field="name" exp="" desc=""/>
    <constraint field="parcels" exp="" desc=""/>
    <constraint field="area_ha" exp="" desc=""/>
    <constraint field="original_cultivated_ha" exp="" desc=""/>
    <constraint field="new_cultivated_ha" exp="" desc=""/>
    <constraint field="lost_cultivated_ha" exp="" desc=""/>
    <constraint field="new_cultivated_ratio" exp="" desc=""/>
    <constraint field="new_cultivated_ok" exp="" desc=""/>
    <constraint field="farmland_out_ha" exp="" desc=""/>
    <constraint field="farmland_added_ha" exp="" desc=""/>
    <constraint field="farmland_ratio" exp="" desc=""/>
    <constraint field="farmland_ok" exp="" desc=""/>
    <constraint field="dm_ha" exp="" desc=""/>
    <constraint field="ecology_ok" exp="" desc=""/>
    <constraint field="pass_count" exp="" desc=""/>
    <constraint field="conditional_count" exp="" desc=""/>
    <constraint field="fail_count" exp="" desc=""/>
    <constraint field="verdict" exp="" desc=""/>
    <constraint field="verdict_en" exp="" desc=""/>
    <constraint field="tolerance_m2" exp="" desc=""/>
    <constraint field="reasons_zh" exp="" desc=""/>
    <constraint field="reasons_en" exp="" desc=""/>
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
