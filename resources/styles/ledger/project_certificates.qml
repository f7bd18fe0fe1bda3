<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" minScale="1e+08" styleCategories="AllStyleCategories" readOnly="0" hasScaleBasedVisibilityFlag="0" maxScale="0">
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
  <customproperties>
    <Option/>
  </customproperties>
  <geometryOptions geometryPrecision="0" removeDuplicateNodes="0">
    <activeChecks type="StringList">
      <Option value="" type="QString"/>
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
    <field configurationFlags="None" name="certificates">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="issuable">
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
    <field configurationFlags="None" name="cultivated_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="tiankan_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="garden_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="forest_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="grass_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="standard_forest_ha">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias name="项目" field="project_id" index="0"/>
    <alias name="复垦券数" field="certificates" index="1"/>
    <alias name="可发券数" field="issuable" index="2"/>
    <alias name="可发券复垦面积（公顷）" field="area_ha" index="3"/>
    <alias name="复垦为耕地（公顷）" field="cultivated_ha" index="4"/>
    <alias name="田坎（公顷）" field="tiankan_ha" index="5"/>
    <alias name="复垦为园地（公顷）" field="garden_ha" index="6"/>
    <alias name="复垦为林地（公顷）" field="forest_ha" index="7"/>
    <alias name="复垦为草地（公顷）" field="grass_ha" index="8"/>
    <alias name="标准林地（公顷）" field="standard_forest_ha" index="9"/>
  </aliases>
  <defaults>
    <default applyOnUpdate="0" field="project_id" expression=""/>
    <default applyOnUpdate="0" field="certificates" expression=""/>
    <default applyOnUpdate="0" field="issuable" expression=""/>
    <default applyOnUpdate="0" field="area_ha" expression=""/>
    <default applyOnUpdate="0" field="cultivated_ha" expression=""/>
    <default applyOnUpdate="0" field="tiankan_ha" expression=""/>
    <default applyOnUpdate="0" field="garden_ha" expression=""/>
    <default applyOnUpdate="0" field="forest_ha" expression=""/>
    <default applyOnUpdate="0" field="grass_ha" expression=""/>
    <default applyOnUpdate="0" field="standard_forest_ha" expression=""/>
  </defaults>
  <constraints>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="project_id"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="certificates"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="issuable"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="area_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="cultivated_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="tiankan_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="garden_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="forest_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="grass_ha"/>
    <constraint unique_strength="0" notnull_strength="0" exp_strength="0" constraints="0" field="standard_forest_ha"/>
  </constraints>
  <constraintExpressions>
    <constraint desc="" field="project_id" exp=""/>
    <constraint desc="" field="certificates" exp=""/>
    <constraint desc="" field="issuable" exp=""/>
    <constraint desc="" field="area_ha" exp=""/>
    <constraint desc="" field="cultivated_ha" exp=""/>
    <constraint desc="" field="tiankan_ha" exp=""/>
    <constraint desc="" field="garden_ha" exp=""/>
    <constraint desc="" field="forest_ha" exp=""/>
    <constraint desc="" field="grass_ha" exp=""/>
    <constraint desc="" field="standard_forest_ha" exp=""/>
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
