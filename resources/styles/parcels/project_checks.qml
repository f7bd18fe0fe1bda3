<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis hasScaleBasedVisibilityFlag="0" maxScale="0" minScale="1e+08" readOnly="0" styleCategories="AllStyleCategories" version="3.22.16-Białowieża">
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
  <customproperties>
    <Option/>
  </customproperties>
  <geometryOptions geometryPrecision="0" removeDuplicateNodes="0">
    <activeChecks type="StringList">
      <Option type="QString" value=""/>
    </activeChecks>
    <checkConfiguration/>
  </geometryOptions>
  <legend showLabelLegend="0" type="default-vector"/>
  <referencedLayers/>
  <fieldConfiguration>
    <field configurationFlags="None" name="project_id">
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
    <field configurationFlags="None" name="original_cultivated_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="new_cultivated_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="lost_cultivated_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="new_cultivated_ratio">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="new_cultivated_ok">
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
    <field configurationFlags="None" name="farmland_added_ha">
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
    <field configurationFlags="None" name="farmland_ok">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="dm_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="ecology_ok">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="pass_count">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="conditional_count">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="fail_count">
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
    <field configurationFlags="None" name="tolerance_m2">
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
    <field configurationFlags="None" name="reasons_en">
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
    <default applyOnUpdate="0" expression="" field="project_id"/>
    <default applyOnUpdate="0" expression="" field="name"/>
    <default applyOnUpdate="0" expression="" field="parcels"/>
    <default applyOnUpdate="0" expression="" field="area_ha"/>
    <default applyOnUpdate="0" expression="" field="original_cultivated_ha"/>
    <default applyOnUpdate="0" expression="" field="new_cultivated_ha"/>
    <default applyOnUpdate="0" expression="" field="lost_cultivated_ha"/>
    <default applyOnUpdate="0" expression="" field="new_cultivated_ratio"/>
    <default applyOnUpdate="0" expression="" field="new_cultivated_ok"/>
    <default applyOnUpdate="0" expression="" field="farmland_out_ha"/>
    <default applyOnUpdate="0" expression="" field="farmland_added_ha"/>
    <default applyOnUpdate="0" expression="" field="farmland_ratio"/>
    <default applyOnUpdate="0" expression="" field="farmland_ok"/>
    <default applyOnUpdate="0" expression="" field="dm_ha"/>
    <default applyOnUpdate="0" expression="" field="ecology_ok"/>
    <default applyOnUpdate="0" expression="" field="pass_count"/>
    <default applyOnUpdate="0" expression="" field="conditional_count"/>
    <default applyOnUpdate="0" expression="" field="fail_count"/>
    <default applyOnUpdate="0" expression="" field="verdict"/>
    <default applyOnUpdate="0" expression="" field="verdict_en"/>
    <default applyOnUpdate="0" expression="" field="tolerance_m2"/>
    <default applyOnUpdate="0" expression="" field="reasons_zh"/>
    <default applyOnUpdate="0" expression="" field="reasons_en"/>
  </defaults>
  <constraints>
    <constraint constraints="0" exp_strength="0" field="project_id" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="name" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="parcels" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="area_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="original_cultivated_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="new_cultivated_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="lost_cultivated_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="new_cultivated_ratio" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="new_cultivated_ok" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="farmland_out_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="farmland_added_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="farmland_ratio" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="farmland_ok" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="dm_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="ecology_ok" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="pass_count" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="conditional_count" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="fail_count" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="verdict" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="verdict_en" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="tolerance_m2" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="reasons_zh" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="reasons_en" notnull_strength="0" unique_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint desc="" exp="" field="project_id"/>
    <constraint desc="" exp="" field="name"/>
    <constraint desc="" exp="" field="parcels"/>
    <constraint desc="" exp="" field="area_ha"/>
    <constraint desc="" exp="" field="original_cultivated_ha"/>
    <constraint desc="" exp="" field="new_cultivated_ha"/>
    <constraint desc="" exp="" field="lost_cultivated_ha"/>
    <constraint desc="" exp="" field="new_cultivated_ratio"/>
    <constraint desc="" exp="" field="new_cultivated_ok"/>
    <constraint desc="" exp="" field="farmland_out_ha"/>
    <constraint desc="" exp="" field="farmland_added_ha"/>
    <constraint desc="" exp="" field="farmland_ratio"/>
    <constraint desc="" exp="" field="farmland_ok"/>
    <constraint desc="" exp="" field="dm_ha"/>
    <constraint desc="" exp="" field="ecology_ok"/>
    <constraint desc="" exp="" field="pass_count"/>
    <constraint desc="" exp="" field="conditional_count"/>
    <constraint desc="" exp="" field="fail_count"/>
    <constraint desc="" exp="" field="verdict"/>
    <constraint desc="" exp="" field="verdict_en"/>
    <constraint desc="" exp="" field="tolerance_m2"/>
    <constraint desc="" exp="" field="reasons_zh"/>
    <constraint desc="" exp="" field="reasons_en"/>
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
  <layerGeometryType>4</layerGeometryType>
</qgis>
