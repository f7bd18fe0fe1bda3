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
    <field configurationFlags="None" name="village_id">
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
    <field configurationFlags="None" name="area_ha">
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
    <field configurationFlags="None" name="dm_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="area_mu">
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
    <default applyOnUpdate="0" expression="" field="village_id"/>
    <default applyOnUpdate="0" expression="" field="name"/>
    <default applyOnUpdate="0" expression="" field="parcels"/>
    <default applyOnUpdate="0" expression="" field="pass_count"/>
    <default applyOnUpdate="0" expression="" field="conditional_count"/>
    <default applyOnUpdate="0" expression="" field="fail_count"/>
    <default applyOnUpdate="0" expression="" field="area_ha"/>
    <default applyOnUpdate="0" expression="" field="new_cultivated_ha"/>
    <default applyOnUpdate="0" expression="" field="lost_cultivated_ha"/>
    <default applyOnUpdate="0" expression="" field="dm_ha"/>
    <default applyOnUpdate="0" expression="" field="area_mu"/>
  </defaults>
  <constraints>
    <constraint constraints="0" exp_strength="0" field="village_id" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="name" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="parcels" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="pass_count" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="conditional_count" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="fail_count" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="area_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="new_cultivated_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="lost_cultivated_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="dm_ha" notnull_strength="0" unique_strength="0"/>
    <constraint constraints="0" exp_strength="0" field="area_mu" notnull_strength="0" unique_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint desc="" exp="" field="village_id"/>
    <constraint desc="" exp="" field="name"/>
    <constraint desc="" exp="" field="parcels"/>
    <constraint desc="" exp="" field="pass_count"/>
    <constraint desc="" exp="" field="conditional_count"/>
    <constraint desc="" exp="" field="fail_count"/>
    <constraint desc="" exp="" field="area_ha"/>
    <constraint desc="" exp="" field="new_cultivated_ha"/>
    <constraint desc="" exp="" field="lost_cultivated_ha"/>
    <constraint desc="" exp="" field="dm_ha"/>
    <constraint desc="" exp="" field="area_mu"/>
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
